import { SaveImageError } from '../core/errors'
import { parseDefaults } from '../core/validate'
import type { AppDefaults } from '../core/types'

/** The global the runtime reads its app-wide defaults from (see core/create.ts). */
export const DEFAULTS_GLOBAL = '__MP_SAVE_IMAGE_DEFAULTS__'

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
    throw new Error(`[mp-save-image] invalid ${plugin} option: ${error.message.replace(/^saveImageToAlbum:fail \w+ /, '')}`)
  }
  return { [DEFAULTS_GLOBAL]: JSON.stringify(defaults) }
}
