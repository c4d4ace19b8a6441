import Taro from '@tarojs/taro'
import {
  openAlbumSetting,
  saveImagesToAlbum,
  saveImageToAlbum,
  saveMediaToAlbum,
  saveVideoToAlbum,
} from 'mp-save-image'

// Assigned when imported rather than in an `initNativeApi` hook: with the vite compiler that hook has
// already run by the time this module loads. The bare `mp-save-image` import is the one the plugin aliases to
// the app's platform, so `Taro.*` and a direct import share one core.
Object.assign(Taro, { saveImageToAlbum, saveImagesToAlbum, saveVideoToAlbum, saveMediaToAlbum, openAlbumSetting })
