import { h5Adapter } from '../platforms/h5'
import { albumSetting, batchSave, createCore, singleSave } from './core/create'

export * from './core/public'

// The API in a browser (Taro and uni-app H5 builds): share, download or long-press overlay; see `SaveMode`.
// One export per function, each pure, so an app that imports only saveImageToAlbum ships only its code.
const core = /* @__PURE__ */ createCore(() => h5Adapter)
export const saveImageToAlbum = /* @__PURE__ */ singleSave(core)
export const saveImagesToAlbum = /* @__PURE__ */ batchSave(core)
export const openAlbumSetting = /* @__PURE__ */ albumSetting(core)
