// Benchmarks: what each entry costs an app (min+gz) and what the runtime costs per save.
import { build } from 'esbuild'
import { gzipSync } from 'node:zlib'
import { fixtures, toBase64 } from 'mp-save-image/testing'

const ENTRIES = ['weapp', 'tt', 'alipay', 'swan', 'h5', 'unsupported', 'index']

/** An entry as an app bundles it: `imports` of it, minified by esbuild (UTF-8 kept, as terser does), gzip -9. */
async function minGz(file, imports = '*') {
  const result = await build({
    stdin: { contents: imports === '*' ? `export * from './${file}'` : `export { ${imports} } from './${file}'`, resolveDir: 'dist', loader: 'js' },
    bundle: true,
    minify: true,
    charset: 'utf8',
    format: 'esm',
    target: 'es2018',
    logLevel: 'error',
    write: false,
  })
  const code = result.outputFiles[0].contents
  return { min: code.length, gz: gzipSync(code, { level: 9 }).length }
}

const cell = ({ min, gz }) => `${String(gz).padStart(5)} B (${min} B min)`
console.log('size: the entry with every export and every chunk it loads, minified by esbuild, gzip -9')
console.log(`  ${'entry'.padEnd(14)} ${'production (dist/prod)'.padEnd(24)} development (dist)`)
for (const entry of ENTRIES) {
  const name = entry === 'index' ? 'universal' : entry
  console.log(`  ${name.padEnd(14)} ${cell(await minGz(`prod/${entry}.mjs`)).padEnd(24)} ${cell(await minGz(`${entry}.mjs`))}`)
}
console.log(`  weapp, only saveImageToAlbum imported: ${cell(await minGz('prod/weapp.mjs', 'saveImageToAlbum'))} in production`)

// Where the bytes of the production weapp entry go: each part's marginal cost, measured by building the
// entry from source again with that part replaced by a stub (what remains if the part were free).
const STUBS = {
  'validation (input, options, data URI / base64 sniffing)': {
    file: /src\/core\/validate\.ts$/,
    contents: `export const BASE_DEFAULTS = {}
export const parse = (platform, run) => run()
export const readCallbacks = () => ({})
const settings = { timeout: 1, guide: null, loading: null, maxBytes: 1 }
export const parseSaveInput = (input) => ({ source: { kind: 'local', path: input }, settings })
export const parseBatch = (items) => ({ items, concurrency: 1, ...settings })
export const parseBatchItem = (item) => ({ source: { kind: 'local', path: item }, settings })`,
  },
  'host strings and codes → contract codes': {
    file: /src\/core\/errors\.ts$/,
    contents: `export const ERROR_CODES = []
export class SaveImageError extends Error { constructor(code) { super(code); this.code = code } }
export const isSaveImageError = (e) => e instanceof SaveImageError
export const classify = () => 'UNKNOWN'
export const messageOf = String
export const numericField = () => undefined`,
  },
  'the WeChat adapter (host calls, paths, scope)': {
    file: /platforms\/weapp\.ts$/,
    contents: 'export const weappAdapter = null',
  },
}

async function withStub(stub) {
  const plugin = { name: 'stub', setup: (b) => b.onLoad({ filter: stub ? stub.file : /^$/ }, () => ({ contents: stub.contents, loader: 'js' })) }
  const result = await build({ entryPoints: ['src/weapp.ts'], bundle: true, minify: true, charset: 'utf8', format: 'esm', target: 'es2018', define: { __DEV__: 'false' }, plugins: [plugin], write: false, logLevel: 'error' })
  return gzipSync(result.outputFiles[0].contents, { level: 9 }).length
}
const whole = await withStub(undefined)
console.log(`\nwhere the ${whole} B of the production weapp entry go (marginal cost: the entry minus the entry with the part stubbed)`)
for (const [part, stub] of Object.entries(STUBS)) console.log(`  ${part.padEnd(56)} ${String(whole - (await withStub(stub))).padStart(5)} B`)
const only = (imports) => minGz('prod/weapp.mjs', imports).then((size) => size.gz)
const all = (await minGz('prod/weapp.mjs')).gz
console.log(`  ${'saveImagesToAlbum (batch)'.padEnd(56)} ${String(all - (await only('saveImageToAlbum, openAlbumSetting, SaveImageError, isSaveImageError, ERROR_CODES'))).padStart(5)} B`)
console.log(`  ${'openAlbumSetting'.padEnd(56)} ${String(all - (await only('saveImageToAlbum, saveImagesToAlbum, SaveImageError, isSaveImageError, ERROR_CODES'))).padStart(5)} B`)

/** A WeChat-shaped host that answers on the next microtask: what is left is the runtime's own cost. */
function instantHost() {
  const later = (fn) => queueMicrotask(fn)
  return {
    env: { USER_DATA_PATH: 'wxfile://usr' },
    saveImageToPhotosAlbum: (o) => later(() => o.success({ errMsg: 'saveImageToPhotosAlbum:ok' })),
    downloadFile: (o) => later(() => o.success({ statusCode: 200, filePath: o.filePath })),
    getFileSystemManager: () => ({ writeFile: (o) => later(() => o.success({})), unlinkSync() {} }),
  }
}

async function perSave(label, source, n) {
  const { saveImageToAlbum } = await import('mp-save-image/weapp')
  globalThis.wx = instantHost()
  await Promise.all(Array.from({ length: 200 }, () => saveImageToAlbum(source))) // warm up
  const started = performance.now()
  await Promise.all(Array.from({ length: n }, () => saveImageToAlbum(source)))
  const ms = performance.now() - started
  delete globalThis.wx
  console.log(`  ${label.padEnd(28)} ${((ms / n) * 1000).toFixed(1).padStart(6)} µs per save (${n} concurrent saves in ${ms.toFixed(0)} ms)`)
}

console.log('\nruntime cost per save (host answers on the next microtask)')
await perSave('local path', '/static/a.png', 20000)
await perSave('URL', 'https://cdn.example.com/a.png', 20000)
await perSave('base64 (70 B png)', { base64: toBase64(fixtures.png) }, 20000)
const big = new Uint8Array(4 * 1024 * 1024)
big.set(fixtures.png)
const bigBase64 = toBase64(big)
await perSave('base64 (4 MiB png)', { base64: bigBase64 }, 20)
