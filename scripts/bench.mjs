// `npm run bench`: one table, measured in one run, written to .bench/bench.json. Ratios, not absolute times.
//   1. host calls per save, on every simulated host
//   2. a batch of 20 URLs with 100 ms downloads: saveImagesToAlbum against the serial loop (target ≥ 3×)
//   2b. host calls per batch of 20 URLs: WeChat with saveMediaToPhotosAlbum (base library ≥ 3.17.2) and without, every host
//   3. peak extra heap while saving a 20 MiB base64 image, as a multiple of the input (target ≤ 2×)
//   4. build time with the plugin / without, Taro webpack5, Taro vite and uni, median of 5 alternated pairs (target ≤ 1.03)
//   5. size: each entry, production and development, and where the production bytes go
// `node scripts/bench.mjs --no-builds` skips 4 (about four minutes on 2 cores).
import { build as esbuild } from 'esbuild'
import { spawnSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { install, pack, root } from './examples.mjs'
import { buildTaro, taroVariant } from './taro-example.mjs'

const testing = await import('mp-save-image/testing')
const { fixtures, installAppHost, installHost, toBase64, toDataUri } = testing
const HOSTS = ['weapp', 'tt', 'alipay', 'swan', 'lark', 'dd', 'qq', 'kwai', 'xhs', 'jd', 'ascf']
const report = {}
const ratio = (n) => Math.round(n * 100) / 100


// 1. host calls per save -------------------------------------------------------------------------------
async function hostCalls(platform, source, options = {}) {
  const host = platform === 'app' ? installAppHost({ permission: 'granted', ...options }) : installHost(platform, { permission: 'granted', ...options })
  host.downloads.set('https://cdn.example.com/a.png', { body: fixtures.png, contentType: 'image/png' })
  host.addFile('/static/a.png', fixtures.png)
  const api = await import(`mp-save-image/${platform}`)
  // a refusal is a result too (Xiaohongshu refuses base64 before any host call)
  await api.saveImageToAlbum(source).catch(() => undefined)
  await host.idle()
  const calls = host.asyncCalls()
  host.uninstall()
  return calls
}
report.hostCalls = {}
for (const platform of [...HOSTS, 'app']) {
  const denied = platform === 'alipay' ? 'denied-forever' : 'denied'
  report.hostCalls[platform] = {
    'local path': await hostCalls(platform, '/static/a.png'),
    URL: await hostCalls(platform, 'https://cdn.example.com/a.png'),
    'data URI': await hostCalls(platform, toDataUri(fixtures.png, 'image/png')),
    'denied → guide → retry': await hostCalls(platform, '/static/a.png', { permission: denied, modal: 'confirm', settings: 'enable' }),
  }
}

// 2. a batch of 20 against the serial loop ------------------------------------------------------------
async function batchRace(concurrency) {
  const host = installHost('weapp', { permission: 'granted' })
  const urls = Array.from({ length: 20 }, (_, i) => `https://cdn.example.com/set/${i}.jpg`)
  for (const url of urls) host.downloads.set(url, { body: fixtures.jpeg, contentType: 'image/jpeg', delay: 100 })
  const api = await import('mp-save-image/weapp')
  let started = performance.now()
  for (const url of urls) await api.saveImageToAlbum(url)
  const serial = performance.now() - started
  started = performance.now()
  const outcomes = await api.saveImagesToAlbum(urls, concurrency ? { concurrency } : undefined)
  const batch = performance.now() - started
  await host.idle()
  host.uninstall()
  if (outcomes.some((o) => !o.ok)) throw new Error('the batch did not save every image')
  return { serialMs: Math.round(serial), batchMs: Math.round(batch), speedup: ratio(serial / batch) }
}
report.batch = { 'concurrency 3 (the default)': await batchRace(undefined), 'concurrency 4': await batchRace(4) }

// 2b. host calls per batch of 20 -----------------------------------------------------------------------------
const SAVE_APIS = ['saveImageToPhotosAlbum', 'saveImage', 'saveMediaToPhotosAlbum']
async function batchCalls(platform, options = {}) {
  const host = platform === 'app' ? installAppHost(options) : installHost(platform, options)
  const urls = Array.from({ length: 20 }, (_, i) => `https://cdn.example.com/set/${i}.jpg`)
  for (const url of urls) host.downloads.set(url, { body: fixtures.jpeg, contentType: 'image/jpeg' })
  const api = await import(`mp-save-image/${platform}`)
  const outcomes = await api.saveImagesToAlbum(urls)
  await host.idle()
  const calls = host.asyncCalls()
  const prompts = host.ui.filter((event) => event.type === 'permission-prompt' || event.type === 'save-confirm').length
  host.uninstall()
  if (outcomes.some((o) => !o.ok)) throw new Error(`${platform}: the batch did not save every image`)
  return { total: calls.length, saves: calls.filter((name) => SAVE_APIS.includes(name)).length, prompts }
}
report.batchCalls = {
  'weapp, base library ≥ 3.17.2': await batchCalls('weapp'),
  'weapp, older': await batchCalls('weapp', { saveMedia: false }),
}
for (const platform of [...HOSTS.slice(1), 'app']) report.batchCalls[platform] = await batchCalls(platform)

// 3. peak extra heap for a 20 MiB base64 image -------------------------------------------------------------
function heapPeak() {
  const child = spawnSync(process.execPath, ['--expose-gc', '--input-type=module', '-e', `
    const api = await import('mp-save-image/weapp')
    const samples = []
    const sample = () => samples.push(process.memoryUsage().heapUsed)
    const later = (fn) => setTimeout(fn, 0)
    globalThis.wx = {
      env: { USER_DATA_PATH: 'wxfile://usr' },
      saveImageToPhotosAlbum: (o) => (sample(), later(() => o.success({}))),
      getFileSystemManager: () => ({ writeFile: (o) => (sample(), later(() => o.success({}))), unlinkSync() {} }),
    }
    const png = Buffer.from('${toBase64(fixtures.png)}', 'base64')
    const bytes = Buffer.alloc(15 * 1024 * 1024)
    png.copy(bytes)
    const base64 = bytes.toString('base64')
    gc(); gc()
    const before = process.memoryUsage().heapUsed
    await api.saveImageToAlbum({ base64 })
    sample()
    const peak = Math.max(...samples) - before
    console.log(JSON.stringify({ inputBytes: base64.length, peakExtraBytes: peak, multiple: peak / base64.length }))
  `], { cwd: root, encoding: 'utf8' })
  if (child.status !== 0) throw new Error(child.stderr)
  const result = JSON.parse(child.stdout)
  return { input: `${(result.inputBytes / 1024 / 1024).toFixed(1)} MiB of base64`, peakExtra: `${(result.peakExtraBytes / 1024 / 1024).toFixed(2)} MiB`, multiple: ratio(result.multiple) }
}
report.heap = heapPeak()

// 4. build time with the plugin / without ------------------------------------------------------------------
const RUNS = 5
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
async function buildPair(name, withPlugin, without) {
  const times = { with: [], without: [] }
  // alternated, so a slow moment of the machine falls on both sides alike
  for (let run = 0; run < RUNS; run++) {
    times.with.push(await withPlugin())
    times.without.push(await without())
  }
  const row = { withMs: median(times.with), withoutMs: median(times.without) }
  return { ...row, ratio: ratio(row.withMs / row.withoutMs), runs: RUNS }
}
async function taroMs(compiler, project) {
  const result = await buildTaro({ platform: 'weapp', compiler, project })
  if (!result.ok) throw new Error(result.log.slice(-2000))
  return result.ms
}
function uniMs(cwd) {
  const env = {}
  for (const [key, value] of Object.entries(process.env)) if (!/^(NODE_ENV|UNI_.*)$/.test(key)) env[key] = value
  const started = performance.now()
  const result = spawnSync(join(cwd, 'node_modules/.bin/uni'), ['build', '-p', 'mp-weixin'], { cwd, env: { ...env, UNI_OUTPUT_DIR: join(cwd, 'dist/bench') }, encoding: 'utf8' })
  if (result.status !== 0) throw new Error(`${result.stdout}${result.stderr}`)
  return performance.now() - started
}
if (!process.argv.includes('--no-builds')) {
  pack()
  install('example-taro')
  const uniDir = install('example-uniapp')
  const { exampleVariant } = await import('./examples.mjs')
  const taroWithout = taroVariant('bench-no-plugin')
  const uniWithout = exampleVariant('example-uniapp', 'bench-no-plugin', { 'vite.config.ts': "import uni from '@dcloudio/vite-plugin-uni'\nimport { defineConfig } from 'vite'\nexport default defineConfig({ plugins: [uni()] })\n" })
  report.buildTime = {
    'Taro webpack5, weapp': await buildPair('webpack5', () => taroMs('webpack5'), () => taroMs('webpack5', taroWithout)),
    'Taro vite, weapp': await buildPair('vite', () => taroMs('vite'), () => taroMs('vite', taroWithout)),
    'uni-app, mp-weixin': await buildPair('uni', () => uniMs(uniDir), () => uniMs(uniWithout)),
  }
}

// 5. size -------------------------------------------------------------------------------------------------
async function minGz(entry, imports = '*', options = {}) {
  const contents = imports === '*' ? `export * from './${entry}'` : `export { ${imports} } from './${entry}'`
  const result = await esbuild({ stdin: { contents, resolveDir: 'dist', loader: 'js' }, bundle: true, minify: true, charset: 'utf8', format: 'esm', target: 'es2018', logLevel: 'error', write: false, ...options })
  const code = result.outputFiles[0].contents
  return { min: code.length, gz: gzipSync(code, { level: 9 }).length }
}
report.size = {}
for (const entry of [...HOSTS, 'h5', 'app', 'unsupported', 'index']) {
  report.size[entry === 'index' ? 'universal' : entry] = { production: await minGz(`prod/${entry}.mjs`), development: await minGz(`${entry}.mjs`) }
}
report.size['weapp, only saveImageToAlbum'] = { production: await minGz('prod/weapp.mjs', 'saveImageToAlbum') }

// Each part's marginal cost: the production weapp entry, built from source again with the part replaced by a stub.
const STUBS = {
  'validation (inputs, options, data URI / base64 sniffing)': [
    /src\/core\/validate\.ts$/,
    `export const BASE_DEFAULTS = {}
export const parse = (platform, run) => run()
export const readCallbacks = () => ({})
const settings = { timeout: 1, guide: null, loading: null, maxBytes: 1 }
export const parseSaveInput = (input) => ({ source: { kind: 'local', path: input }, settings })
export const parseBatch = (items) => ({ items, concurrency: 1, ...settings })
export const parseBatchItem = (item) => ({ source: { kind: 'local', path: item }, settings })`,
  ],
  'host strings and codes → contract codes': [
    /src\/core\/errors\.ts$/,
    `export const ERROR_CODES = []
export class SaveImageError extends Error { constructor(code) { super(code); this.code = code } }
export const isSaveImageError = (e) => e instanceof SaveImageError
export const classify = () => 'UNKNOWN'
export const messageOf = String
export const numericField = () => undefined`,
  ],
  'the WeChat adapter': [/(platforms\/weapp|src\/core\/callback-host)\.ts$/, 'export const weappAdapter = null; export const createCallbackHostAdapter = () => null'],
}
async function fromSource(stub) {
  const plugins = stub ? [{ name: 'stub', setup: (b) => b.onLoad({ filter: stub[0] }, () => ({ contents: stub[1], loader: 'js' })) }] : []
  const result = await esbuild({ entryPoints: ['src/weapp.ts'], bundle: true, minify: true, charset: 'utf8', format: 'esm', target: 'es2018', define: { __DEV__: 'false' }, plugins, write: false, logLevel: 'error' })
  return gzipSync(result.outputFiles[0].contents, { level: 9 }).length
}
const whole = await fromSource()
report.sizeParts = { whole }
for (const [part, stub] of Object.entries(STUBS)) report.sizeParts[part] = whole - (await fromSource(stub))
const exportsBut = (name) => ['saveImageToAlbum', 'saveImagesToAlbum', 'openAlbumSetting', 'SaveImageError', 'isSaveImageError', 'ERROR_CODES'].filter((n) => n !== name).join(', ')
const all = report.size.weapp.production.gz
report.sizeParts.saveImagesToAlbum = all - (await minGz('prod/weapp.mjs', exportsBut('saveImagesToAlbum'))).gz
report.sizeParts.openAlbumSetting = all - (await minGz('prod/weapp.mjs', exportsBut('openAlbumSetting'))).gz

// the table -----------------------------------------------------------------------------------------------
mkdirSync(join(root, '.bench'), { recursive: true })
writeFileSync(join(root, '.bench', 'bench.json'), `${JSON.stringify(report, null, 2)}\n`)
const rows = []
for (const [platform, cases] of Object.entries(report.hostCalls)) {
  rows.push([`host calls per save, ${platform}`, Object.entries(cases).map(([name, calls]) => `${name}: ${calls.length}`).join('; '), 'local 1, URL 2, data URI 2'])
}
for (const [name, b] of Object.entries(report.batch)) rows.push([`batch of 20 URLs (100 ms downloads), ${name}`, `${b.speedup.toFixed(2)}× faster than the serial loop (${b.batchMs} ms vs ${b.serialMs} ms)`, '≥ 3×'])
for (const [name, b] of Object.entries(report.batchCalls)) rows.push([`host calls per batch of 20 URLs, ${name}`, `${b.total} (${b.saves} save${b.saves === 1 ? '' : 's'}), ${b.prompts} system prompt${b.prompts === 1 ? '' : 's'}`, '—'])
rows.push(['peak extra heap, 20 MiB base64', `${report.heap.multiple}× the input (${report.heap.peakExtra} for ${report.heap.input})`, '≤ 2×'])
for (const [name, b] of Object.entries(report.buildTime || {})) rows.push([`build time with / without plugin, ${name}`, `${b.ratio.toFixed(2)} (${(b.withMs / 1000).toFixed(1)} s / ${(b.withoutMs / 1000).toFixed(1)} s, median of ${b.runs})`, '≤ 1.03'])
for (const [entry, s] of Object.entries(report.size)) rows.push([`size, ${entry}`, `${s.production.gz} B production${s.development ? `, ${s.development.gz} B development` : ''} (min+gz)`, [...HOSTS, 'h5', 'app'].includes(entry) ? '≤ 2,048 B production' : '—'])
rows.push(['where the production weapp bytes go', Object.entries(report.sizeParts).filter(([k]) => k !== 'whole').map(([k, v]) => `${k} ${v} B`).join('; '), '—'])
console.log('| measure | result | target |\n|---|---|---|')
for (const row of rows) console.log(`| ${row.join(' | ')} |`)
console.log('\n(.bench/bench.json holds every figure)')
