// Taro loads plugins with the `resolve` package, which ignores `exports`: this file is what it finds.
module.exports = require('./dist/taro.cjs')
