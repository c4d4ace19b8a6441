// Benchmarks: what each entry costs an app (min+gz) and what the runtime costs per save.
import { build } from 'esbuild'
import { gzipSync } from 'node:zlib'
import { fixtures, toBase64 } from 'mp-save-image/testing'

const ENTRIES = ['weapp', 'tt', 'alipay', 'swan', 'h5', 'unsupported', 'index']

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
  console.log(`  ${(entry === 'index' ? 'universal' : entry).padEnd(12)} ${String(min).padStart(6)} B min  ${String(gz).padStart(5)} B min+gz`)
}

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
