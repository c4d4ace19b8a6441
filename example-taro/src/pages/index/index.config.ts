export default definePageConfig({ navigationBarTitleText: '保存图片到相册' })
