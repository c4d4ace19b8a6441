// With "mp-save-image/vite" (Vue 3) or "mp-save-image/webpack" (Vue 2) in tsconfig `types`, next to
// "@dcloudio/types", `uni.saveImageToAlbum` and friends type-check.
import type { SaveImageApi as __SaveImageApi } from 'mp-save-image'
declare global {
  interface Uni {
    saveImageToAlbum: __SaveImageApi['saveImageToAlbum']
    saveImagesToAlbum: __SaveImageApi['saveImagesToAlbum']
    saveVideoToAlbum: __SaveImageApi['saveVideoToAlbum']
    saveMediaToAlbum: __SaveImageApi['saveMediaToAlbum']
    openAlbumSetting: __SaveImageApi['openAlbumSetting']
  }
}
