import { VIDEO } from './features'

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

export const extensionOfFormat = (format: FileFormat): string => (format === 'jpeg' ? 'jpg' : format)

export const mimeOf = (format: FileFormat): string => `image/${format === 'svg' ? 'svg+xml' : format}`

/** A video container the albums take (an MP4, or a QuickTime MOV some hosts refuse). */
export type VideoFormat = 'mp4' | 'mov'

/** A file as the core knows it: an image format, SVG (which no album takes but a 2D canvas can draw), or a video. */
export type FileFormat = ImageFormat | 'svg' | VideoFormat

const FORMATS: readonly FileFormat[] = ['png', 'jpeg', 'gif', 'webp', 'bmp', 'svg']
const VIDEO_FORMATS: readonly FileFormat[] = ['mp4', 'mov']

/**
 * What a response's Content-Type says of its body: the format (`image/pjpeg`, `image/x-ms-bmp`, `image/svg+xml`,
 * `video/quicktime` included), `null` for a type that is not what was asked for (an HTML error or login page, JSON…),
 * `undefined` when it says nothing we can trust (absent, octet-stream, a type we do not know, which the host may
 * still save).
 */
export function formatOfType(contentType: string | undefined, video?: boolean): FileFormat | null | undefined {
  const type = /^\s*([\w-]+)\/([\w.+-]+)/.exec((contentType || '').toLowerCase())
  if (!type || /octet|binary/.test(type[2]!)) return undefined
  // written out in place, so a build without videos folds both to images
  if (type[1] !== (VIDEO && video ? 'video' : 'image')) return null
  return (VIDEO && video ? VIDEO_FORMATS : FORMATS).find(
    (format) => type[2]!.indexOf(format === 'jpeg' ? 'jp' : format === 'mov' ? 'quicktime' : format) >= 0,
  )
}

/**
 * A video from the base64 of its first bytes: an ISO media file has `ftyp` at byte 4 (a MOV's brand `qt`), base64's
 * characters 5 to 9 whatever the box size; text (markup, JSON, white space) or nothing is no video (`null`); any other
 * container is left to the host (`undefined`). test/unit/format.test.ts holds the patterns to the bytes.
 */
export const sniffVideoHead = (canonical: string): VideoFormat | null | undefined =>
  /^.{5}[GWm2]Z0eX[A-D]/.test(canonical)
    ? /^.{10}Bxd[A-P]/.test(canonical)
      ? 'mov'
      : 'mp4'
    : /^(P|e|77u\/|[ICD]|$)/.test(canonical)
      ? null
      : undefined

/** The format of a file from the base64 of its first bytes, SVG included; null for anything else. */
export const sniffHead = (canonical: string): FileFormat | null =>
  sniffBase64(canonical) ||
  // markup (its first byte '<', white space or a BOM) with `<svg` in its first 256 bytes: the three ways base64
  // writes `<svg`, by its offset modulo 3 (test/unit/format.test.ts holds them to the bytes)
  (/^(P|77u\/|[ICD])/.test(canonical) && /PHN2Z[w-z0-9+/]|xzdm[c-f]|8c3Zn/.test(canonical.slice(0, 344)) ? 'svg' : null)
