import type { ImageFormat } from './types'

// The simulated hosts' own byte rules, written from the hosts' docs and the file formats, never borrowed from the
// product: a bug in the product's codec or sniffer must not pass on both sides.

/** Text ↔ bytes for the simulated file system (no TextEncoder: src has no DOM/Node lib). */

export function utf8Encode(text: string): Uint8Array {
  const out: number[] = []
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i)
    if (code >= 0xd800 && code < 0xdc00 && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1)
      if (low >= 0xdc00 && low < 0xe000) {
        code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00)
        i++
      }
    }
    if (code < 0x80) out.push(code)
    else if (code < 0x800) out.push(0xc0 | (code >> 6), 0x80 | (code & 63))
    else if (code < 0x10000) out.push(0xe0 | (code >> 12), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63))
    else out.push(0xf0 | (code >> 18), 0x80 | ((code >> 12) & 63), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63))
  }
  return new Uint8Array(out)
}

export function utf8Decode(bytes: Uint8Array): string {
  let out = ''
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i]
    const size = b < 0x80 ? 1 : b < 0xe0 ? 2 : b < 0xf0 ? 3 : 4
    let code = size === 1 ? b : b & (0xff >> (size + 1))
    for (let k = 1; k < size; k++) code = (code << 6) | ((bytes[i + k] ?? 0) & 63)
    out += String.fromCodePoint(code)
    i += size
  }
  return out
}

/**
 * Host base64 decoding. The prefix rule is documented (typings: a Data URI prefix gives
 * "base64 encode error"); rejecting the URL-safe alphabet follows the note in core/base64.ts [I].
 */
export function hostBase64(text: string): Uint8Array | null {
  if (text.startsWith('data:')) return null
  return base64ToBytes(text)
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

/** Standard base64 (whitespace ignored, padding optional) to bytes, six bits at a time; null when it is not base64. */
export function base64ToBytes(text: string): Uint8Array | null {
  const body = text.replace(/\s+/g, '').replace(/={1,2}$/, '')
  if (!body || body.length % 4 === 1) return null
  const out: number[] = []
  let bits = 0
  let count = 0
  for (const char of body) {
    const value = BASE64.indexOf(char)
    if (value < 0) return null
    bits = ((bits << 6) | value) & 0xffffff
    count += 6
    if (count >= 8) {
      count -= 8
      out.push((bits >> count) & 255)
    }
  }
  return new Uint8Array(out)
}

export function bytesToBase64(bytes: Uint8Array): string {
  let out = ''
  let bits = 0
  let count = 0
  for (const byte of bytes) {
    bits = ((bits << 8) | byte) & 0xffffff
    count += 8
    while (count >= 6) {
      count -= 6
      out += BASE64[(bits >> count) & 63]
    }
  }
  if (count) out += BASE64[(bits << (6 - count)) & 63]
  return out + '='.repeat((4 - (out.length % 4)) % 4)
}

const ascii = (text: string) => Array.from(text, (char) => char.charCodeAt(0))
const startsWith = (bytes: Uint8Array, signature: number[], at = 0) =>
  signature.every((byte, i) => bytes[at + i] === byte)

/** The image a host's decoder recognises in a file, from the formats' own signatures; null for anything else. */
export function imageFormatOf(bytes: Uint8Array): ImageFormat | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png'
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg'
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return 'gif'
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'webp'
  if (startsWith(bytes, ascii('BM')) && bytes.length >= 26) return 'bmp'
  return null
}

/** The container of an ISO media file (MP4, MOV): `ftyp` at byte 4, a MOV's brand `qt  `; null for anything else. */
export function videoFormatOf(bytes: Uint8Array): 'mp4' | 'mov' | null {
  if (!startsWith(bytes, ascii('ftyp'), 4)) return null
  return startsWith(bytes, ascii('qt  '), 8) ? 'mov' : 'mp4'
}

/** An SVG document: what a browser's or a 2D canvas's image decoder draws, and no album takes. */
export function isSvg(bytes: Uint8Array): boolean {
  // byte by byte: the markup that decides is ASCII, and any bytes must read without throwing
  const head = String.fromCharCode(...Array.from(bytes.subarray(0, 512))).replace(/^(\xEF\xBB\xBF)?\s*/, '')
  return /^(<\?xml[^>]*>\s*)?(<!--[^]*?-->\s*)*(<!doctype svg[^>]*>\s*)?<svg[\s>]/i.test(head)
}

/** writeFile's data → bytes; null when the host's decoder rejects it. */
export function encodeData(data: unknown, encoding: unknown): Uint8Array | null {
  if (data instanceof ArrayBuffer) return new Uint8Array(data.slice(0))
  if (ArrayBuffer.isView(data))
    return new Uint8Array(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength))
  const text = String(data ?? '')
  switch (encoding) {
    case 'base64':
      return hostBase64(text)
    default:
      return utf8Encode(text)
  }
}

/** readFile's bytes → data; ArrayBuffer when no encoding is given (as the hosts do). */
export function decodeData(bytes: Uint8Array, encoding: unknown): string | ArrayBuffer {
  switch (encoding) {
    case undefined:
    case null:
    case '':
      return bytes.slice().buffer
    case 'base64':
      return bytesToBase64(bytes)
    default:
      return utf8Decode(bytes)
  }
}

export function copyBytes(bytes: Uint8Array | undefined): Uint8Array {
  return bytes ? new Uint8Array(bytes) : new Uint8Array(0)
}
