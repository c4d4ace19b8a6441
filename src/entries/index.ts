// Generated from src/hosts.ts by src/build/entries.ts (npm run entries): do not edit.
import { adapter as a0, isThisHost as t0 } from '../../platforms/lark'
import { adapter as a1 } from '../../platforms/tt'
import { adapter as a2 } from '../../platforms/qq'
import { adapter as a3 } from '../../platforms/kwai'
import { adapter as a4 } from '../../platforms/xhs'
import { adapter as a5 } from '../../platforms/jd'
import { adapter as a6 } from '../../platforms/ascf'
import { adapter as a7 } from '../../platforms/weapp'
import { adapter as a8 } from '../../platforms/swan'
import { adapter as a9 } from '../../platforms/dd'
import { adapter as a10 } from '../../platforms/alipay'
import { adapter as a11, isThisHost as t11 } from '../../platforms/app-harmony'
import { adapter as a12 } from '../../platforms/app'
import { adapter as a13 } from '../../platforms/browser/harmony-hybrid'
import { adapter as a14 } from '../../platforms/browser/h5'
import { albumSetting, batchSave, createCore, findHost, mediaSave, singleSave, videoSave } from '../core/api'

const modules = [
  { adapter: a0, isThisHost: t0 },
  { adapter: a1 },
  { adapter: a2 },
  { adapter: a3 },
  { adapter: a4 },
  { adapter: a5 },
  { adapter: a6 },
  { adapter: a7 },
  { adapter: a8 },
  { adapter: a9 },
  { adapter: a10 },
  { adapter: a11, isThisHost: t11 },
  { adapter: a12 },
  { adapter: a13 },
  { adapter: a14 },
]

export * from '../core/public'

const core = /* @__PURE__ */ createCore(/* @__PURE__ */ findHost(modules))
export const saveImageToAlbum = /* @__PURE__ */ singleSave(core)
export const saveImagesToAlbum = /* @__PURE__ */ batchSave(core)
export const saveVideoToAlbum = /* @__PURE__ */ videoSave(core)
export const saveMediaToAlbum = /* @__PURE__ */ mediaSave(core)
export const openAlbumSetting = /* @__PURE__ */ albumSetting(core)
