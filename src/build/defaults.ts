import { SaveImageError } from '../core/errors'
import { parseDefaults } from '../core/validate'
import type { AppDefaults } from '../core/types'

/** The global the runtime reads its app-wide defaults from (see core/create.ts). */
export const DEFAULTS_GLOBAL = '__MP_SAVE_IMAGE_DEFAULTS__'
/**
 * Defined as `true` next to it: the runtime tests this flag, not the defaults, so a bundler puts the
 * defaults' object literal into the app once instead of once per mention.
 */
export const PLUGIN_GLOBAL = '__MP_SAVE_IMAGE_PLUGIN__'

/**
 * Checks a plugin's options with the runtime's own rules, so a build never ships defaults a call would
 * reject, and returns the bundler `define` entry that carries them into the app.
 */
export function defaultsDefine(plugin: string, options: unknown): Record<string, string> {
  let defaults: AppDefaults
  try {
    defaults = parseDefaults(options)
  } catch (error) {
    if (!(error instanceof SaveImageError)) throw error
    throw new Error(
      `[mp-save-image] invalid ${plugin} option: ${error.message.replace(/^saveImageToAlbum:fail \w+ /, '')}`,
      {
        cause: error,
      },
    )
  }
  return { [PLUGIN_GLOBAL]: 'true', [DEFAULTS_GLOBAL]: JSON.stringify(defaults) }
}
