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

export const extensionOf = (format: ImageFormat): string => (format === 'jpeg' ? 'jpg' : format)

export const mimeOf = (format: ImageFormat): string => `image/${format}`
