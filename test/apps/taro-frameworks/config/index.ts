import { defineConfig } from '@tarojs/cli'

// One app per framework, as `taro init` makes them: TARO_FRAMEWORK=vue3|preact|solid picks src/<framework>;
// TARO_COMPILER=vite the vite compiler (default webpack5). Preact stays below 10.24, whose compat reports React 18:
// Taro 4.2's mini-program runtime then calls a createRoot preact/compat does not have (NervJS/taro#16690).
const framework = (process.env.TARO_FRAMEWORK || 'vue3') as 'vue3' | 'preact' | 'solid'
const compiler = process.env.TARO_COMPILER === 'vite' ? 'vite' : 'webpack5'

export default defineConfig<'webpack5'>(async () => ({
  projectName: 'taro-frameworks-app',
  date: '2026-12-1',
  designWidth: 750,
  deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
  sourceRoot: `src/${framework}`,
  outputRoot: `dist/${framework}/${compiler}/${process.env.TARO_ENV}`,
  plugins: [['mp-save-image/taro', { guide: { title: '保存到相册' } }]],
  framework,
  compiler: compiler as 'webpack5',
  cache: { enable: false },
  mini: { postcss: { pxtransform: { enable: true, config: {} } } },
  h5: { publicPath: '/', staticDirectory: 'static' },
}))
