// Benchmarks: what each entry costs an app (min+gz) and what the runtime costs per save.
import { build } from 'esbuild'
import { gzipSync } from 'node:zlib'
import { fixtures, installHost, toBase64 } from 'mp-save-image/testing'

const ENTRIES = ['weapp', 'tt', 'alipay', 'swan', 'index']

async function minGz(entry) {
  const result = await build({
    entryPoints: [`dist/${entry}.mjs`],
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2018',
    logLevel: 'error',
    write: false,
  })
  const code = result.outputFiles[0].contents
  return { min: code.length, gz: gzipSync(code, { level: 9 }).length }
}

console.log('size (the entry with every chunk it loads, minified by esbuild, gzip -9)')
for (const entry of ENTRIES) {
  const { min, gz } = await minGz(entry)
  console.log(`  ${(entry === 'index' ? 'universal' : entry).padEnd(10)} ${String(min).padStart(6)} B min  ${String(gz).padStart(5)} B min+gz`)
}

async function throughput(platform, label, source, n) {
  const api = await import(`mp-save-image/${platform}`)
  const host = installHost(platform, { permission: 'granted' })
  host.addFile('/static/a.png', fixtures.png)
  host.downloads.set('https://cdn.example.com/a.png', { status: 200, body: fixtures.png, contentType: 'image/png' })
  const started = performance.now()
  await Promise.all(Array.from({ length: n }, () => api.saveImageToAlbum(source)))
  const ms = performance.now() - started
  host.uninstall()
  console.log(`  ${platform.padEnd(7)} ${label.padEnd(22)} ${n} saves in ${ms.toFixed(0)} ms (${((ms / n) * 1000).toFixed(0)} µs each, simulated host at 0 ms latency)`)
}

const big = new Uint8Array(4 * 1024 * 1024)
big.set(fixtures.png)
const bigBase64 = toBase64(big)
console.log('\nruntime')
for (const platform of ['weapp', 'alipay']) {
  await throughput(platform, 'local path', '/static/a.png', 2000)
  await throughput(platform, 'URL', 'https://cdn.example.com/a.png', 2000)
  await throughput(platform, 'base64 (70 B png)', { base64: toBase64(fixtures.png) }, 2000)
}
const validate = performance.now()
const { saveImageToAlbum } = await import('mp-save-image/weapp')
await saveImageToAlbum({ base64: bigBase64, maxBytes: 1 }).catch(() => {})
console.log(`  validating a 4 MiB base64 image: ${(performance.now() - validate).toFixed(1)} ms`)
