/**
 * `mp-save-image/webpack`: the uni-app Vue 2 plugin (`configureWebpack: { plugins: [require('mp-save-image/webpack')(options)] }`
 * in vue.config.js), for uni's webpack build through vue-cli (webpack 4, and webpack 5 with vue-cli 5).
 *
 * @module mp-save-image/webpack
 */
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { HOSTS } from '../hosts'
import { defaultsDefine } from '../build/defaults'
import { entryFile } from '../build/entries'
import { PACKAGE } from '../build/resolve-plugin'
import { builtFile, platformBuild, uniTarget } from '../build/targets'
import { NOT_ATTACHED, uniMainFile } from '../build/uni-main'
import type { PluginOptions } from '../core/types'

/**
 * Options of `saveImage(options)`: app-wide defaults (a call's own options still win), which also leave out of the
 * build what they turn off for the whole app.
 */
export type SaveImageWebpackOptions = PluginOptions

/** The members of webpack's compiler this plugin uses, as webpack 4 and 5 both have them (typed without webpack). */
export interface WebpackCompiler {
  context: string
  options: {
    mode?: string
    resolve: {
      alias?:
        | Record<string, string | false | string[]>
        | { name: string; alias: string | false | string[]; onlyModule?: boolean }[]
    }
    module: { rules: object[] }
  }
  /** webpack 5's own exports; webpack 4 has none, so its DefinePlugin comes from the app's `webpack`. */
  webpack?: { DefinePlugin: DefinePluginClass }
  hooks: {
    thisCompilation: { tap(name: string, fn: (compilation: WebpackCompilation) => void): void }
  }
}
type DefinePluginClass = new (definitions: Record<string, string>) => { apply(compiler: WebpackCompiler): void }
export interface WebpackCompilation {
  warnings: Error[]
  modules: Iterable<{ resource?: string }>
  hooks: { finishModules: { tap(name: string, fn: () => void): void } }
}

/** A webpack plugin, typed without depending on webpack's types. */
export interface SaveImageWebpackPlugin {
  apply(compiler: WebpackCompiler): void
}

/**
 * `resolve.alias` entries, in the object or the list form (webpack 5 accepts both); an alias of the app's own wins.
 * A trailing `$` (an exact match) is the object form's spelling; the list form says `onlyModule`.
 */
function addAliases(compiler: WebpackCompiler, aliases: Record<string, string>) {
  const resolve = compiler.options.resolve
  if (!Array.isArray(resolve.alias)) resolve.alias = { ...aliases, ...resolve.alias }
  else
    for (const [name, alias] of Object.entries(aliases))
      resolve.alias.push({ name: name.replace(/\$$/, ''), alias, onlyModule: name.endsWith('$') })
}

/** webpack's DefinePlugin as the app has it: webpack 5 hands it over, webpack 4 is found from the build's folder. */
function definePlugin(compiler: WebpackCompiler): DefinePluginClass {
  if (compiler.webpack) return compiler.webpack.DefinePlugin
  const webpack = createRequire(join(compiler.context, 'package.json'))('webpack') as {
    DefinePlugin: DefinePluginClass
  }
  return webpack.DefinePlugin
}

/**
 * uni-app Vue 2 plugin: builds each app for the one host `UNI_PLATFORM` names (and the custom scripts, like
 * DingTalk's), and puts the API on `uni`. The options are checked here, when vue.config.js loads. A target without an
 * adapter still builds, with one warning; the API rejects UNSUPPORTED_PLATFORM there.
 */
export default function saveImage(options: SaveImageWebpackOptions = {}): SaveImageWebpackPlugin {
  const defaults = defaultsDefine('mp-save-image/webpack', options)
  const { file, define, warning } = platformBuild('uni-app', uniTarget(), __dirname)
  const main = uniMainFile()
  return {
    apply(compiler) {
      const production = (compiler.options.mode ?? process.env.NODE_ENV) === 'production'
      // webpack 4 reads no package `exports`: the subpath imports are aliased too, each to its production build here
      addAliases(compiler, {
        [`${PACKAGE}$`]: file(production),
        ...Object.fromEntries(
          HOSTS.map((host) => [`${PACKAGE}/${host.id}$`, builtFile(__dirname, entryFile(host.id), production)]),
        ),
      })
      new (definePlugin(compiler))({ ...define, ...defaults }).apply(compiler)
      if (main)
        compiler.options.module.rules.push({
          test: main,
          enforce: 'pre',
          loader: join(__dirname, 'webpack-attach.cjs'),
        })
      let warned = false
      compiler.hooks.thisCompilation.tap(PACKAGE, (compilation) => {
        if (warning && !warned) compilation.warnings.push(new Error(warning))
        warned = true
        compilation.hooks.finishModules.tap(PACKAGE, () => {
          for (const module of compilation.modules) if (module.resource === main) return
          compilation.warnings.push(new Error(NOT_ATTACHED()))
        })
      })
    },
  }
}
