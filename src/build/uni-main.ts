import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { PACKAGE } from './resolve-plugin'

/** The names a uni-app main file has: main.ts in uni's TypeScript templates, main.js in HBuilderX and Vue 2 ones. */
const MAIN_FILES = ['main.ts', 'main.js']

/**
 * Put in front of the app's own main file by both uni-app plugins: there uni's build binds `uni` to its real API
 * object on every target (Vue 3's Vite build and Vue 2's webpack build alike). One line, joined to the file's first
 * line, so every line of the main file keeps its number.
 */
export const ATTACH =
  `import { saveImageToAlbum as __msiSave, saveImagesToAlbum as __msiSaveAll, saveVideoToAlbum as __msiSaveVideo, saveMediaToAlbum as __msiSaveMedia, openAlbumSetting as __msiOpenSetting } from '${PACKAGE}';` +
  'uni.saveImageToAlbum = __msiSave; uni.saveImagesToAlbum = __msiSaveAll; uni.saveVideoToAlbum = __msiSaveVideo; uni.saveMediaToAlbum = __msiSaveMedia; uni.openAlbumSetting = __msiOpenSetting;'

/** The folder uni builds from: UNI_INPUT_DIR (HBuilderX sets it to the project root), else the CLI project's src/. */
const inputDir = () => process.env.UNI_INPUT_DIR || join(process.cwd(), 'src')

/** The app's main file, which gets ATTACH; undefined when the input folder has none. */
export function uniMainFile(): string | undefined {
  return MAIN_FILES.map((name) => resolve(inputDir(), name)).find((file) => existsSync(file))
}

/** The warning of a build that never compiled the main file: the direct import still works, `uni.*` would not. */
export const NOT_ATTACHED = () =>
  `[mp-save-image] the app's main file (${join(process.env.UNI_INPUT_DIR || 'src', `main.{${MAIN_FILES.map((name) => name.slice(5)).join(',')}}`)}) was not built, so uni.saveImageToAlbum is not attached`
