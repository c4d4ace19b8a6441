// Size budgets (`npm test` runs `size-limit`): each entry as an app bundles it in a production build
// (dist/prod: every code and check, no developer messages), every export included, minified by esbuild,
// gzip. An entry that grows past its budget fails CI; every new adapter gets a budget of its own.
const budget = (name, limit, entry = name, imports = '*') => ({ name, path: `dist/prod/${entry}.mjs`, import: imports, limit, gzip: true })

module.exports = [
  budget('weapp', '6450 B'),
  budget('tt', '6600 B'),
  budget('alipay', '6250 B'),
  budget('swan', '6350 B'),
  budget('h5', '8100 B'),
  budget('app', '6800 B'),
  budget('lark', '6450 B'),
  budget('dd', '6250 B'),
  budget('ascf', '6400 B'),
  budget('qq', '6300 B'),
  budget('kwai', '6350 B'),
  budget('xhs', '6350 B'),
  budget('jd', '6300 B'),
  budget('a target without an adapter', '5200 B', 'unsupported'),
  budget('universal (every adapter, found at run time)', '10750 B', 'index'),
  // what tree-shaking leaves an app that imports only saveImageToAlbum
  budget('weapp, saveImageToAlbum only', '5550 B', 'weapp', '{ saveImageToAlbum }'),
]
