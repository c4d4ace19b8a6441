import Taro from '@tarojs/taro'
import { openAlbumSetting, saveImagesToAlbum, saveImageToAlbum } from '../index'

// Assigned when imported rather than in an `initNativeApi` hook: with the vite compiler that hook has
// already run by the time this module loads. `../index` is the bare `mp-save-image` import in the build,
// which the plugin aliases to the app's platform, so `Taro.*` and a direct import share one core.
Object.assign(Taro, { saveImageToAlbum, saveImagesToAlbum, openAlbumSetting })
