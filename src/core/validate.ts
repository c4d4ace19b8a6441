import type { ModalTexts } from './adapter'
import { decodeBase64, decodedLength, normalizeBase64 } from './base64'
import { SaveImageError, type ErrorCode } from './errors'
import { SNIFF_BYTES, sniffFormat, type ImageFormat } from './format'
import type { PlatformId } from './platform'
import type { AppDefaults, CanvasSource, CommonOptions, GuideTexts, SaveImageOptions, SaveImagesOptions } from './types'

/** A canvas to export, checked: its file type settled. */
export type CanvasRequest = CanvasSource & Required<Pick<CanvasSource, 'fileType'>>

export type Source =
  | { kind: 'url'; url: string; extension: string }
  | { kind: 'local'; path: string }
  | { kind: 'data'; base64: string; format: ImageFormat }
  | { kind: 'canvas'; canvas: CanvasRequest }

export interface Settings {
  headers: Record<string, string> | undefined
  timeout: number
  guide: ModalTexts | null
  loading: string | null
  maxBytes: number
  /** Absent: the adapter's own default. */
  hint: string | undefined
  privacy: boolean
}

export interface Callbacks {
  success?: SaveImageOptions['success']
  fail?: SaveImageOptions['fail']
  complete?: SaveImageOptions['complete']
}

export interface Context {
  platform: PlatformId | null
  /** Host-local paths that look like URLs. */
  isHostLocal(path: string): boolean
  defaults: Required<Omit<CommonOptions, 'headers' | 'hint'>> & Pick<CommonOptions, 'hint'>
}

const DEFAULT_GUIDE: ModalTexts = {
  title: '提示',
  content: '保存图片需要访问您的相册，请在设置中允许“保存到相册”后重试',
  confirmText: '去设置',
  cancelText: '取消',
}
const DEFAULT_LOADING = '保存中'
export const BASE_DEFAULTS: Context['defaults'] = { timeout: 30000, guide: true, loading: false, maxBytes: 20 * 1024 * 1024, privacy: false }
const DEFAULT_KEYS: readonly string[] = ['guide', 'timeout', 'loading', 'maxBytes', 'hint', 'privacy'] satisfies (keyof AppDefaults)[]
const SOURCE_KEYS = ['src', 'url', 'filePath', 'base64', 'canvas', 'canvasId'] as const
const CANVAS_OPTIONS = ['component', 'fileType', 'quality'] as const
const MAX_TIMER_MS = 2147483647

/** A developer-facing message; `false` in the production build. */
type Detail = string | false

/** What a parser throws for bad input; `parse` makes it a SaveImageError of the platform. */
class Invalid {
  constructor(readonly code: ErrorCode, readonly detail: Detail) {}
}
const invalid = (detail: Detail, code: ErrorCode = 'INVALID_ARGUMENT'): never => {
  throw new Invalid(code, detail)
}

/**
 * Runs a parser; a bad input becomes a SaveImageError for this platform. Input that throws while it is
 * read (a getter, a Proxy trap) is bad input too, with what it threw as `raw`.
 */
export function parse<T>(platform: PlatformId | null, run: () => T): T {
  try {
    return run()
  } catch (e) {
    throw e instanceof Invalid ? new SaveImageError(e.code, e.detail, platform) : new SaveImageError('INVALID_ARGUMENT', __DEV__ && 'reading the input threw (see raw)', platform, e)
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

const describe = (value: unknown) => (value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value)

function optionsOf(input: unknown): Record<string, unknown> {
  return input === undefined ? {} : isRecord(input) ? input : invalid(__DEV__ && `options must be an object, got ${describe(input)}`)
}

/**
 * A call's input. Its callbacks go into `callbacks` first, so `fail` and `complete` still hear about the
 * rest being invalid (a callback that is not a function is itself invalid).
 */
export function parseSaveInput(input: unknown, ctx: Context, callbacks: Callbacks): { source: Source; settings: Settings } {
  if (typeof input === 'string') input = { src: input }
  if (!isRecord(input)) return invalid(__DEV__ && `expected a source string or an options object, got ${describe(input)}`)
  let notFunction: string | undefined
  for (const key of ['success', 'fail', 'complete'] as const) {
    const callback = input[key]
    if (typeof callback === 'function') callbacks[key] = callback as never
    else if (callback !== undefined) notFunction = key
  }
  if (notFunction) invalid(__DEV__ && `${notFunction} must be a function`)
  const settings = parseSettings(input, ctx.defaults)
  return { source: parseSourceOf(input, ctx, settings.maxBytes), settings }
}

/** App-wide defaults given to a build plugin, checked by the same rules as a call's options. */
export function parseDefaults(input: unknown): AppDefaults {
  return parse(null, () => {
    const options = optionsOf(input)
    const unknown = Object.keys(options).find((key) => DEFAULT_KEYS.indexOf(key) < 0)
    if (unknown !== undefined) invalid(__DEV__ && `unknown option "${unknown}"; the app-wide defaults are ${DEFAULT_KEYS.join(', ')}`)
    parseSettings(options, BASE_DEFAULTS)
    return withoutUndefined(options) as AppDefaults
  })
}

export function parseBatch(sources: unknown, input: unknown, ctx: Context) {
  if (!Array.isArray(sources)) return invalid(__DEV__ && `sources must be an array, got ${describe(sources)}`)
  const options = optionsOf(input)
  const { concurrency = 3, onProgress } = options
  if (typeof concurrency !== 'number' || !Number.isInteger(concurrency) || concurrency < 1) invalid(__DEV__ && 'concurrency must be a whole number ≥ 1')
  if (onProgress !== undefined && typeof onProgress !== 'function') invalid(__DEV__ && 'onProgress must be a function')
  return {
    // a copy: the caller may change the array while the batch runs
    items: Array.from(sources as unknown[]),
    ...parseSettings(options, ctx.defaults),
    concurrency: concurrency as number,
    onProgress: onProgress as SaveImagesOptions['onProgress'],
  }
}

export function parseBatchItem(item: unknown, ctx: Context, batch: Settings): { source: Source; settings: Settings } {
  if (typeof item === 'string') item = { src: item }
  if (!isRecord(item)) return invalid(__DEV__ && `expected a source string or { src, headers } or { canvas }, got ${describe(item)}`)
  const headers = item.headers === undefined ? batch.headers : parseHeaders(item.headers)
  return { source: parseSourceOf(item, ctx, batch.maxBytes), settings: { ...batch, headers } }
}

function parseSettings(input: Record<string, unknown>, defaults: Context['defaults']): Settings {
  const { timeout, guide, loading, maxBytes, hint, privacy } = { ...defaults, ...withoutUndefined(input) }
  if (typeof timeout !== 'number' || !(timeout > 0) || timeout > MAX_TIMER_MS) invalid(__DEV__ && `timeout must be a number of ms between 1 and ${MAX_TIMER_MS}`)
  if (typeof maxBytes !== 'number' || !(maxBytes > 0)) invalid(__DEV__ && 'maxBytes must be a positive number')
  if (hint !== undefined && typeof hint !== 'string') invalid(__DEV__ && `hint must be a string, got ${describe(hint)}`)
  if (typeof privacy !== 'boolean') invalid(__DEV__ && `privacy must be a boolean, got ${describe(privacy)}`)
  return {
    headers: input.headers === undefined ? undefined : parseHeaders(input.headers),
    timeout: timeout as number,
    guide: parseGuide(guide),
    loading: loading === false ? null : loading === true ? DEFAULT_LOADING : typeof loading === 'string' ? loading || DEFAULT_LOADING : invalid(__DEV__ && `loading must be a boolean or a title string, got ${describe(loading)}`),
    maxBytes: maxBytes as number,
    hint: hint as string | undefined,
    privacy: privacy as boolean,
  }
}

function withoutUndefined(input: Record<string, unknown>) {
  const out: Record<string, unknown> = {}
  for (const key of Object.keys(input)) if (input[key] !== undefined) out[key] = input[key]
  return out
}

function parseHeaders(headers: unknown): Record<string, string> {
  if (!isRecord(headers)) return invalid(__DEV__ && `headers must be an object of strings, got ${describe(headers)}`)
  for (const name of Object.keys(headers)) if (typeof headers[name] !== 'string') invalid(__DEV__ && `header "${name}" must be a string`)
  return headers as Record<string, string>
}

function parseGuide(guide: unknown): ModalTexts | null {
  if (guide === false) return null
  if (guide === true) return DEFAULT_GUIDE
  if (!isRecord(guide)) return invalid(__DEV__ && `guide must be a boolean or { title, content, confirmText, cancelText }, got ${describe(guide)}`)
  for (const key of Object.keys(DEFAULT_GUIDE)) {
    if (guide[key] !== undefined && typeof guide[key] !== 'string') invalid(__DEV__ && `guide.${key} must be a string`)
  }
  return { ...DEFAULT_GUIDE, ...(withoutUndefined(guide) as GuideTexts) }
}

function parseSourceOf(input: Record<string, unknown>, ctx: Context, maxBytes: number): Source {
  const given = SOURCE_KEYS.filter((key) => input[key] !== undefined)
  const key = given[0]
  if (!key) return invalid(__DEV__ && 'no image: give one of src, url, filePath, base64, canvas or canvasId')
  if (given.length > 1) return invalid(__DEV__ && `give exactly one image source, got ${given.join(' and ')}`)
  if (key === 'canvas' || key === 'canvasId') return { kind: 'canvas', canvas: parseCanvas(input) }
  const option = CANVAS_OPTIONS.find((name) => input[name] !== undefined)
  if (option) invalid(__DEV__ && `${option} goes with a canvas or canvasId only`)
  const value = input[key]
  if (typeof value !== 'string') return invalid(__DEV__ && `${key} must be a string, got ${describe(value)}`)
  return key === 'base64' ? parseRawBase64(value, maxBytes) : parseSrc(value.trim(), ctx, maxBytes)
}

function parseCanvas({ canvas, canvasId, component, fileType = 'png', quality }: Record<string, unknown>): CanvasRequest {
  if (canvas !== undefined && !(isRecord(canvas) && typeof canvas.getContext === 'function')) {
    invalid(__DEV__ && `canvas must be a Canvas 2D node (SelectorQuery … fields({ node: true })), got ${describe(canvas)}`)
  }
  if (canvasId !== undefined && (typeof canvasId !== 'string' || !canvasId)) invalid(__DEV__ && `canvasId must be a non-empty string, got ${describe(canvasId)}`)
  if (component !== undefined && (canvas !== undefined || typeof component !== 'object' || component === null)) {
    invalid(__DEV__ && (canvas !== undefined ? 'component goes with canvasId only' : `component must be the page or component instance, got ${describe(component)}`))
  }
  if (fileType !== 'png' && fileType !== 'jpg') invalid(__DEV__ && `fileType must be 'png' or 'jpg', got ${String(fileType)}`)
  if (quality !== undefined && !(typeof quality === 'number' && quality >= 0 && quality <= 1)) invalid(__DEV__ && 'quality must be a number from 0 to 1')
  return withoutUndefined({ canvas, canvasId, component, fileType, quality }) as unknown as CanvasRequest
}

// userinfo, then a host (name or [IPv6]), an optional port, then path/query/fragment; no whitespace anywhere
const URL_SHAPE = /^https?:\/\/(?:[^\s/?#@]*@)?(?:\[[0-9a-f:.]+\]|[^\s/?#@:[\]<>"]+)(?::\d{1,5})?(?:[/?#]\S*)?$/i

function parseSrc(src: string, ctx: Context, maxBytes: number): Source {
  if (!src) return invalid(__DEV__ && 'the image source is empty')
  if (/^data:/i.test(src)) return parseDataUri(src, maxBytes)
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(src)
  if (ctx.isHostLocal(src) || (!scheme && !src.startsWith('//'))) return { kind: 'local', path: src }
  if (!scheme) return invalid(__DEV__ && 'protocol-relative URLs have no page to resolve against: use https://')
  if (!/^https?$/i.test(scheme[1]!)) return invalid(__DEV__ && `unsupported scheme "${scheme[1]}:" (use http(s), a data URI or a local path)`)
  if (!URL_SHAPE.test(src)) return invalid(__DEV__ && `malformed URL: ${src}`)
  const path = src.replace(/^https?:\/\/[^/?#]*/i, '').split(/[?#]/)[0]!
  if (/\.svgz?$/i.test(path)) return invalid(__DEV__ && 'SVG cannot be saved to a photo album', 'UNSUPPORTED_FORMAT')
  const extension = /\.(png|jpe?g|gif|webp|bmp)$/i.exec(path)
  return { kind: 'url', url: src, extension: extension ? extension[1]!.toLowerCase() : 'png' }
}

function parseDataUri(uri: string, maxBytes: number): Source {
  const comma = uri.indexOf(',')
  if (comma < 0) return invalid(__DEV__ && 'malformed data URI: no comma')
  const meta = uri.slice(5, comma).split(';').map((part) => part.trim().toLowerCase())
  const mime = meta[0]
  if (mime && !/^image\/(png|jpe?g|pjpeg|gif|webp|bmp|x-ms-bmp)$/.test(mime)) {
    return invalid(__DEV__ && `data URI of type ${mime} is not png, jpeg, gif, webp or bmp`, 'UNSUPPORTED_FORMAT')
  }
  if (meta.indexOf('base64') < 0) return invalid(__DEV__ && 'only base64 data URIs are supported (";base64," is missing)')
  return parseRawBase64(uri.slice(comma + 1), maxBytes)
}

function parseRawBase64(text: string, maxBytes: number): Source {
  if (/^\s*data:/i.test(text)) return invalid(__DEV__ && 'base64 takes the data without its "data:...;base64," prefix; pass a data URI as src')
  const base64 = normalizeBase64(text)
  if (!base64) return invalid(__DEV__ && (text.trim() ? 'malformed base64 data' : 'the base64 data is empty'))
  if (decodedLength(base64) > maxBytes) return invalid(__DEV__ && `image is larger than maxBytes (${maxBytes} bytes)`)
  const format = sniffFormat(decodeBase64(base64, SNIFF_BYTES))
  if (!format) return invalid(__DEV__ && 'the data is not a png, jpeg, gif, webp or bmp image', 'UNSUPPORTED_FORMAT')
  return { kind: 'data', base64, format }
}
