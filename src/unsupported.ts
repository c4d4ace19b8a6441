import { createSaveImage } from './core/create'

export * from './core/public'

// The build plugins define this for a build target that has no adapter yet (see src/build/targets.ts).
declare const __MP_SAVE_IMAGE_UNSUPPORTED__: string | undefined

/**
 * What the plugins build for a target without an adapter: the same API, so the app builds and runs,
 * and every call rejects UNSUPPORTED_PLATFORM naming the target.
 */
export const { saveImageToAlbum, saveImagesToAlbum, openAlbumSetting } = createSaveImage(
  () => null,
  typeof __MP_SAVE_IMAGE_UNSUPPORTED__ === 'string' ? __MP_SAVE_IMAGE_UNSUPPORTED__ : 'this build target has no adapter',
)
