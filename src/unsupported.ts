import { SaveImageError } from './core/errors'
import type { SaveImageApi, SaveImageOptions } from './core/types'

export * from './core/public'

// The build plugins define it for a build target that has no adapter yet (see src/build/targets.ts).
declare const __MP_SAVE_IMAGE_UNSUPPORTED__: string

/**
 * What the plugins build for a target without an adapter: the same API, so the app builds and runs, and every call
 * rejects UNSUPPORTED_PLATFORM naming the target (a batch too: nothing can be saved there, so no image is judged).
 * It holds no core: nothing here can ever reach a host, so there is nothing to check, prepare or recover.
 */
const refuse = (): Promise<never> =>
  Promise.reject(
    new SaveImageError(
      'UNSUPPORTED_PLATFORM',
      // loaded without a plugin (never in an app), the code alone says it
      typeof __MP_SAVE_IMAGE_UNSUPPORTED__ !== 'undefined' && __MP_SAVE_IMAGE_UNSUPPORTED__,
      null,
    ),
  )

/**
 * The options' `fail` and `complete` hear of the refusal after the call returns, in that order, as on every other
 * entry; each on its own branch of the promise, so one that throws is reported (an unhandled rejection) and changes
 * nothing, and a caller who passed one need not handle the promise.
 */
const refuseCall = (input: unknown): Promise<never> => {
  const rejected = refuse()
  // a string source has no callbacks: its wrapper object reads them as undefined
  const { fail, complete } = Object(input) as SaveImageOptions
  for (const callback of [fail, complete]) if (callback) void rejected.catch(callback)
  return rejected
}
// the same API as every other entry
export const saveImageToAlbum: SaveImageApi['saveImageToAlbum'] = refuseCall
export const saveVideoToAlbum: SaveImageApi['saveVideoToAlbum'] = refuseCall
refuse satisfies SaveImageApi['saveImagesToAlbum'] & SaveImageApi['saveMediaToAlbum'] & SaveImageApi['openAlbumSetting']
export { refuse as saveImagesToAlbum, refuse as saveMediaToAlbum, refuse as openAlbumSetting }
