import type { ModalTexts } from './adapter'
import { decodeBase64, decodedLength, normalizeBase64 } from './base64'
import { SaveImageError, type ErrorCode } from './errors'
import { IMAGE_EXTENSIONS, SNIFF_BYTES, sniffFormat, type ImageFormat } from './format'
import type { PlatformId } from './platform'
import type { AppDefaults, CommonOptions, GuideTexts, SaveImageOptions, SaveImagesOptions } from './types'

export type Source =
  | { kind: 'url'; url: string; extension: string }
  | { kind: 'local'; path: string }
  | { kind: 'data'; base64: string; format: ImageFormat }

export interface Settings {
  headers: Record<string, string> | undefined
  timeout: number
  guide: ModalTexts | null
  loading: string | null
  maxBytes: number
  /** Absent: the adapter's own default. */
  hint: string | undefined
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
export const BASE_DEFAULTS: Context['defaults'] = { timeout: 30000, guide: true, loading: false, maxBytes: 20 * 1024 * 1024 }
const DEFAULT_KEYS: readonly string[] = ['guide', 'timeout', 'loading', 'maxBytes', 'hint'] satisfies (keyof AppDefaults)[]
const MAX_TIMER_MS = 2147483647
const SOURCE_KEYS = ['src', 'url', 'filePath', 'base64'] as const
const IMAGE_EXTENSION = /\.(png|jpe?g|gif|webp|bmp)$/i
const VECTOR_EXTENSION = /\.svgz?$/i

class Invalid {
  constructor(readonly code: ErrorCode, readonly detail: string) {}
}
const invalid = (detail: string): never => {
  throw new Invalid('INVALID_ARGUMENT', detail)
}
const unsupported = (detail: string): never => {
  throw new Invalid('UNSUPPORTED_FORMAT', detail)
}

/** Runs a parser; a bad input becomes a SaveImageError for this platform. */
export function parse<T>(platform: PlatformId | null, run: () => T): T {
  try {
    return run()
  } catch (e) {
    if (e instanceof Invalid) throw new SaveImageError(e.code, e.detail, platform)
    throw e
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const describe = (value: unknown) => (value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value)

/** The callbacks of an options object, read even when the rest is invalid so `fail` still hears about it. */
export function readCallbacks(input: unknown): Callbacks {
  if (!isRecord(input)) return {}
  const pick = <K extends keyof Callbacks>(key: K) => (typeof input[key] === 'function' ? (input[key] as Callbacks[K]) : undefined)
  return { success: pick('success'), fail: pick('fail'), complete: pick('complete') }
}

export function parseSaveInput(input: unknown, ctx: Context): { source: Source; settings: Settings } {
  if (typeof input === 'string') input = { src: input }
  if (!isRecord(input)) return invalid(`expected a source string or an options object, got ${describe(input)}`)
  for (const key of ['success', 'fail', 'complete'] as const) {
    if (input[key] !== undefined && typeof input[key] !== 'function') invalid(`${key} must be a function`)
  }
  const settings = parseSettings(input, ctx)
  return { source: parseSourceOf(input, ctx, settings.maxBytes), settings }
}

/** App-wide defaults given to a build plugin, checked by the same rules as a call's options. */
export function parseDefaults(input: unknown): AppDefaults {
  return parse(null, () => {
    if (input === undefined) return {}
    if (!isRecord(input)) return invalid(`options must be an object, got ${describe(input)}`)
    const unknown = Object.keys(input).find((key) => !DEFAULT_KEYS.includes(key))
    if (unknown !== undefined) invalid(`unknown option "${unknown}"; the app-wide defaults are ${DEFAULT_KEYS.join(', ')}`)
    parseSettings(input, { platform: null, isHostLocal: () => false, defaults: BASE_DEFAULTS })
    return withoutUndefined(input) as AppDefaults
  })
}

export function parseBatch(sources: unknown, input: unknown, ctx: Context) {
  if (!Array.isArray(sources)) return invalid(`sources must be an array, got ${describe(sources)}`)
  return { items: sources as unknown[], ...parseBatchOptions(input, ctx) }
}

function parseBatchOptions(input: unknown, ctx: Context): Settings & { concurrency: number; onProgress?: SaveImagesOptions['onProgress'] } {
  if (input === undefined) input = {}
  if (!isRecord(input)) return invalid(`options must be an object, got ${describe(input)}`)
  const { concurrency = 3, onProgress } = input
  if (typeof concurrency !== 'number' || !Number.isInteger(concurrency) || concurrency < 1) invalid('concurrency must be a whole number ≥ 1')
  if (onProgress !== undefined && typeof onProgress !== 'function') invalid('onProgress must be a function')
  return { ...parseSettings(input, ctx), concurrency: concurrency as number, onProgress: onProgress as SaveImagesOptions['onProgress'] }
}

export function parseBatchItem(item: unknown, ctx: Context, batch: Settings): { source: Source; settings: Settings } {
  if (typeof item === 'string') return { source: parseSourceOf({ src: item }, ctx, batch.maxBytes), settings: batch }
  if (!isRecord(item)) return invalid(`expected a source string or { src, headers }, got ${describe(item)}`)
  const headers = item.headers === undefined ? batch.headers : parseHeaders(item.headers)
  return { source: parseSourceOf(item, ctx, batch.maxBytes), settings: { ...batch, headers } }
}

function parseSettings(input: Record<string, unknown>, ctx: Context): Settings {
  const { timeout, guide, loading, maxBytes, hint } = { ...ctx.defaults, ...withoutUndefined(input) }
  if (typeof timeout !== 'number' || !(timeout > 0) || timeout > MAX_TIMER_MS) invalid(`timeout must be a number of ms between 1 and ${MAX_TIMER_MS}`)
  if (typeof maxBytes !== 'number' || !(maxBytes > 0)) invalid('maxBytes must be a positive number')
  if (hint !== undefined && typeof hint !== 'string') invalid(`hint must be a string, got ${describe(hint)}`)
  return {
    headers: input.headers === undefined ? undefined : parseHeaders(input.headers),
    timeout: timeout as number,
    guide: parseGuide(guide),
    loading: parseLoading(loading),
    maxBytes: maxBytes as number,
    hint: hint as string | undefined,
  }
}

function withoutUndefined(input: Record<string, unknown>) {
  const out: Record<string, unknown> = {}
  for (const key of Object.keys(input)) if (input[key] !== undefined) out[key] = input[key]
  return out
}

function parseHeaders(headers: unknown): Record<string, string> {
  if (!isRecord(headers)) return invalid(`headers must be an object of strings, got ${describe(headers)}`)
  for (const [name, value] of Object.entries(headers)) {
    if (typeof value !== 'string') invalid(`header "${name}" must be a string`)
  }
  return headers as Record<string, string>
}

function parseGuide(guide: unknown): ModalTexts | null {
  if (guide === false) return null
  if (guide === true) return DEFAULT_GUIDE
  if (!isRecord(guide)) return invalid(`guide must be a boolean or { title, content, confirmText, cancelText }, got ${describe(guide)}`)
  const texts: GuideTexts = guide
  for (const key of ['title', 'content', 'confirmText', 'cancelText'] as const) {
    if (texts[key] !== undefined && typeof texts[key] !== 'string') invalid(`guide.${key} must be a string`)
  }
  return { ...DEFAULT_GUIDE, ...(withoutUndefined(guide) as GuideTexts) }
}

function parseLoading(loading: unknown): string | null {
  if (loading === false) return null
  if (loading === true) return DEFAULT_LOADING
  if (typeof loading === 'string') return loading || DEFAULT_LOADING
  return invalid(`loading must be a boolean or a title string, got ${describe(loading)}`)
}

function parseSourceOf(input: Record<string, unknown>, ctx: Context, maxBytes: number): Source {
  const given = SOURCE_KEYS.filter((key) => input[key] !== undefined)
  if (given.length === 0) return invalid('no image: give one of src, url, filePath or base64')
  if (given.length > 1) return invalid(`give exactly one image source, got ${given.join(' and ')}`)
  const key = given[0]
  const value = input[key]
  if (typeof value !== 'string') return invalid(`${key} must be a string, got ${describe(value)}`)
  if (key === 'base64') return parseRawBase64(value, maxBytes)
  return parseSrc(value, ctx, maxBytes)
}

function parseSrc(value: string, ctx: Context, maxBytes: number): Source {
  const src = value.trim()
  if (!src) return invalid('the image source is empty')
  if (/^data:/i.test(src)) return parseDataUri(src, maxBytes)
  if (ctx.isHostLocal(src)) return { kind: 'local', path: src }
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(src)
  if (!scheme) {
    if (src.startsWith('//')) return invalid('protocol-relative URLs have no page to resolve against: use https://')
    return { kind: 'local', path: src }
  }
  if (!/^https?$/i.test(scheme[1])) return invalid(`unsupported scheme "${scheme[1]}:" (use http(s), a data URI or a local path)`)
  return parseUrl(src)
}

// userinfo, then a host (name or [IPv6]), an optional port, then path/query/fragment; no whitespace anywhere
const URL_SHAPE = /^https?:\/\/(?:[^\s/?#@]*@)?(?:\[[0-9a-f:.]+\]|[^\s/?#@:[\]<>"]+)(?::\d{1,5})?(?:[/?#]\S*)?$/i

function parseUrl(url: string): Source {
  if (!URL_SHAPE.test(url)) return invalid(`malformed URL: ${url}`)
  const path = url.replace(/^https?:\/\/[^/?#]*/i, '').split(/[?#]/)[0]
  if (VECTOR_EXTENSION.test(path)) return unsupported('SVG cannot be saved to a photo album')
  const ext = IMAGE_EXTENSION.exec(path)
  return { kind: 'url', url, extension: ext ? ext[1].toLowerCase() : 'png' }
}

function parseDataUri(uri: string, maxBytes: number): Source {
  const comma = uri.indexOf(',')
  if (comma < 0) return invalid('malformed data URI: no comma')
  const meta = uri.slice(5, comma).split(';').map((part) => part.trim().toLowerCase())
  const mime = meta[0]
  if (mime && !/^image\/(png|jpe?g|pjpeg|gif|webp|bmp|x-ms-bmp)$/.test(mime)) {
    return unsupported(`data URI of type ${mime} is not png, jpeg, gif, webp or bmp`)
  }
  if (!meta.includes('base64')) return invalid('only base64 data URIs are supported (";base64," is missing)')
  return parseRawBase64(uri.slice(comma + 1), maxBytes)
}

function parseRawBase64(text: string, maxBytes: number): Source {
  if (/^data:/i.test(text.trim())) return invalid('base64 takes the data without its "data:...;base64," prefix; pass a data URI as src')
  const base64 = normalizeBase64(text)
  if (!base64) return invalid(text.trim() ? 'malformed base64 data' : 'the base64 data is empty')
  if (decodedLength(base64) > maxBytes) return invalid(`image is larger than maxBytes (${maxBytes} bytes)`)
  const format = sniffFormat(decodeBase64(base64, SNIFF_BYTES))
  if (!format) return unsupported('the data is not a png, jpeg, gif, webp or bmp image')
  return { kind: 'data', base64, format }
}

export const extensionOf = (format: ImageFormat) => IMAGE_EXTENSIONS[format]
