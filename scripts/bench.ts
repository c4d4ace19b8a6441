// `npm run bench`: one table, measured in one run, written to .bench/bench.json. Ratios, not absolute times.
//   1. host calls per save, on every simulated host
//   2. a batch of 20 URLs with 100 ms downloads: saveImagesToAlbum against the serial loop (target ≥ 3×)
//   2b. host calls per batch of 20 URLs, every simulated host (WeChat with saveMediaToPhotosAlbum and without)
//   3. peak extra heap while saving a 20 MiB base64 image, as a multiple of the input (target ≤ 2×)
//   4. build time with the plugin / without, Taro webpack5, Taro vite and uni, median of 5 alternated pairs (target ≤ 1.03)
//   5. size: each entry, production and development, and where the production bytes go
//   6. size of each host's entry as the build plugins bundle it, per feature variant of their options
//   7. bytes the package adds to the example apps, production, per framework build and plugin options
// `tsx scripts/bench.ts --no-builds` skips 4 and 7 (about four minutes on 2 cores), keeping their last figures.
import { build as esbuild, type Plugin } from 'esbuild'
import { spawnSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { entryFile, entrySource } from '../src/build/entries'
import { HOSTS, type PlatformId } from '../src/hosts'
import { denied, PROFILES, type SimulatedPlatform } from '../src/testing/profiles'
import { gzippedScripts, taroWith, uniWith } from '../test/harness/added'
import { exampleVariant, install, pack, root } from '../test/harness/examples'
import { buildTaro, taroVariant } from '../test/harness/taro'
import { bundleHost, minify, VARIANTS, type Variant } from '../test/harness/variants'
import { benchTable, readBenchJson, writeBenchPages } from './bench-page'

type Api = typeof import('../src/core/entry')
type Testing = typeof import('../src/testing')
type Report = Record<string, any>

/** The package as it is built, through its own exports. */
const load = (id: string) => import(id) as Promise<Api>
/** Every host with a simulated twin: the mini-program hosts (their profiles) and the uni-app App. */
const SIMULATED: PlatformId[] = HOSTS.map((host) => host.id).filter((id) => id in PROFILES || id === 'app')
const ratio = (n: number) => Math.round(n * 100) / 100

async function main() {
  const testing = (await import('mp-save-image/testing')) as Testing
  const simulate = (platform: PlatformId, options: Record<string, unknown>) =>
    platform === 'app' ? testing.installAppHost(options) : testing.installHost(platform as never, options)
  const report: Report = {}
  report.hostCalls = await hostCalls(testing, simulate)
  report.batch = {
    'concurrency 3 (the default)': await batchRace(testing, undefined),
    'concurrency 4': await batchRace(testing, 4),
  }
  report.batchCalls = await batchCalls(testing, simulate)
  report.heap = heapPeak(testing)
  const builds = !process.argv.includes('--no-builds')
  // without the builds, their figures are the last full run's
  const last = builds ? {} : readBenchJson()
  report.buildTime = builds ? await buildTimes() : last.buildTime
  report.size = await sizes()
  report.sizeParts = await sizeParts(report.size)
  report.variants = await variantSizes()
  report.exampleBytes = builds ? await exampleBytes() : last.exampleBytes
  if (!builds) report.buildFiguresFrom = 'the last full run'
  mkdirSync(join(root, '.bench'), { recursive: true })
  writeFileSync(join(root, '.bench', 'bench.json'), `${JSON.stringify(report, null, 2)}\n`)
  writeBenchPages(report)
  console.log(benchTable(report))
  console.log('\n(.bench/bench.json holds every figure; docs/bench.json and the docs benchmark pages were rewritten)')
}

type Simulate = (
  platform: PlatformId,
  options: Record<string, unknown>,
) => ReturnType<Testing['installHost']> | ReturnType<Testing['installAppHost']>

// 1. host calls per save -------------------------------------------------------------------------------
async function hostCalls({ fixtures, toDataUri }: Testing, simulate: Simulate) {
  const callsOf = async (
    platform: PlatformId,
    source: string,
    options: Record<string, unknown> = {},
    save: 'saveImageToAlbum' | 'saveVideoToAlbum' = 'saveImageToAlbum',
  ) => {
    const host = simulate(platform, { permission: 'granted', ...options })
    host.downloads.set('https://cdn.example.com/a.png', { body: fixtures.png, contentType: 'image/png' })
    // what the checks of a download cost: no Content-Type (its first bytes are read), a JPEG behind a .png name (renamed)
    host.downloads.set('https://cdn.example.com/untyped.png', { body: fixtures.png })
    host.downloads.set('https://cdn.example.com/photo.png', { body: fixtures.jpeg, contentType: 'image/jpeg' })
    host.downloads.set('https://cdn.example.com/v/clip', { body: fixtures.mp4, contentType: 'video/mp4' })
    host.addFile('/static/a.png', fixtures.png)
    const api = await load(`mp-save-image/${platform}`)
    // a refusal is a result too (Xiaohongshu refuses base64 before any host call)
    await api[save](source).catch(() => undefined)
    await host.idle()
    const calls = host.asyncCalls()
    host.uninstall()
    return calls
  }
  const result: Report = {}
  for (const platform of SIMULATED) {
    // the App has no profile: a refusal there is 'denied'
    const refused = platform === 'app' ? 'denied' : denied(platform as SimulatedPlatform)
    result[platform] = {
      'local path': await callsOf(platform, '/static/a.png'),
      URL: await callsOf(platform, 'https://cdn.example.com/a.png'),
      'URL, no Content-Type': await callsOf(platform, 'https://cdn.example.com/untyped.png', { headersEvent: false }),
      'URL, a JPEG named .png': await callsOf(platform, 'https://cdn.example.com/photo.png'),
      'data URI': await callsOf(platform, toDataUri(fixtures.png, 'image/png')),
      'video URL': await callsOf(platform, 'https://cdn.example.com/v/clip', {}, 'saveVideoToAlbum'),
      'denied → guide → retry': await callsOf(platform, '/static/a.png', {
        permission: refused,
        modal: 'confirm',
        settings: 'enable',
      }),
    }
  }
  return result
}

// 2. a batch of 20 against the serial loop ------------------------------------------------------------
async function batchRace({ fixtures, installHost }: Testing, concurrency: number | undefined) {
  const host = installHost('weapp', { permission: 'granted' })
  const urls = Array.from({ length: 20 }, (_, i) => `https://cdn.example.com/set/${i}.jpg`)
  for (const url of urls) host.downloads.set(url, { body: fixtures.jpeg, contentType: 'image/jpeg', delay: 100 })
  const api = await load('mp-save-image/weapp')
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

// 2b. host calls per batch of 20 -----------------------------------------------------------------------------
const SAVE_APIS = ['saveImageToPhotosAlbum', 'saveImage', 'saveMediaToPhotosAlbum']
async function batchCalls({ fixtures }: Testing, simulate: Simulate) {
  const callsOf = async (platform: PlatformId, options: Record<string, unknown> = {}) => {
    const host = simulate(platform, options)
    const urls = Array.from({ length: 20 }, (_, i) => `https://cdn.example.com/set/${i}.jpg`)
    for (const url of urls) host.downloads.set(url, { body: fixtures.jpeg, contentType: 'image/jpeg' })
    const api = await load(`mp-save-image/${platform}`)
    const outcomes = await api.saveImagesToAlbum(urls)
    await host.idle()
    const calls = host.asyncCalls()
    const prompts = host.ui.filter(
      (event) => event.type === 'permission-prompt' || event.type === 'save-confirm',
    ).length
    host.uninstall()
    if (outcomes.some((o) => !o.ok)) throw new Error(`${platform}: the batch did not save every image`)
    return { total: calls.length, saves: calls.filter((name) => SAVE_APIS.includes(name)).length, prompts }
  }
  const result: Report = {
    'weapp, base library ≥ 3.17.2': await callsOf('weapp'),
    'weapp, older': await callsOf('weapp', { saveMedia: false }),
  }
  for (const platform of SIMULATED.filter((id) => id !== 'weapp')) result[platform] = await callsOf(platform)
  return result
}

// 3. peak extra heap for a 20 MiB base64 image -------------------------------------------------------------
function heapPeak({ fixtures, toBase64 }: Testing) {
  const script = `
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
  `
  const child = spawnSync(process.execPath, ['--expose-gc', '--input-type=module', '-e', script], {
    cwd: root,
    encoding: 'utf8',
  })
  if (child.status !== 0) throw new Error(child.stderr)
  const result = JSON.parse(child.stdout) as { inputBytes: number; peakExtraBytes: number; multiple: number }
  return {
    input: `${(result.inputBytes / 1024 / 1024).toFixed(1)} MiB of base64`,
    peakExtra: `${(result.peakExtraBytes / 1024 / 1024).toFixed(2)} MiB`,
    multiple: ratio(result.multiple),
  }
}

// 4. build time with the plugin / without ------------------------------------------------------------------
const RUNS = 5
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!

async function buildPair(withPlugin: () => Promise<number> | number, without: () => Promise<number> | number) {
  const times: { with: number[]; without: number[] } = { with: [], without: [] }
  // alternated, so a slow moment of the machine falls on both sides alike
  for (let run = 0; run < RUNS; run++) {
    times.with.push(await withPlugin())
    times.without.push(await without())
  }
  const row = { withMs: median(times.with), withoutMs: median(times.without) }
  return { ...row, ratio: ratio(row.withMs / row.withoutMs), runs: RUNS }
}

async function taroMs(compiler: 'webpack5' | 'vite', project?: string) {
  const result = await buildTaro({ platform: 'weapp', compiler, project })
  if (!result.ok) throw new Error(result.log.slice(-2000))
  return result.ms
}

function uniMs(cwd: string) {
  const env: Record<string, string | undefined> = {}
  for (const [key, value] of Object.entries(process.env)) if (!/^(NODE_ENV|UNI_.*)$/.test(key)) env[key] = value
  const started = performance.now()
  const result = spawnSync(join(cwd, 'node_modules/.bin/uni'), ['build', '-p', 'mp-weixin'], {
    cwd,
    env: { ...env, UNI_OUTPUT_DIR: join(cwd, 'dist/bench') },
    encoding: 'utf8',
  })
  if (result.status !== 0) throw new Error(`${result.stdout}${result.stderr}`)
  return performance.now() - started
}

async function buildTimes() {
  pack()
  install('example-taro')
  const uniDir = install('example-uniapp')
  const taroWithout = taroVariant('bench-no-plugin')
  const uniWithout = exampleVariant('example-uniapp', 'bench-no-plugin', {
    'vite.config.ts':
      "import uni from '@dcloudio/vite-plugin-uni'\nimport { defineConfig } from 'vite'\nexport default defineConfig({ plugins: [uni()] })\n",
  })
  return {
    'Taro webpack5, weapp': await buildPair(
      () => taroMs('webpack5'),
      () => taroMs('webpack5', taroWithout),
    ),
    'Taro vite, weapp': await buildPair(
      () => taroMs('vite'),
      () => taroMs('vite', taroWithout),
    ),
    'uni-app, mp-weixin': await buildPair(
      () => uniMs(uniDir),
      () => uniMs(uniWithout),
    ),
  }
}

// 5. size -------------------------------------------------------------------------------------------------
/** An entry of dist as an app bundles it: minified by esbuild, gzip -9. */
async function minGz(entry: string, imports = '*', plugins: Plugin[] = []) {
  const contents = imports === '*' ? `export * from './${entry}'` : `export { ${imports} } from './${entry}'`
  const result = await esbuild({
    stdin: { contents, resolveDir: join(root, 'dist'), loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2018',
    logLevel: 'error',
    write: false,
    plugins,
  })
  const code = result.outputFiles[0]!.contents
  return { min: code.length, gz: gzipSync(code, { level: 9 }).length }
}

async function sizes() {
  const result: Report = {}
  for (const host of HOSTS) {
    result[host.id] = {
      production: await minGz(`prod/${entryFile(host.id)}.mjs`),
      development: await minGz(`${entryFile(host.id)}.mjs`),
      budget: host.budgets[0],
    }
  }
  result.unsupported = { production: await minGz('prod/unsupported.mjs'), development: await minGz('unsupported.mjs') }
  result.universal = { production: await minGz('prod/index.mjs'), development: await minGz('index.mjs') }
  result['weapp, only saveImageToAlbum'] = {
    production: await minGz(`prod/${entryFile('weapp')}.mjs`, 'saveImageToAlbum'),
  }
  return result
}

// Each part's marginal cost: the production weapp entry, built from source again with the part replaced by a stub.
const STUBS: Record<string, [RegExp, string]> = {
  'validation (inputs, options, data URI / base64 sniffing)': [
    /src\/core\/validate\.ts$/,
    `const settings = { timeout: 1, guide: null, loading: null, maxBytes: 1 }
export const parseSaveInput = (input) => ({ source: { kind: 'local', path: input }, settings })
export const parseVideoInput = (input) => ({ source: { kind: 'local', path: input, video: true }, settings })
export const takeCallbacks = () => {}
export const parseBatch = (items) => ({ items, concurrency: 1, ...settings })
export const parseBatchItem = (item) => ({ source: { kind: 'local', path: item }, settings })`,
  ],
  'host strings and codes → contract codes': [
    /src\/core\/errors\.ts$/,
    `export const ERROR_CODES = []
export class SaveImageError extends Error { constructor(code) { super(code); this.code = code } }
export const isSaveImageError = (e) => e instanceof SaveImageError
export class Failure { constructor(code) { this.code = code } }
export const toSaveImageError = (e) => e
export const classify = () => 'UNKNOWN'
export const messageOf = String
export const numericField = () => undefined`,
  ],
  'the WeChat adapter': [
    /platforms\/(weapp|kit\/callback-host)\.ts$/,
    'export const adapter = null; export const createCallbackHostAdapter = () => null',
  ],
}

async function fromSource(stub?: [RegExp, string]) {
  const plugins: Plugin[] = stub
    ? [{ name: 'stub', setup: (b) => b.onLoad({ filter: stub[0] }, () => ({ contents: stub[1], loader: 'js' })) }]
    : []
  const result = await esbuild({
    entryPoints: [join(root, entrySource('weapp'))],
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2018',
    define: { __DEV__: 'false' },
    plugins,
    write: false,
    logLevel: 'error',
  })
  return gzipSync(result.outputFiles[0]!.contents, { level: 9 }).length
}

async function sizeParts(size: Report) {
  const whole = await fromSource()
  const parts: Record<string, number> = { whole }
  for (const [part, stub] of Object.entries(STUBS)) parts[part] = whole - (await fromSource(stub))
  const exportsBut = (name: string) =>
    [
      'saveImageToAlbum',
      'saveImagesToAlbum',
      'saveVideoToAlbum',
      'saveMediaToAlbum',
      'openAlbumSetting',
      'SaveImageError',
      'isSaveImageError',
      'ERROR_CODES',
    ]
      .filter((n) => n !== name)
      .join(', ')
  const all = size.weapp.production.gz as number
  const weapp = `prod/${entryFile('weapp')}.mjs`
  parts.saveImagesToAlbum = all - (await minGz(weapp, exportsBut('saveImagesToAlbum'))).gz
  parts.openAlbumSetting = all - (await minGz(weapp, exportsBut('openAlbumSetting'))).gz
  // each feature a plugin's options can leave out: everything on, less the same build without it
  const on = await variantGz('weapp', { privacy: true, video: true })
  parts['videos (saveVideoToAlbum, saveMediaToAlbum)'] = on - (await variantGz('weapp', { privacy: true }))
  parts['the privacy step'] = on - (await variantGz('weapp', { video: true }))
  parts['the guide'] = on - (await variantGz('weapp', { privacy: true, video: true, guide: false }))
  parts['canvas sources'] = on - (await variantGz('weapp', { privacy: true, video: true, canvas: false }))
  parts['conversion (redraw on a 2D canvas)'] =
    on - (await variantGz('weapp', { privacy: true, video: true, convert: false }))
  return parts
}

/** A host's entry of dist/prod as the build plugins bundle it with these options (undefined: no plugin), gzip -9. */
const variantGz = async (id: PlatformId, options: (typeof VARIANTS)[Variant]) =>
  gzipSync(await minify(await bundleHost(id, options, 'dist')), { level: 9 }).length

// 6. size per feature variant -------------------------------------------------------------------------------
async function variantSizes() {
  const result: Report = {}
  for (const host of HOSTS) {
    const row: Record<string, number> = {}
    for (const [variant, options] of Object.entries(VARIANTS)) row[variant] = await variantGz(host.id, options)
    result[host.id] = { ...row, budget: host.budgets[0], budgetOff: host.budgets[1] }
  }
  return result
}

// 7. bytes added to the example apps ------------------------------------------------------------------------
/** The example apps built by their CLIs for WeChat, production, with each variant's plugin options, less a stub. */
async function exampleBytes() {
  pack()
  const taroDir = install('example-taro')
  install('example-uniapp')
  const variants = Object.entries(VARIANTS).flatMap(([name, options]) => (options ? [[name, options] as const] : []))
  const taro = async (compiler: 'webpack5' | 'vite', project: string) => {
    const result = await buildTaro({ platform: 'weapp', compiler, project })
    if (!result.ok) throw new Error(result.log.slice(-2000))
    return gzippedScripts(result.dir)
  }
  const uni = (cwd: string) => {
    uniMs(cwd)
    return gzippedScripts(join(cwd, 'dist/bench'))
  }
  const result: Report = {}
  for (const [build, measure] of [
    ['Taro webpack5, weapp', (project: string) => taro('webpack5', project)],
    ['Taro vite, weapp', (project: string) => taro('vite', project)],
  ] as const) {
    const stub = await measure(taroWith('bytes-stub', 'stub', taroDir))
    result[build] = {}
    for (const [i, [name, options]] of variants.entries())
      result[build][name] = (await measure(taroWith(`bytes-${i}`, options, taroDir))) - stub
  }
  const stub = uni(uniWith('bytes-stub', 'stub'))
  result['uni-app, mp-weixin'] = {}
  for (const [i, [name, options]] of variants.entries())
    result['uni-app, mp-weixin'][name] = uni(uniWith(`bytes-${i}`, options)) - stub
  return result
}

// the table -----------------------------------------------------------------------------------------------
main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
