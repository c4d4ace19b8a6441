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

/** The image format from its magic bytes; the declared MIME type is not trusted. */
export function sniffFormat(bytes: Uint8Array): ImageFormat | null {
  const head = String.fromCharCode(...Array.from(bytes.subarray(0, SNIFF_BYTES)))
  return (SIGNATURES.find(([signature]) => signature.test(head)) || [])[1] || null
}

export const extensionOf = (format: ImageFormat): string => (format === 'jpeg' ? 'jpg' : format)

export const mimeOf = (format: ImageFormat): string => `image/${format}`
