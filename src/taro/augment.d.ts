// With `/// <reference types="mp-save-image/taro" />` (or "mp-save-image/taro" in tsconfig `types`),
// `Taro.saveImageToAlbum` and friends type-check.
import type { SaveImageApi as __SaveImageApi } from 'mp-save-image'
declare module '@tarojs/taro' {
  interface TaroStatic {
    saveImageToAlbum: __SaveImageApi['saveImageToAlbum']
    saveImagesToAlbum: __SaveImageApi['saveImagesToAlbum']
    saveVideoToAlbum: __SaveImageApi['saveVideoToAlbum']
    saveMediaToAlbum: __SaveImageApi['saveMediaToAlbum']
    openAlbumSetting: __SaveImageApi['openAlbumSetting']
  }
}
