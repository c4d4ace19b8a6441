import { alipayAdapter } from '../platforms/alipay'
import { appAdapter } from '../platforms/app'
import { ascfAdapter } from '../platforms/ascf'
import { ddAdapter } from '../platforms/dd'
import { h5Adapter } from '../platforms/h5'
import { jdAdapter } from '../platforms/jd'
import { kwaiAdapter } from '../platforms/kwai'
import { isFeishu, larkAdapter } from '../platforms/lark'
import { qqAdapter } from '../platforms/qq'
import { swanAdapter } from '../platforms/swan'
import { ttAdapter } from '../platforms/tt'
import { weappAdapter } from '../platforms/weapp'
import { xhsAdapter } from '../platforms/xhs'
import type { HostAdapter } from './core/adapter'
import { albumSetting, batchSave, createCore, singleSave } from './core/create'

export * from './core/public'

// Taro's getEnv order: hosts that also expose a WeChat-compatible global are checked before WeChat; Feishu before
// Douyin, whose `tt` global it shares (told apart by appName); DingTalk before Alipay, whose container it runs in; the uni-app App (it has `plus`); a browser last, as
// Taro's mini-program builds give pages a `document` of their own.
const feishu: HostAdapter = { ...larkAdapter, available: () => larkAdapter.available() && isFeishu() }
const ADAPTERS = [feishu, ttAdapter, qqAdapter, kwaiAdapter, xhsAdapter, jdAdapter, ascfAdapter, weappAdapter, swanAdapter, ddAdapter, alipayAdapter, appAdapter, h5Adapter]

/**
 * Universal build, used when no build plugin chose the platform: it ships every adapter and
 * finds the host at call time. The Taro and uni-app plugins alias this entry to one host's.
 */
const core = /* @__PURE__ */ createCore(() => ADAPTERS.find((adapter) => adapter.available()) || null)
export const saveImageToAlbum = /* @__PURE__ */ singleSave(core)
export const saveImagesToAlbum = /* @__PURE__ */ batchSave(core)
export const openAlbumSetting = /* @__PURE__ */ albumSetting(core)
