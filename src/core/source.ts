import type { CanvasRequest } from './adapter'
import { decodedLength, normalizeBase64 } from './base64'
import { sniffBase64, sniffHead, type FileFormat } from './format'
import { describe, invalid, isRecord, withoutUndefined } from './invalid'
import { CANVAS, CONVERT, LEFT_OUT } from './features'
import type { Context, Settings } from './settings'

// The image of a call: exactly one of its source options, checked and read before any host call.

export type Source =
  | { kind: 'url'; url: string; extension: string; video?: true }
  | { kind: 'local'; path: string; video?: true }
  | { kind: 'data'; base64: string; format: FileFormat }
  | { kind: 'canvas'; canvas: CanvasRequest }

const SOURCE_KEYS = ['src', 'url', 'filePath', 'base64', 'canvas', 'canvasId'] as const
const CANVAS_OPTIONS = ['component', 'quality'] as const

export function parseSourceOf(
  input: Record<string, unknown>,
  ctx: Context,
  { maxBytes, fileType }: Pick<Settings, 'maxBytes' | 'fileType'>,
): Source {
  const given = SOURCE_KEYS.filter((key) => input[key] !== undefined)
  const key = given[0]
  if (!key) return invalid(__DEV__ && 'no image: give one of src, url, filePath, base64, canvas or canvasId')
  if (given.length > 1) return invalid(__DEV__ && `give exactly one image source, got ${given.join(' and ')}`)
  if (key === 'canvas' || key === 'canvasId')
    return CANVAS
      ? { kind: 'canvas', canvas: parseCanvas(input, fileType) }
      : invalid(__DEV__ && `${LEFT_OUT} canvas sources: remove canvas: false from the plugin's options`)
  const option = CANVAS_OPTIONS.find((name) => input[name] !== undefined)
  if (option) invalid(__DEV__ && `${option} goes with a canvas or canvasId only`)
  const value = input[key]
  if (typeof value !== 'string') return invalid(__DEV__ && `${key} must be a string, got ${describe(value)}`)
  return key === 'base64' ? parseRawBase64(value, maxBytes, ctx) : parseSrc(value.trim(), ctx, maxBytes)
}

function parseCanvas(
  { canvas, canvasId, component, quality }: Record<string, unknown>,
  fileType: 'png' | 'jpg',
): CanvasRequest {
  if (canvas !== undefined && !(isRecord(canvas) && typeof canvas.getContext === 'function')) {
    invalid(
      __DEV__ && `canvas must be a Canvas 2D node (SelectorQuery … fields({ node: true })), got ${describe(canvas)}`,
    )
  }
  if (canvasId !== undefined && (typeof canvasId !== 'string' || !canvasId))
    invalid(__DEV__ && `canvasId must be a non-empty string, got ${describe(canvasId)}`)
  if (component !== undefined && (canvas !== undefined || typeof component !== 'object' || component === null)) {
    invalid(
      __DEV__ &&
        (canvas !== undefined
          ? 'component goes with canvasId only'
          : `component must be the page or component instance, got ${describe(component)}`),
    )
  }
  if (quality !== undefined && !(typeof quality === 'number' && quality >= 0 && quality <= 1))
    invalid(__DEV__ && 'quality must be a number from 0 to 1')
  return withoutUndefined({ canvas, canvasId, component, fileType, quality }) as unknown as CanvasRequest
}

const VIDEO_KEYS = ['src', 'url', 'filePath'] as const

/** A video: an http(s) URL or a local path; no album takes a data URI or base64 video. */
export function parseVideoSource(input: Record<string, unknown>, ctx: Context): Source {
  const given = VIDEO_KEYS.filter((key) => input[key] !== undefined)
  const other = ['base64', 'canvas', 'canvasId'].find((key) => input[key] !== undefined)
  if (other || given.length !== 1)
    return invalid(
      __DEV__ &&
        (other ? `a video is given as src, url or filePath, not ${other}` : 'give exactly one of src, url or filePath'),
    )
  const value = input[given[0]!]
  if (typeof value !== 'string') return invalid(__DEV__ && `${given[0]} must be a string, got ${describe(value)}`)
  const src = value.trim()
  if (/^data:/i.test(src)) return invalid(__DEV__ && 'a video cannot be a data URI: give its URL or a local path')
  const source = parseSrc(src, ctx, 0)
  // CDN URLs rarely name the container: the download is named .mp4 until its bytes say otherwise
  return source.kind === 'url'
    ? { ...source, extension: videoExtension(source.url) || 'mp4', video: true }
    : { kind: 'local', path: src, video: true }
}

/** The video container a path names, if any. */
export const videoExtension = (src: string): string | undefined => {
  const match = /\.(mp4|mov|m4v|3gp)$/i.exec(src.replace(/^https?:\/\/[^/?#]*/i, '').split(/[?#]/)[0]!)
  return match ? match[1]!.toLowerCase() : undefined
}

// userinfo, then a host (name or [IPv6]), an optional port, then path/query/fragment; no whitespace anywhere
const URL_SHAPE = /^https?:\/\/(?:[^\s/?#@]*@)?(?:\[[0-9a-f:.]+\]|[^\s/?#@:[\]<>"]+)(?::\d{1,5})?(?:[/?#]\S*)?$/i

function parseSrc(src: string, ctx: Context, maxBytes: number): Source {
  if (!src) return invalid(__DEV__ && 'the image source is empty')
  if (/^data:/i.test(src)) return parseDataUri(src, maxBytes, ctx)
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(src)
  if (ctx.isHostLocal(src) || (!scheme && !src.startsWith('//'))) return { kind: 'local', path: src }
  if (!scheme) return invalid(__DEV__ && 'protocol-relative URLs have no page to resolve against: use https://')
  if (!/^https?$/i.test(scheme[1]!))
    return invalid(__DEV__ && `unsupported scheme "${scheme[1]}:" (use http(s), a data URI or a local path)`)
  if (!URL_SHAPE.test(src)) return invalid(__DEV__ && `malformed URL: ${src}`)
  const path = src.replace(/^https?:\/\/[^/?#]*/i, '').split(/[?#]/)[0]!
  // no album takes an SVG: it is downloaded and redrawn where the host documents a 2D canvas, else refused here
  if (/\.svgz$/i.test(path) || (/\.svg$/i.test(path) && !ctx.redraws)) return noSvg(ctx)
  const extension = /\.(png|jpe?g|gif|webp|bmp|svg)$/i.exec(path)
  return { kind: 'url', url: src, extension: extension ? extension[1]!.toLowerCase() : 'png' }
}

const noSvg = (ctx: Context): never =>
  invalid(
    __DEV__ &&
      `SVG cannot be saved to a photo album${ctx.redraws ? '' : CONVERT ? `, and ${ctx.platform} documents no canvas to redraw it` : `; ${LEFT_OUT} conversion: remove convert: false from the plugin's options`}`,
    'UNSUPPORTED_FORMAT',
  )

function parseDataUri(uri: string, maxBytes: number, ctx: Context): Source {
  const comma = uri.indexOf(',')
  if (comma < 0) return invalid(__DEV__ && 'malformed data URI: no comma')
  const meta = uri
    .slice(5, comma)
    .split(';')
    .map((part) => part.trim().toLowerCase())
  const mime = meta[0]
  // a UTF-8 SVG would need encoding before it can be drawn: only base64 SVG is redrawn
  if (mime === 'image/svg+xml' && (!ctx.redraws || meta.indexOf('base64') < 0)) return noSvg(ctx)
  if (mime && !/^image\/(png|jpe?g|pjpeg|gif|webp|bmp|x-ms-bmp|svg\+xml)$/.test(mime)) {
    return invalid(__DEV__ && `data URI of type ${mime} is not png, jpeg, gif, webp or bmp`, 'UNSUPPORTED_FORMAT')
  }
  if (meta.indexOf('base64') < 0)
    return invalid(__DEV__ && 'only base64 data URIs are supported (";base64," is missing)')
  return parseRawBase64(uri.slice(comma + 1), maxBytes, ctx)
}

function parseRawBase64(text: string, maxBytes: number, ctx: Context): Source {
  if (/^\s*data:/i.test(text))
    return invalid(__DEV__ && 'base64 takes the data without its "data:...;base64," prefix; pass a data URI as src')
  const base64 = normalizeBase64(text)
  if (!base64) return invalid(__DEV__ && (text.trim() ? 'malformed base64 data' : 'the base64 data is empty'))
  if (decodedLength(base64) > maxBytes) return invalid(__DEV__ && `image is larger than maxBytes (${maxBytes} bytes)`)
  const format = sniffBase64(base64) || (ctx.redraws && sniffHead(base64))
  if (!format) return invalid(__DEV__ && 'the data is not a png, jpeg, gif, webp or bmp image', 'UNSUPPORTED_FORMAT')
  return { kind: 'data', base64, format }
}
