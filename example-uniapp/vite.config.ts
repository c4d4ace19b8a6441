import uni from '@dcloudio/vite-plugin-uni'
import saveImage from 'mp-save-image/vite'
import { defineConfig } from 'vite'

export default defineConfig({
  plugins: [
    uni(),
    saveImage({
      guide: {
        title: '保存到相册',
        content: '需要“添加到相册”权限才能保存海报，去设置里打开吧',
        confirmText: '去设置',
        cancelText: '暂不',
      },
      timeout: 15000,
      loading: '正在保存',
      // H5: the text of the long-press overlay (in-app browsers)
      hint: '长按海报，保存到相册',
      // WeChat / Douyin: a save refused for the privacy agreement asks for it (requirePrivacyAuthorize), then retries
      privacy: true,
      // videos: saveVideoToAlbum and saveMediaToAlbum (left out of the bundle unless asked for)
      video: true,
    }),
  ],
})
