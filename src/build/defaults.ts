import { SaveImageError } from '../core/errors'
import { isRecord } from '../core/invalid'
import { optionsOfKind } from '../core/options'
import { parseDefaults } from '../core/validate'
import type { PluginOptions } from '../core/types'

/** The global the runtime reads its app-wide defaults from (see src/core/core.ts). */
export const DEFAULTS_GLOBAL = '__MP_SAVE_IMAGE_DEFAULTS__'
/**
 * Defined as `true` next to it: the runtime tests this flag, not the defaults, so a bundler puts the
 * defaults' object literal into the app once instead of once per mention.
 */
export const PLUGIN_GLOBAL = '__MP_SAVE_IMAGE_PLUGIN__'
/** The feature flags of src/core/features.ts: `false` leaves the feature's code out of the app. */
export const FEATURE_GLOBALS = {
  privacy: '__MP_SAVE_IMAGE_PRIVACY__',
  guide: '__MP_SAVE_IMAGE_GUIDE__',
  canvas: '__MP_SAVE_IMAGE_CANVAS__',
  convert: '__MP_SAVE_IMAGE_CONVERT__',
  video: '__MP_SAVE_IMAGE_VIDEO__',
} as const

/**
 * Checks a plugin's options with the runtime's own rules, so a build never ships defaults a call would
 * reject, and returns the bundler `define` entries that carry them into the app: the defaults, and which features the
 * build holds (a feature the defaults turn off for the whole app is left out).
 */
export function defaultsDefine(plugin: string, options: unknown): Record<string, string> {
  const fail = (message: string, cause?: unknown): never => {
    throw new Error(`[mp-save-image] invalid ${plugin} option: ${message}`, { cause })
  }
  // `canvas`, `convert` and `video` choose what the build holds; they are no call's defaults
  const record: PluginOptions = isRecord(options) ? options : {}
  const rest: Record<string, unknown> = { ...record }
  for (const name of optionsOfKind(true)) {
    if (record[name] !== undefined && typeof record[name] !== 'boolean')
      fail(`${name} must be a boolean, got ${typeof record[name]}`)
    delete rest[name]
  }
  const { canvas = true, convert = true, video = false } = record
  let defaults: PluginOptions = {}
  try {
    defaults = parseDefaults(isRecord(options) ? rest : options)
  } catch (error) {
    if (!(error instanceof SaveImageError)) throw error
    fail(error.message.replace(/^saveImageToAlbum:fail \w+ /, ''), error)
  }
  return {
    [PLUGIN_GLOBAL]: 'true',
    [DEFAULTS_GLOBAL]: JSON.stringify(defaults),
    [FEATURE_GLOBALS.privacy]: String(defaults.privacy === true),
    [FEATURE_GLOBALS.guide]: String(defaults.guide !== false),
    [FEATURE_GLOBALS.canvas]: String(canvas),
    [FEATURE_GLOBALS.convert]: String(convert),
    [FEATURE_GLOBALS.video]: String(video),
  }
}
