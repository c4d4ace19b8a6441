// Generated from src/hosts.ts by src/build/entries.ts (npm run entries): do not edit.
import { adapter as own } from '../../platforms/browser/harmony-hybrid'
import { adapter as fallback } from '../../platforms/browser/h5'
import { albumSetting, batchSave, createCore, findHost, mediaSave, singleSave, videoSave } from '../core/api'

export * from '../core/public'

const core = /* @__PURE__ */ createCore(/* @__PURE__ */ findHost([{ adapter: own }, { adapter: fallback }]))
export const saveImageToAlbum = /* @__PURE__ */ singleSave(core)
export const saveImagesToAlbum = /* @__PURE__ */ batchSave(core)
export const saveVideoToAlbum = /* @__PURE__ */ videoSave(core)
export const saveMediaToAlbum = /* @__PURE__ */ mediaSave(core)
export const openAlbumSetting = /* @__PURE__ */ albumSetting(core)
