/**
 * `mp-save-image/vite`: the uni-app Vite plugin (`plugins: [uni(), saveImage(options)]` in vite.config.ts).
 *
 * @module mp-save-image/vite
 */
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { defaultsDefine } from '../build/defaults'
import { platformResolver, PACKAGE } from '../build/resolve-plugin'
import { platformBuild, uniTarget } from '../build/targets'
import type { PluginOptions } from '../core/types'

/**
 * Options of `saveImage(options)`: app-wide defaults (a call's own options still win), which also leave out of the
 * build what they turn off for the whole app.
 */
export type SaveImageViteOptions = PluginOptions

/** A Vite plugin, typed without depending on Vite's types. */
export interface SaveImageVitePlugin {
  name: string
  enforce: 'pre'
  config(): { define: Record<string, string>; optimizeDeps: { exclude: string[] } }
  configResolved(config: { isProduction: boolean }): void
  resolveId(source: string): string | null
  buildStart(this: { warn(message: string): void }): void
  transform(code: string, id: string): { code: string; map: null } | null
  buildEnd(this: { warn(message: string): void }, error?: Error): void
}

const MAIN_FILES = ['main.ts', 'main.js']

// Put in front of the app's own main file, where uni's build binds `uni` to its real API object on every
// target. One line, joined to the file's first line, so every line of main.ts keeps its number.
const ATTACH =
  `import { saveImageToAlbum as __msiSave, saveImagesToAlbum as __msiSaveAll, saveVideoToAlbum as __msiSaveVideo, saveMediaToAlbum as __msiSaveMedia, openAlbumSetting as __msiOpenSetting } from '${PACKAGE}';` +
  'uni.saveImageToAlbum = __msiSave; uni.saveImagesToAlbum = __msiSaveAll; uni.saveVideoToAlbum = __msiSaveVideo; uni.saveMediaToAlbum = __msiSaveMedia; uni.openAlbumSetting = __msiOpenSetting;'

function mainFile(): string | undefined {
  const inputDir = process.env.UNI_INPUT_DIR || join(process.cwd(), 'src')
  return MAIN_FILES.map((name) => resolve(inputDir, name)).find((file) => existsSync(file))
}

/**
 * uni-app plugin: `plugins: [uni(), saveImage()]`. Builds each app for the one host `UNI_PLATFORM`
 * names, and puts the API on `uni`. A target without an adapter still builds, with a warning; the API
 * rejects UNSUPPORTED_PLATFORM there.
 */
export default function saveImage(options: SaveImageViteOptions = {}): SaveImageVitePlugin {
  const defaults = defaultsDefine('mp-save-image/vite', options)
  const { file, define, warning } = platformBuild('uni-app', uniTarget(), __dirname)
  let production = process.env.NODE_ENV === 'production'
  const resolver = platformResolver(() => file(production))
  const main = mainFile()
  let attached = false
  let warned = false
  return {
    ...resolver,
    config: () => ({ define: { ...define, ...defaults }, optimizeDeps: { exclude: [PACKAGE] } }),
    configResolved(config) {
      production = config.isProduction
    },
    buildStart() {
      if (warning && !warned) this.warn(warning)
      warned = true
    },
    transform(code, id) {
      if (main === undefined || resolve(id.split('?')[0] ?? id) !== main) return null
      attached = true
      return { code: ATTACH + code, map: null }
    },
    buildEnd(error) {
      // the direct import still works; only `uni.saveImageToAlbum` and friends would be missing at run time
      if (attached || error) return
      const where = join(
        process.env.UNI_INPUT_DIR || 'src',
        `main.{${MAIN_FILES.map((name) => name.slice(5)).join(',')}}`,
      )
      this.warn(`[mp-save-image] the app's main file (${where}) was not built, so uni.saveImageToAlbum is not attached`)
    },
  }
}
