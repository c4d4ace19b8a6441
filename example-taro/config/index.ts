import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'

// This example builds with either of Taro's compilers: webpack5, or vite with `TARO_COMPILER=vite`.
const compiler = process.env.TARO_COMPILER === 'vite' ? 'vite' : 'webpack5'

export default defineConfig<'webpack5'>(() => {
  const config: UserConfigExport<'webpack5'> = {
    projectName: 'example-taro',
    date: '2026-11-21',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: `dist/${compiler}/${process.env.TARO_ENV}`,
    plugins: [
      // Feishu / Lark (`taro build --type lark`): a community platform plugin, with project.lark.json
      '@tarojs/plugin-platform-lark',
      // DingTalk (`taro build --type dd`): a community platform plugin over Taro's Alipay one
      '@tarojs/plugin-platform-alipay-dd',
      // Kuaishou (`taro build --type kwai`): a community platform plugin
      '@tarojs/plugin-platform-kwai',
      // HarmonyOS NEXT's ArkTS target (`taro build --type harmony`, vite only): a build into an ArkTS project
      '@tarojs/plugin-platform-harmony-ets',
      [
        'mp-save-image/taro',
        {
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
        },
      ],
    ],
    framework: 'react',
    compiler: compiler as 'webpack5',
    cache: { enable: false },
    mini: {
      postcss: { pxtransform: { enable: true, config: {} } },
    },
    alias: { '@': path.resolve(__dirname, '..', 'src') },
    // `taro build --type harmony` writes into this DevEco Studio project (its ArkTS shell is not in this example)
    harmony: {
      projectPath: path.resolve(__dirname, '..', 'dist', 'harmony-project'),
      hapName: 'entry',
      name: 'default',
    },
  }
  return config
})
