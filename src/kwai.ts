import { kwaiAdapter } from '../platforms/kwai'
import { albumSetting, batchSave, createCore, singleSave } from './core/create'

export * from './core/public'

// The API bound to Kuaishou (`ks`): this entry contains no other host's adapter.
// One export per function, each pure, so an app that imports only saveImageToAlbum ships only its code.
const core = /* @__PURE__ */ createCore(() => kwaiAdapter)
export const saveImageToAlbum = /* @__PURE__ */ singleSave(core)
export const saveImagesToAlbum = /* @__PURE__ */ batchSave(core)
export const openAlbumSetting = /* @__PURE__ */ albumSetting(core)
