export type ImageFormat = 'png' | 'jpeg' | 'gif' | 'webp' | 'bmp'

export const IMAGE_EXTENSIONS: Record<ImageFormat, string> = { png: 'png', jpeg: 'jpg', gif: 'gif', webp: 'webp', bmp: 'bmp' }
export const IMAGE_MIME: Record<ImageFormat, string> = {
  png: 'image/png', jpeg: 'image/jpeg', gif: 'image/gif', webp: 'image/webp', bmp: 'image/bmp',
}

const ascii = (bytes: Uint8Array, from: number, to: number) => String.fromCharCode(...Array.from(bytes.subarray(from, to)))

/** Bytes needed by `sniffFormat`. */
export const SNIFF_BYTES = 12

/** The image format from its magic bytes; the declared MIME type is not trusted. */
export function sniffFormat(bytes: Uint8Array): ImageFormat | null {
  if (bytes.length >= 8 && ascii(bytes, 1, 4) === 'PNG' && bytes[0] === 0x89 && bytes[4] === 0x0d && bytes[5] === 0x0a) return 'png'
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg'
  if (bytes.length >= 6 && /^GIF8[79]a$/.test(ascii(bytes, 0, 6))) return 'gif'
  if (bytes.length >= 12 && ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return 'webp'
  if (bytes.length >= 10 && ascii(bytes, 0, 2) === 'BM' && bytes[6] === 0 && bytes[7] === 0 && bytes[8] === 0 && bytes[9] === 0) return 'bmp'
  return null
}
