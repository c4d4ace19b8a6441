import { join } from 'node:path'
import { HOSTS, uniTargetName, type PlatformId, type UniScript } from '../hosts'
import { entryFile } from './entries'

export type Framework = 'Taro' | 'uni-app'

/** Build targets of each framework that have an adapter, mapped onto our platform ids (from the host table). */
const TARGETS: Record<Framework, Record<string, PlatformId>> = {
  Taro: Object.fromEntries(HOSTS.flatMap((host) => host.taro.map((target) => [target, host.id]))),
  'uni-app': Object.fromEntries(HOSTS.flatMap((host) => host.uni.map((target) => [uniTargetName(target), host.id]))),
}

/** uni-app targets that are custom scripts of another (DingTalk: an mp-alipay script with the define MP-DINGTALK). */
const UNI_SCRIPTS: readonly UniScript[] = HOSTS.flatMap((host): readonly (string | UniScript)[] => host.uni).flatMap(
  (target) => (typeof target === 'string' ? [] : [target]),
)

/** The global through which the adapter-less entry learns its message (see src/unsupported.ts). */
const UNSUPPORTED_GLOBAL = '__MP_SAVE_IMAGE_UNSUPPORTED__'

export interface PlatformBuild {
  /** Null for a target without an adapter. */
  platform: PlatformId | null
  /**
   * Absolute path of the entry bound to this platform; it holds no other host's adapter. A production
   * build gets dist/prod's, whose errors keep their codes but drop the developer messages.
   */
  file(production: boolean): string
  /** Bundler defines this entry reads. */
  define: Record<string, string>
  /** Set for a target without an adapter: to be printed once by the plugin. */
  warning?: string
}

/** A runtime entry as built into dist/ (`name`: `index`, `unsupported`, or a host's `hosts/<id>`): dist/prod's in production. */
export const builtFile = (distDir: string, name: string, production: boolean) =>
  join(distDir, production ? 'prod' : '', `${name}.mjs`)

/**
 * The one answer to "which platform file" for both build plugins: the bare `mp-save-image` import
 * is pointed here, so the app, its framework object and every `mp-save-image/<platform>` import share one core.
 * A target without an adapter never fails the build: it gets an entry whose calls reject UNSUPPORTED_PLATFORM.
 */
export function platformBuild(framework: Framework, target: string | undefined, distDir: string): PlatformBuild {
  const targets = TARGETS[framework]
  const platform =
    target !== undefined && Object.prototype.hasOwnProperty.call(targets, target) ? targets[target] : undefined
  const file = (name: string) => (production: boolean) => builtFile(distDir, name, production)
  if (platform) return { platform, file: file(entryFile(platform)), define: {} }
  const message = `${framework} target "${target ?? '(none)'}" has no adapter yet, so saveImageToAlbum rejects UNSUPPORTED_PLATFORM there. Supported targets: ${Object.keys(targets).join(', ')}.`
  return {
    platform: null,
    file: file('unsupported'),
    define: { [UNSUPPORTED_GLOBAL]: JSON.stringify(message) },
    warning: `[mp-save-image] ${message}`,
  }
}

/** Where uni's Vue 2 CLI (`uniapp-cli custom <script>`) leaves a custom script's `define`: on `process`, not in env. */
type Vue2Process = { UNI_SCRIPT_DEFINE?: Record<string, unknown> }

/**
 * The target being built. A uni custom script (package.json "uni-app".scripts) builds another platform with a
 * define: uni's Vue 3 CLI hands it on as JSON in UNI_CUSTOM_CONTEXT (UNI_CUSTOM_DEFINE holds its extra `env`), its Vue 2
 * CLI as `process.UNI_SCRIPT_DEFINE` (initCustomScript,
 * https://github.com/dcloudio/uni-app/blob/1de259ec9eebd1d41951d0b8ffc985b6c2e9dd4f/packages/uni-cli-shared/lib/package.js).
 */
export function uniTarget(
  env: NodeJS.ProcessEnv = process.env,
  vue2Defines: unknown = (process as Vue2Process).UNI_SCRIPT_DEFINE,
): string | undefined {
  let defines: Record<string, unknown> = {}
  try {
    defines = JSON.parse(env.UNI_CUSTOM_CONTEXT || '{}') || {}
  } catch {
    // not ours to judge: uni itself reads it
  }
  if (vue2Defines && typeof vue2Defines === 'object') defines = { ...defines, ...vue2Defines }
  const script = UNI_SCRIPTS.find((entry) => entry.platform === env.UNI_PLATFORM && defines[entry.define])
  return script ? script.target : env.UNI_PLATFORM
}
