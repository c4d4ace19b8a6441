import { transform } from 'esbuild'
import { resolve } from 'node:path'
import { gzipSync } from 'node:zlib'
import { rollup } from 'rollup'
import esbuild from 'rollup-plugin-esbuild'
import { defaultsDefine } from '../../src/build/defaults'
import { entryFile, entrySource } from '../../src/build/entries'
import { HOSTS, type PlatformId } from '../../src/hosts'
import type { PluginOptions } from '../../src/core/types'

// A host entry as an app's production build bundles it, with or without a build plugin's options: the plugin's
// defines substituted in each module (as Vite's `define` and webpack's DefinePlugin do), tree-shaken by rollup across
// modules, so a feature the options leave out (src/core/features.ts) is gone, then minified by esbuild, as Vite does.
// The size budgets of each variant (.size-limit.ts), the bench and the test that features leave no code behind use it.

const ROOT = resolve(__dirname, '../..')

/** The builds an app can make of an entry: no plugin (every feature in), and the plugin with these options. */
export const VARIANTS = {
  'every feature (no plugin)': undefined,
  'plugin, its defaults (privacy out)': {},
  'plugin, its defaults and video': { video: true },
  'plugin, everything on': { privacy: true, video: true },
  'plugin, privacy, guide, canvas and convert out': { guide: false, canvas: false, convert: false },
} satisfies Record<string, PluginOptions | undefined>
export type Variant = keyof typeof VARIANTS

/** The defines the build plugins give an app with these options; none without a plugin. */
export const definesOf = (options: PluginOptions | undefined): Record<string, string> =>
  options === undefined ? {} : defaultsDefine('mp-save-image', options)

/**
 * The code of a host entry built with these plugin options (undefined: no plugin), one module, not yet minified.
 * `from: 'dist'` bundles
 * the package as shipped (dist/prod, after `npm run build`); `'source'` builds the same entry from src/.
 */
export async function bundleHost(
  id: PlatformId,
  options: PluginOptions | undefined,
  from: 'dist' | 'source',
): Promise<string> {
  if (!HOSTS.some((row) => row.id === id)) throw new Error(`no host ${id}`)
  const define = { ...definesOf(options), __DEV__: 'false' }
  const bundle = await rollup({
    input: resolve(ROOT, from === 'dist' ? `dist/prod/${entryFile(id)}.mjs` : entrySource(id)),
    plugins: [
      esbuild({ loaders: { '.mjs': 'js' }, target: 'es2018', tsconfig: resolve(ROOT, 'tsconfig.json'), define }),
    ],
    onwarn: (warning) => {
      throw new Error(warning.message)
    },
  })
  const { output } = await bundle.generate({ format: 'es' })
  await bundle.close()
  return output[0].code
}

/** Minified as Vite minifies a chunk (non-ASCII escaped, as size-limit does: real apps keep UTF-8, a few bytes less). */
export const minify = async (code: string) => (await transform(code, { minify: true, target: 'es2018' })).code

export const gzipped = (code: string) => gzipSync(code, { level: 9 }).length
