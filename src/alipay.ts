import { alipayAdapter } from '../platforms/alipay'
import { createSaveImage } from './core/create'

export * from './core/public'

/** The API bound to this one host: this entry contains no other host's adapter. */
export const { saveImageToAlbum, saveImagesToAlbum, openAlbumSetting } = createSaveImage(() => alipayAdapter)
