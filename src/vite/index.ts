/**
 * `mp-save-image/vite`: the uni-app Vite plugin (`plugins: [uni(), saveImage(options)]` in vite.config.ts).
 *
 * @module mp-save-image/vite
 */
import { resolve } from 'node:path'
import { defaultsDefine } from '../build/defaults'
import { platformResolver, PACKAGE } from '../build/resolve-plugin'
import { platformBuild, uniTarget } from '../build/targets'
import { ATTACH, NOT_ATTACHED, uniMainFile } from '../build/uni-main'
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
  const main = uniMainFile()
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
      if (!attached && !error) this.warn(NOT_ATTACHED())
    },
  }
}
