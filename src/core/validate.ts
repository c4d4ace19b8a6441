import type { ModalTexts } from './adapter'
import { GUIDE, LEFT_OUT, PRIVACY, VIDEO } from './features'
import { describe, invalid, isRecord, parse, withoutUndefined } from './invalid'
import { MAX_TIMER_MS, optionsOfKind } from './options'
import { parseSourceOf, parseVideoSource, videoExtension, type Source } from './source'
import {
  BASE_DEFAULTS,
  type UserCallbacks,
  type Context,
  type GuideModals,
  type InputParser,
  type Settings,
} from './settings'
import type { AppDefaults, GuideTexts, SaveMediaOptions } from './types'

const DEFAULT_GUIDE: ModalTexts = {
  title: '提示',
  content: '保存图片需要访问您的相册，请在设置中允许“保存到相册”后重试',
  confirmText: '去设置',
  cancelText: '取消',
}
// the OS refused the host app itself: only the phone's own settings can change that
const SYSTEM_CONTENT = '请在手机“设置”中允许访问照片后重试'
const DEFAULT_LOADING = '保存中'

function optionsOf(input: unknown): Record<string, unknown> {
  return input === undefined
    ? {}
    : isRecord(input)
      ? input
      : invalid(__DEV__ && `options must be an object, got ${describe(input)}`)
}

/**
 * A call's input (an image, or a video where `video`). Its callbacks go into `callbacks` first, so `fail` and
 * `complete` still hear about the rest being invalid (a callback that is not a function is itself invalid).
 */
function parseInput(
  input: unknown,
  ctx: Context,
  callbacks: UserCallbacks,
  video: boolean,
): { source: Source; settings: Settings } {
  if (typeof input === 'string') input = { src: input }
  if (!isRecord(input))
    return invalid(__DEV__ && `expected a source string or an options object, got ${describe(input)}`)
  takeCallbacks(input, callbacks)
  const settings = parseSettings(input, ctx.defaults)
  return { source: VIDEO && video ? parseVideoSource(input, ctx) : parseSourceOf(input, ctx, settings), settings }
}

/** The `success`, `fail` and `complete` of an input; one that is not a function is invalid. */
export function takeCallbacks(input: Record<string, unknown>, callbacks: UserCallbacks): void {
  let notFunction: string | undefined
  for (const key of ['success', 'fail', 'complete'] as const) {
    const callback = input[key]
    if (typeof callback === 'function') callbacks[key] = callback as never
    else if (callback !== undefined) notFunction = key
  }
  if (notFunction) invalid(__DEV__ && `${notFunction} must be a function`)
}

export const parseSaveInput: InputParser = (input, ctx, callbacks) => parseInput(input, ctx, callbacks, false)
export const parseVideoInput: InputParser = (input, ctx, callbacks) => parseInput(input, ctx, callbacks, true)

/** App-wide defaults given to a build plugin, checked by the same rules as a call's options. */
export function parseDefaults(input: unknown): AppDefaults {
  return parse(null, () => {
    const options = optionsOf(input)
    const keys: string[] = optionsOfKind(false)
    const unknown = Object.keys(options).find((key) => keys.indexOf(key) < 0)
    if (unknown !== undefined)
      invalid(__DEV__ && `unknown option "${unknown}"; the app-wide defaults are ${keys.join(', ')}`)
    parseSettings(options, BASE_DEFAULTS)
    return withoutUndefined(options) as AppDefaults
  })
}

export function parseBatch(sources: unknown, input: unknown, ctx: Context) {
  if (!Array.isArray(sources)) return invalid(__DEV__ && `sources must be an array, got ${describe(sources)}`)
  const options = optionsOf(input)
  const { concurrency = 3, onProgress } = options
  if (typeof concurrency !== 'number' || !Number.isInteger(concurrency) || concurrency < 1)
    invalid(__DEV__ && 'concurrency must be a whole number ≥ 1')
  if (onProgress !== undefined && typeof onProgress !== 'function') invalid(__DEV__ && 'onProgress must be a function')
  return {
    // a copy: the caller may change the array while the batch runs
    items: Array.from(sources as unknown[]),
    ...parseSettings(options, ctx.defaults),
    concurrency: concurrency as number,
    onProgress: onProgress as SaveMediaOptions['onProgress'],
  }
}

export function parseBatchItem(
  item: unknown,
  index: number,
  ctx: Context,
  batch: Settings,
  media?: boolean,
): { source: Source; settings: Settings } {
  // in a media batch a string is a video when its path names a video container
  if (typeof item === 'string') item = VIDEO && media && videoExtension(item) ? { video: item } : { src: item }
  if (!isRecord(item))
    return invalid(__DEV__ && `expected a source string or { src, headers } or { canvas }, got ${describe(item)}`)
  const video = VIDEO && media && item.video !== undefined
  const settings: Settings = {
    ...batch,
    headers: item.headers === undefined ? batch.headers : parseHeaders(item.headers),
    fileType: item.fileType === undefined ? batch.fileType : parseFileType(item.fileType),
    index,
  }
  if (!video) return { source: parseSourceOf(item, ctx, settings), settings }
  const { video: src, ...rest } = item
  return { source: parseVideoSource({ ...rest, src }, ctx), settings }
}

function parseSettings(input: Record<string, unknown>, defaults: Context['defaults']): Settings {
  const { timeout, guide, loading, maxBytes, hint, privacy } = { ...defaults, ...withoutUndefined(input) }
  const { fileType = 'png', onDownloadProgress } = input
  if (typeof timeout !== 'number' || !(timeout > 0) || timeout > MAX_TIMER_MS)
    invalid(__DEV__ && `timeout must be a number of ms between 1 and ${MAX_TIMER_MS}`)
  if (typeof maxBytes !== 'number' || !(maxBytes > 0)) invalid(__DEV__ && 'maxBytes must be a positive number')
  if (hint !== undefined && typeof hint !== 'string') invalid(__DEV__ && `hint must be a string, got ${describe(hint)}`)
  if (typeof privacy !== 'boolean') invalid(__DEV__ && `privacy must be a boolean, got ${describe(privacy)}`)
  if (privacy && !PRIVACY) invalid(__DEV__ && `${LEFT_OUT} the privacy step: set privacy: true in the plugin's options`)
  if (onDownloadProgress !== undefined && typeof onDownloadProgress !== 'function')
    invalid(__DEV__ && 'onDownloadProgress must be a function')
  return {
    headers: input.headers === undefined ? undefined : parseHeaders(input.headers),
    timeout: timeout as number,
    guide: parseGuide(guide),
    loading:
      loading === false
        ? null
        : loading === true
          ? DEFAULT_LOADING
          : typeof loading === 'string'
            ? loading || DEFAULT_LOADING
            : invalid(__DEV__ && `loading must be a boolean or a title string, got ${describe(loading)}`),
    maxBytes: maxBytes as number,
    hint: hint as string | undefined,
    privacy: privacy as boolean,
    fileType: parseFileType(fileType),
    onDownloadProgress: onDownloadProgress as Settings['onDownloadProgress'],
    index: 0,
  }
}

function parseFileType(fileType: unknown): Settings['fileType'] {
  return fileType === 'png' || fileType === 'jpg'
    ? fileType
    : invalid(__DEV__ && `fileType must be 'png' or 'jpg', got ${String(fileType)}`)
}

function parseHeaders(headers: unknown): Record<string, string> {
  if (!isRecord(headers)) return invalid(__DEV__ && `headers must be an object of strings, got ${describe(headers)}`)
  for (const name of Object.keys(headers))
    if (typeof headers[name] !== 'string') invalid(__DEV__ && `header "${name}" must be a string`)
  return headers as Record<string, string>
}

function parseGuide(guide: unknown): GuideModals | null {
  if (guide === false) return null
  if (!GUIDE) return invalid(__DEV__ && `${LEFT_OUT} the guide: remove guide: false from the plugin's options`)
  if (guide === true) guide = {}
  if (!isRecord(guide))
    return invalid(
      __DEV__ &&
        `guide must be a boolean or { title, content, confirmText, cancelText, system }, got ${describe(guide)}`,
    )
  const { system = {}, ...texts } = guide
  if (!isRecord(system))
    return invalid(
      __DEV__ && `guide.system must be { title, content, confirmText, cancelText }, got ${describe(system)}`,
    )
  return {
    ...modal(texts, DEFAULT_GUIDE, 'guide'),
    system: modal(system, { ...DEFAULT_GUIDE, content: SYSTEM_CONTENT }, 'guide.system'),
  }
}

function modal(texts: Record<string, unknown>, defaults: ModalTexts, name: string): ModalTexts {
  for (const key of Object.keys(defaults)) {
    if (texts[key] !== undefined && typeof texts[key] !== 'string')
      invalid(__DEV__ && `${name}.${key} must be a string`)
  }
  return { ...defaults, ...(withoutUndefined(texts) as GuideTexts) }
}
