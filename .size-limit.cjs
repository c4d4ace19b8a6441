// Size budgets (`npm test` runs `size-limit`): each entry as an app bundles it in a production build
// (dist/prod: every code and check, no developer messages), every export included, minified by esbuild,
// gzip. An entry that grows past its budget fails CI; every new adapter gets a budget of its own.
const budget = (name, limit, entry = name, imports = '*') => ({ name, path: `dist/prod/${entry}.mjs`, import: imports, limit, gzip: true })

module.exports = [
  budget('weapp', '5250 B'),
  budget('tt', '5250 B'),
  budget('alipay', '5250 B'),
  budget('swan', '5250 B'),
  budget('h5', '6800 B'),
  budget('app', '5650 B'),
  budget('lark', '5250 B'),
  budget('dd', '5250 B'),
  budget('ascf', '5300 B'),
  budget('qq', '5250 B'),
  budget('kwai', '5300 B'),
  budget('xhs', '5300 B'),
  budget('jd', '5250 B'),
  budget('a target without an adapter', '4250 B', 'unsupported'),
  budget('universal (every adapter, found at run time)', '8900 B', 'index'),
  // what tree-shaking leaves an app that imports only saveImageToAlbum
  budget('weapp, saveImageToAlbum only', '4650 B', 'weapp', '{ saveImageToAlbum }'),
]
