// babel-preset-taro 更多选项和默认值：
// https://docs.taro.zone/docs/next/babel-config
module.exports = {
  presets: [
    [
      'taro',
      {
        framework: process.env.TARO_FRAMEWORK || 'vue3',
        ts: true,
        compiler: process.env.TARO_COMPILER === 'vite' ? 'vite' : 'webpack5',
      },
    ],
  ],
}
