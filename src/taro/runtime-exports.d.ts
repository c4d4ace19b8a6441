// Types of `mp-save-image/taro/runtime`, which the Taro plugin injects into the app: it exports nothing
// and puts saveImageToAlbum, saveImagesToAlbum, saveVideoToAlbum, saveMediaToAlbum and openAlbumSetting on `Taro`
// when imported.
export {}
