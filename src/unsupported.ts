import { albumSetting, batchSave, createCore, singleSave } from './core/api'

export * from './core/public'

// The build plugins define both for a build target that has no adapter yet (see src/build/targets.ts).
declare const __MP_SAVE_IMAGE_PLUGIN__: true
declare const __MP_SAVE_IMAGE_UNSUPPORTED__: string

/**
 * What the plugins build for a target without an adapter: the same API, so the app builds and runs,
 * and every call rejects UNSUPPORTED_PLATFORM naming the target.
 */
const core = /* @__PURE__ */ createCore(
  () => null,
  typeof __MP_SAVE_IMAGE_PLUGIN__ !== 'undefined' ? __MP_SAVE_IMAGE_UNSUPPORTED__ : 'this build target has no adapter',
)
export const saveImageToAlbum = /* @__PURE__ */ singleSave(core)
export const saveImagesToAlbum = /* @__PURE__ */ batchSave(core)
export const openAlbumSetting = /* @__PURE__ */ albumSetting(core)
