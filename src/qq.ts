import { qqAdapter } from '../platforms/qq'
import { albumSetting, batchSave, createCore, singleSave } from './core/create'

export * from './core/public'

// The API bound to QQ (`qq`): this entry contains no other host's adapter.
// One export per function, each pure, so an app that imports only saveImageToAlbum ships only its code.
const core = /* @__PURE__ */ createCore(() => qqAdapter)
export const saveImageToAlbum = /* @__PURE__ */ singleSave(core)
export const saveImagesToAlbum = /* @__PURE__ */ batchSave(core)
export const openAlbumSetting = /* @__PURE__ */ albumSetting(core)
