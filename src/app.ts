import { appAdapter } from '../platforms/app'
import { albumSetting, batchSave, createCore, singleSave } from './core/create'

export * from './core/public'

// The API in the uni-app App (`uni build -p app`): uni's save over HTML5+ files and settings.
// One export per function, each pure, so an app that imports only saveImageToAlbum ships only its code.
const core = /* @__PURE__ */ createCore(() => appAdapter)
export const saveImageToAlbum = /* @__PURE__ */ singleSave(core)
export const saveImagesToAlbum = /* @__PURE__ */ batchSave(core)
export const openAlbumSetting = /* @__PURE__ */ albumSetting(core)
