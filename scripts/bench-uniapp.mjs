// uni-app figures for the README (not run in CI): per target, the build time of example-uniapp with and
// without the mp-save-image/vite plugin (median of 3 runs of the real `uni build -p <target>`), and the
// bytes the package adds to the built app.
//
// Bytes added = the app as built with the plugin, minus the same app where `mp-save-image` is aliased
// to a stub with the same exports and the plugin is removed (a copy of the example, node_modules
// symlinked). Both are uni's own production output (minified; mp-alipay's is not mangled), measured as
// the sum over the output's .js files of each file minified (as is) and gzip -9.
//
//   npm run build && node scripts/bench-uniapp.mjs [runs]
import { spawnSync } from 'node:child_process'
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { install, pack, scriptsIn } from './examples.mjs'

const TARGETS = ['mp-weixin', 'mp-toutiao', 'mp-alipay', 'mp-baidu']
const RUNS = Number(process.argv[2] || 3)

pack()
const example = install('example-uniapp')

// The copy: the same sources, a vite.config.ts without the plugin, and `mp-save-image` → a stub.
const stubApp = mkdtempSync(join(tmpdir(), 'msi-uni-stub-'))
for (const name of ['package.json', 'tsconfig.json', 'src']) cpSync(join(example, name), join(stubApp, name), { recursive: true })
symlinkSync(join(example, 'node_modules'), join(stubApp, 'node_modules'), 'dir')
writeFileSync(
  join(stubApp, 'stub.js'),
  `export class SaveImageError extends Error {}
export const ERROR_CODES = []
export const isSaveImageError = (error) => error instanceof SaveImageError
export const saveImageToAlbum = () => Promise.reject(new SaveImageError('stub'))
export const saveImagesToAlbum = () => Promise.resolve([])
export const openAlbumSetting = () => Promise.resolve(false)
`,
)
writeFileSync(
  join(stubApp, 'vite.config.ts'),
  `import uni from '@dcloudio/vite-plugin-uni'
import { resolve } from 'node:path'
import { defineConfig } from 'vite'

export default defineConfig({
  plugins: [uni()],
  resolve: { alias: [{ find: /^mp-save-image$/, replacement: resolve(__dirname, 'stub.js') }] },
})
`,
)

const out = mkdtempSync(join(tmpdir(), 'msi-uni-bench-'))

function env(extra) {
  const clean = {}
  for (const [key, value] of Object.entries(process.env)) if (!/^(NODE_ENV|UNI_.*|MSI_.*)$/.test(key)) clean[key] = value
  return { ...clean, ...extra }
}

function build(cwd, target, name, extra = {}) {
  const dir = join(out, name)
  rmSync(dir, { recursive: true, force: true })
  const started = performance.now()
  const result = spawnSync(join(cwd, 'node_modules/.bin/uni'), ['build', '-p', target], {
    cwd,
    env: env({ UNI_OUTPUT_DIR: dir, ...extra }),
    encoding: 'utf8',
  })
  const ms = performance.now() - started
  if (result.status !== 0) throw new Error(`uni build -p ${target} (${name}) failed:\n${result.stdout}${result.stderr}`)
  return { dir, ms }
}

function jsBytes(dir) {
  const files = scriptsIn(dir).map((file) => readFileSync(file))
  return { min: files.reduce((sum, code) => sum + code.length, 0), gz: files.reduce((sum, code) => sum + gzipSync(code, { level: 9 }).length, 0) }
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`
const signed = (n) => `${n >= 0 ? '+' : ''}${n}`

const rows = []
for (const target of TARGETS) {
  const withPlugin = []
  const without = []
  let plugin
  let universal
  // alternate, so a slow moment of the machine hits both sides alike
  for (let run = 0; run < RUNS; run++) {
    plugin = build(example, target, `${target}-plugin`)
    withPlugin.push(plugin.ms)
    universal = build(example, target, `${target}-without`, { MSI_WITHOUT_PLUGIN: '1' })
    without.push(universal.ms)
  }
  const stub = build(stubApp, target, `${target}-stub`)
  const sizes = { plugin: jsBytes(plugin.dir), universal: jsBytes(universal.dir), stub: jsBytes(stub.dir) }
  rows.push({ target, withMs: median(withPlugin), withoutMs: median(without), ...sizes })
  console.error(`${target}: with ${withPlugin.map(seconds).join(' ')}, without ${without.map(seconds).join(' ')}`)
}

console.log(`example-uniapp, uni build (median of ${RUNS}); JS of the output, each file gzip -9, summed\n`)
console.log('| target | build with plugin | build without | app JS with plugin (min / gz) | added by mp-save-image vs stub (min / gz) | without plugin: universal build, vs stub (min / gz) |')
console.log('|---|---|---|---|---|---|')
for (const r of rows) {
  const added = `${signed(r.plugin.min - r.stub.min)} B / ${signed(r.plugin.gz - r.stub.gz)} B`
  const universal = `${signed(r.universal.min - r.stub.min)} B / ${signed(r.universal.gz - r.stub.gz)} B`
  console.log(`| ${r.target} | ${seconds(r.withMs)} | ${seconds(r.withoutMs)} | ${r.plugin.min} B / ${r.plugin.gz} B | ${added} | ${universal} |`)
}

rmSync(out, { recursive: true, force: true })
rmSync(stubApp, { recursive: true, force: true })
