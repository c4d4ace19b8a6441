const saveImage = require('mp-save-image/webpack')

module.exports = {
  configureWebpack: {
    plugins: [
      saveImage({
        guide: {
          title: '保存到相册',
          content: '需要“添加到相册”权限才能保存海报，去设置里打开吧',
          confirmText: '去设置',
          cancelText: '暂不',
        },
        loading: '正在保存',
      }),
    ],
  },
}
