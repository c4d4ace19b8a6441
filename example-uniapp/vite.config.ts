import uni from '@dcloudio/vite-plugin-uni'
import saveImage from 'mp-save-image/vite'
import { defineConfig } from 'vite'

// MSI_WITHOUT_PLUGIN=1 drops the plugin: the package's tests use it to show what the plugin changes
// (without it, the universal build with every host's adapter ships and `uni.saveImageToAlbum` is absent).
// The tests also set uni's own UNI_OUTPUT_DIR, so builds for different targets do not clobber each other.
const withPlugin = process.env.MSI_WITHOUT_PLUGIN !== '1'

export default defineConfig({
  plugins: [
    uni(),
    withPlugin &&
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
      }),
  ],
})
