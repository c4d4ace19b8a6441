/**
 * `mp-save-image/taro`: the Taro plugin (`plugins: [['mp-save-image/taro', options]]` in config/index.ts).
 *
 * @module mp-save-image/taro
 */
import { defaultsDefine } from '../build/defaults'
import { platformResolver, PACKAGE, type ResolvePlugin } from '../build/resolve-plugin'
import { platformBuild } from '../build/targets'
import { MAX_TIMER_MS, PLUGIN_OPTIONS, type PluginOption } from '../core/options'
import type { PluginOptions } from '../core/types'

/**
 * Options of `['mp-save-image/taro', options]`: app-wide defaults (a call's own options still win), which also leave
 * out of the build what they turn off for the whole app.
 */
export type SaveImageTaroOptions = PluginOptions

/** The part of Taro's joi that the options schema uses. */
export interface TaroJoi {
  object(keys: Record<string, TaroJoiSchema>): TaroJoiSchema
  alternatives(): { try(...schemas: TaroJoiSchema[]): TaroJoiSchema }
  boolean(): TaroJoiSchema
  string(): TaroJoiSchema
  number(): TaroJoiSchema
}
export interface TaroJoiSchema {
  greater(limit: number): TaroJoiSchema
  max(limit: number): TaroJoiSchema
}

/**
 * The members of Taro's `IPluginContext` this plugin uses, as @tarojs/service 3.6 and 4 both have them;
 * `modifyViteConfig` only exists where Taro has the vite compiler (4.x).
 */
export interface TaroPluginContext {
  runOpts?: { options?: { platform?: string; isWatch?: boolean } }
  addPluginOptsSchema(schema: (joi: TaroJoi) => TaroJoiSchema): void
  registerMethod(method: { name: string; fn: (platform: { runtimePath: string | string[] }) => void }): void
  modifyRunnerOpts(fn: (args: { opts: { defineConstants?: Record<string, string> } }) => void): void
  modifyWebpackChain(
    fn: (args: { chain: { resolve: { alias: { set(key: string, value: string): unknown } } } }) => void,
  ): void
  modifyViteConfig?(fn: (args: { viteConfig: { plugins: ResolvePlugin[] } }) => void): void
}

/**
 * `post:` makes Taro's app entry import the runtime after the framework's runtime (taro-loader's app and h5
 * loaders, the vite runner's mini and h5 entries, Taro 3.6 and 4 alike). Imported before it, our runtime's
 * `@tarojs/taro` import would run Taro's `initNativeApi` hook before React, Vue or Solid tapped it: `useLaunch`,
 * `useLoad` and every other hook would be missing from `Taro`.
 * https://github.com/NervJS/taro/blob/main/packages/taro-loader/src/app.ts
 */
const RUNTIME = `post:${PACKAGE}/taro/runtime`

const guideTexts = (joi: TaroJoi) =>
  joi.object({ title: joi.string(), content: joi.string(), confirmText: joi.string(), cancelText: joi.string() })

/** Each kind of option (src/core/options.ts) in Taro's joi: the plugin's options are checked when Taro loads it. */
const JOI: Record<(typeof PLUGIN_OPTIONS)[PluginOption], (joi: TaroJoi) => TaroJoiSchema> = {
  guide: (joi) => joi.alternatives().try(joi.boolean(), guideTexts(joi)),
  timeout: (joi) => joi.number().greater(0).max(MAX_TIMER_MS),
  flagOrText: (joi) => joi.alternatives().try(joi.boolean(), joi.string()),
  positive: (joi) => joi.number().greater(0),
  text: (joi) => joi.string(),
  flag: (joi) => joi.boolean(),
  build: (joi) => joi.boolean(),
}

const optionsSchema = (joi: TaroJoi) =>
  joi.object(
    Object.fromEntries(
      (Object.keys(PLUGIN_OPTIONS) as PluginOption[]).map((name) => [name, JOI[PLUGIN_OPTIONS[name]](joi)]),
    ),
  )

/**
 * Taro plugin: builds each app for the one host it targets. The bare `mp-save-image` import is aliased
 * to that host's build (webpack5 and vite alike), and a runtime module puts the API on `Taro`. A target
 * without an adapter still builds, with a warning; the API rejects UNSUPPORTED_PLATFORM there.
 */
export default function saveImageTaroPlugin(ctx: TaroPluginContext, options: SaveImageTaroOptions = {}): void {
  ctx.addPluginOptsSchema(optionsSchema)
  // Resolved when a build starts, so `taro info` and friends never see it; a target without an adapter warns once.
  let build: { file: string; define: Record<string, string> } | undefined
  const current = () => {
    if (!build) {
      const run = (ctx.runOpts && ctx.runOpts.options) || {}
      const { file, define, warning } = platformBuild('Taro', run.platform || process.env.TARO_ENV, __dirname)
      if (warning) console.warn(warning)
      // Taro's own rule (@tarojs/cli build): only `--watch` without NODE_ENV=production builds for development
      const production = process.env.NODE_ENV === 'production' || !run.isWatch
      build = { file: file(production), define: { ...define, ...defaultsDefine('mp-save-image/taro', options) } }
    }
    return build
  }

  ctx.modifyRunnerOpts(({ opts }) => {
    opts.defineConstants = { ...opts.defineConstants, ...current().define }
  })
  ctx.registerMethod({
    name: 'onSetupClose',
    fn(platform) {
      platform.runtimePath = [...([] as string[]).concat(platform.runtimePath || []), RUNTIME]
    },
  })
  ctx.modifyWebpackChain(({ chain }) => {
    chain.resolve.alias.set(`${PACKAGE}$`, current().file)
  })
  // Taro 3.6 has no vite compiler, and no hook for it
  if (ctx.modifyViteConfig) {
    ctx.modifyViteConfig(({ viteConfig }) => {
      viteConfig.plugins.push(platformResolver(() => current().file))
    })
  }
}
