// Generated from src/hosts.ts by src/build/entries.ts (npm run entries): do not edit.
import { adapter } from '../../platforms/alipay'
import { albumSetting, batchSave, createCore, mediaSave, singleSave, videoSave } from '../core/api'

export * from '../core/public'

const core = /* @__PURE__ */ createCore(() => adapter)
export const saveImageToAlbum = /* @__PURE__ */ singleSave(core)
export const saveImagesToAlbum = /* @__PURE__ */ batchSave(core)
export const saveVideoToAlbum = /* @__PURE__ */ videoSave(core)
export const saveMediaToAlbum = /* @__PURE__ */ mediaSave(core)
export const openAlbumSetting = /* @__PURE__ */ albumSetting(core)
