import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'

// `TARO_COMPILER=vite` builds with Taro's vite compiler instead of webpack5.
const compiler = process.env.TARO_COMPILER === 'vite' ? 'vite' : 'webpack5'
// The package's own tests build without the plugin (to show what it changes) and with bad options
// (to show the build refuses them). Apps need neither switch.
const withPlugin = process.env.MSI_WITHOUT_PLUGIN !== '1'
const testOptions = JSON.parse(process.env.MSI_PLUGIN_OPTIONS || '{}')
// The package's bench swaps the package for a stub to measure the bytes it adds.
const benchStub = process.env.MSI_BENCH_STUB

export default defineConfig<'webpack5'>(() => {
  const config: UserConfigExport<'webpack5'> = {
    projectName: 'example-taro',
    date: '2026-11-21',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: process.env.TARO_OUTPUT || `dist/${compiler}/${process.env.TARO_ENV}`,
    plugins: withPlugin && !benchStub
      ? [
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
              ...testOptions,
            },
          ],
        ]
      : [],
    framework: 'react',
    compiler: compiler as 'webpack5',
    cache: { enable: false },
    mini: {
      postcss: { pxtransform: { enable: true, config: {} } },
    },
    alias: { '@': path.resolve(__dirname, '..', 'src'), ...(benchStub ? { 'mp-save-image': benchStub } : {}) },
  }
  return config
})
