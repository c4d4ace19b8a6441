// example-taro per target: build time with and without the plugin, and the bytes the package adds
// to the built app (every script gzipped -9, with the package vs with a stub of the same exports).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { install, pack, root, scriptsIn } from './examples.mjs'
import { buildTaro } from './taro-example.mjs'

const RUNS = Number(process.argv[2] || 3)
const TARGETS = [
  ...['weapp', 'tt', 'alipay', 'swan'].map((platform) => ({ platform, compiler: 'webpack5' })),
  ...['weapp', 'tt', 'swan'].map((platform) => ({ platform, compiler: 'vite' })),
]
const STUB = `export class SaveImageError extends Error {}
export const ERROR_CODES = []
export const isSaveImageError = () => false
export const saveImageToAlbum = () => Promise.resolve({})
export const saveImagesToAlbum = () => Promise.resolve([])
export const openAlbumSetting = () => Promise.resolve(true)
`

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
const gzipped = (dir) => scriptsIn(dir).reduce((sum, file) => sum + gzipSync(readFileSync(file), { level: 9 }).length, 0)

async function timed(target, output, env) {
  const times = []
  let dir
  for (let run = 0; run < RUNS; run++) {
    const result = await buildTaro({ ...target, output, env })
    if (!result.ok) throw new Error(`${target.compiler} ${target.platform} failed:\n${result.log.slice(-2000)}`)
    times.push(result.ms)
    dir = result.dir
  }
  return { ms: median(times), bytes: gzipped(dir) }
}

pack()
install('example-taro')
const stub = join(root, 'example-taro', 'node_modules', '.msi-bench-stub.mjs')
mkdirSync(join(root, 'example-taro', 'node_modules'), { recursive: true })
writeFileSync(stub, STUB)

const rows = []
for (const target of TARGETS) {
  const name = `${target.compiler}/${target.platform}`
  const plugin = await timed(target, `bench/plugin/${name}`, {})
  const without = await timed(target, `bench/no-plugin/${name}`, { MSI_WITHOUT_PLUGIN: '1' })
  const stubbed = await timed({ ...target }, `bench/stub/${name}`, { MSI_BENCH_STUB: stub })
  rows.push({ target: name, withPlugin: plugin.ms, withoutPlugin: without.ms, added: plugin.bytes - stubbed.bytes, universal: without.bytes - stubbed.bytes })
  console.log(JSON.stringify(rows[rows.length - 1]))
}
console.log(`\n| target | build with plugin | without plugin | bytes added (min+gz) | universal build instead |\n|---|---|---|---|---|`)
for (const row of rows) {
  console.log(`| ${row.target} | ${(row.withPlugin / 1000).toFixed(1)} s | ${(row.withoutPlugin / 1000).toFixed(1)} s | ${row.added} B | ${row.universal} B |`)
}
console.log(`\nmedian of ${RUNS} builds each; bytes: every script of the build gzipped -9, minus the same app built with a stub of the package.`)
