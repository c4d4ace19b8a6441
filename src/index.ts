import { alipayAdapter } from '../platforms/alipay'
import { swanAdapter } from '../platforms/swan'
import { ttAdapter } from '../platforms/tt'
import { weappAdapter } from '../platforms/weapp'
import { createSaveImage } from './core/create'

export * from './core/public'

// Taro's getEnv order: hosts that also expose a WeChat-compatible global are checked before WeChat.
const ADAPTERS = [ttAdapter, weappAdapter, swanAdapter, alipayAdapter]

/**
 * Universal build, used when no build plugin chose the platform: it ships every adapter and
 * finds the host at call time. The Taro and uni-app plugins alias this entry to one host's.
 */
export const { saveImageToAlbum, saveImagesToAlbum, openAlbumSetting } = createSaveImage(
  () => ADAPTERS.find((adapter) => adapter.available()) || null,
)
