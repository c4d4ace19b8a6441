module.exports = {
  presets: [
    ['taro', { framework: 'react', ts: true, compiler: process.env.TARO_COMPILER === 'vite' ? 'vite' : 'webpack5' }],
  ],
}
