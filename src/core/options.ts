import type { PluginOptions } from './types'

/** The longest delay a JavaScript timer takes (2^31 − 1 ms): a longer timeout would fire at once. */
export const MAX_TIMER_MS = 2147483647

/** What an option takes. `build`: a boolean that chooses what the build holds, no call's default. */
type OptionKind = 'guide' | 'timeout' | 'flagOrText' | 'positive' | 'text' | 'flag' | 'build'

/**
 * Every option of the build plugins, and what it takes: the one list that the app-wide defaults' check (validate.ts
 * `parseDefaults`), the build's feature flags (src/build/defaults.ts) and Taro's option schema (src/taro/index.ts)
 * read. The compiler holds it to `PluginOptions`: an option missing here, or here only, is a type error.
 */
export const PLUGIN_OPTIONS = {
  guide: 'guide',
  timeout: 'timeout',
  loading: 'flagOrText',
  maxBytes: 'positive',
  hint: 'text',
  privacy: 'flag',
  canvas: 'build',
  convert: 'build',
  video: 'build',
} as const satisfies { [K in keyof Required<PluginOptions>]: OptionKind }

export type PluginOption = keyof typeof PLUGIN_OPTIONS

/** The options of one kind. */
export const optionsOfKind = (build: boolean) =>
  (Object.keys(PLUGIN_OPTIONS) as PluginOption[]).filter((name) => (PLUGIN_OPTIONS[name] === 'build') === build)
