import { decodeBase64 } from './base64'

export type ImageFormat = 'png' | 'jpeg' | 'gif' | 'webp' | 'bmp'

/** Bytes needed by `sniffFormat`. */
export const SNIFF_BYTES = 12

const SIGNATURES: ReadonlyArray<[RegExp, ImageFormat]> = [
  [/^\x89PNG\r\n/, 'png'],
  [/^\xff\xd8\xff/, 'jpeg'],
  [/^GIF8[79]a/, 'gif'],
  [/^RIFF[^]{4}WEBP/, 'webp'],
  [/^BM[^]{4}\0{4}/, 'bmp'],
]

/**
 * The same signatures read on canonical base64 (a 6-bit character per position), so a source is sniffed without
 * decoding it: RIFF's and BMP's 4 size bytes are any 6 characters, BMP's 4 zero bytes "AAAAA" and a character with
 * its top 2 bits clear. test/unit/format.test.ts checks it against `sniffFormat` on random bytes.
 */
const BASE64_SIGNATURES: ReadonlyArray<[RegExp, ImageFormat]> = [
  [/^iVBORw0K/, 'png'],
  [/^\/9j\//, 'jpeg'],
  [/^R0lGOD[dl]h/, 'gif'],
  [/^UklGR.{6}XRUJQ/, 'webp'],
  [/^Qk.{6}AAAAA[A-P]/, 'bmp'],
]

/** The image format of canonical base64 data from its magic bytes. */
export const sniffBase64 = (canonical: string): ImageFormat | null =>
  (BASE64_SIGNATURES.find(([signature]) => signature.test(canonical)) || [])[1] || null

/** The image format from its magic bytes; the declared MIME type is not trusted. */
export function sniffFormat(bytes: Uint8Array): ImageFormat | null {
  const head = String.fromCharCode(...Array.from(bytes.subarray(0, SNIFF_BYTES)))
  return (SIGNATURES.find(([signature]) => signature.test(head)) || [])[1] || null
}

export const extensionOf = (format: FileFormat): string => (format === 'jpeg' ? 'jpg' : format)

export const mimeOf = (format: FileFormat): string => `image/${format === 'svg' ? 'svg+xml' : format}`

/** A file as the core knows it: an image format, or SVG, which no album takes but a 2D canvas can draw. */
export type FileFormat = ImageFormat | 'svg'

const TYPES: Readonly<Record<string, FileFormat>> = {
  png: 'png',
  jpeg: 'jpeg',
  jpg: 'jpeg',
  pjpeg: 'jpeg',
  gif: 'gif',
  webp: 'webp',
  bmp: 'bmp',
  'x-ms-bmp': 'bmp',
  'svg+xml': 'svg',
}

/**
 * What a response's Content-Type says of its body: the format, `null` for a type that is no image (an HTML error or
 * login page, JSON…), `undefined` when it says nothing we can trust (absent, octet-stream, an image type we do not
 * know, which the host may still save).
 */
export function formatOfType(contentType: string | undefined): FileFormat | null | undefined {
  const type = /^\s*([\w.+-]+)\/([\w.+-]+)/.exec(contentType || '')
  if (!type) return undefined
  const [, kind, subtype] = type.map((part) => part.toLowerCase())
  if (kind === 'image') return TYPES[subtype!]
  return /octet-stream|binary/.test(subtype!) ? undefined : null
}

/** The format of a file from the base64 of its first bytes, SVG included; null for anything else. */
export function sniffHead(canonical: string): FileFormat | null {
  const format = sniffBase64(canonical)
  if (format) return format
  const head = String.fromCharCode(...Array.from(decodeBase64(canonical, 256)))
  return /^\s*(<\?xml[^]*?>\s*)?(<!--[^]*?-->\s*)*(<!doctype svg[^>]*>\s*)?<svg[\s>]/i.test(head) ? 'svg' : null
}
