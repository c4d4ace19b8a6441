import { h5Adapter } from '../platforms/h5'
import { createSaveImage } from './core/create'

export * from './core/public'

/** The API in a browser (Taro and uni-app H5 builds): share, download or long-press overlay; see `SaveMode`. */
export const { saveImageToAlbum, saveImagesToAlbum, openAlbumSetting } = createSaveImage(() => h5Adapter)
