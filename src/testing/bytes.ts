import { decodeBase64, encodeBase64, normalizeBase64 } from '../core/base64'

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
  if (text.startsWith('data:') || /[-_]/.test(text)) return null
  const canonical = normalizeBase64(text)
  return canonical === null ? null : decodeBase64(canonical)
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
      return encodeBase64(bytes)
    default:
      return utf8Decode(bytes)
  }
}

export function copyBytes(bytes: Uint8Array | undefined): Uint8Array {
  return bytes ? new Uint8Array(bytes) : new Uint8Array(0)
}
