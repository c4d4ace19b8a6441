// As uni's Vue 2 CLI template has it: vue-cli's preset (core-js by usage on H5, by entry elsewhere; CommonJS modules
// under webpack 4), Babel's runtime helpers on the mini-programs, and uni-ui's components imported one by one.
const webpack = require('webpack')

const plugins = []
process.UNI_LIBRARIES = process.UNI_LIBRARIES || ['@dcloudio/uni-ui']
for (const libraryName of process.UNI_LIBRARIES) {
  plugins.push(['import', { libraryName, customName: (name) => `${libraryName}/lib/${name}/${name}` }])
}
if (process.env.UNI_PLATFORM !== 'h5') plugins.push('@babel/plugin-transform-runtime')

module.exports = {
  presets: [
    [
      '@vue/app',
      {
        modules: webpack.version[0] > 4 ? 'auto' : 'commonjs',
        useBuiltIns: process.env.UNI_PLATFORM === 'h5' ? 'usage' : 'entry',
      },
    ],
  ],
  plugins,
}
