import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import type { PluginOptions } from '../../src/core/types'
import { exampleVariant, scriptsIn } from './examples'
import { taroVariant } from './taro'

// What the package adds to a real app: the example built with the plugin, minus the same example with the package
// swapped for a stub of its exports (scripts/bench.ts, scripts/bench-bytes.ts).

/** The package's exports, doing nothing: what an app would ship without us. */
export const STUB = `export class SaveImageError extends Error {}
export const ERROR_CODES = []
export const isSaveImageError = (error) => error instanceof SaveImageError
export const saveImageToAlbum = () => Promise.reject(new SaveImageError('stub'))
export const saveImagesToAlbum = () => Promise.resolve([])
export const saveVideoToAlbum = () => Promise.reject(new SaveImageError('stub'))
export const saveMediaToAlbum = () => Promise.resolve([])
export const openAlbumSetting = () => Promise.resolve(false)
`

/** Every script of a build output, each gzipped -9, summed. */
export const gzippedScripts = (dir: string) =>
  scriptsIn(dir).reduce((sum, file) => sum + gzipSync(readFileSync(file), { level: 9 }).length, 0)

/** example-taro with only our plugin, given these options; `'stub'`: no plugin, the package aliased to the stub. */
export function taroWith(name: string, options: PluginOptions | 'stub', installed: string): string {
  if (options !== 'stub') return taroVariant(name, { plugins: [['mp-save-image/taro', options]] })
  const stub = join(installed, 'node_modules', '.msi-bench-stub.mjs')
  writeFileSync(stub, STUB)
  return taroVariant(name, { stub })
}

/** example-uniapp with these plugin options; `'stub'`: no plugin, the package aliased to the stub. */
export function uniWith(name: string, options: PluginOptions | 'stub'): string {
  const config =
    options === 'stub'
      ? `import uni from '@dcloudio/vite-plugin-uni'
import { resolve } from 'node:path'
import { defineConfig } from 'vite'
export default defineConfig({ plugins: [uni()], resolve: { alias: [{ find: /^mp-save-image$/, replacement: resolve(__dirname, 'stub.js') }] } })
`
      : `import uni from '@dcloudio/vite-plugin-uni'
import saveImage from 'mp-save-image/vite'
import { defineConfig } from 'vite'
export default defineConfig({ plugins: [uni(), saveImage(${JSON.stringify(options)})] })
`
  return exampleVariant('example-uniapp', name, {
    'vite.config.ts': config,
    ...(options === 'stub' && { 'stub.js': STUB }),
  })
}
