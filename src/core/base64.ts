// Hosts give us no atob/Buffer we can rely on, so the codec is ours.
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

/** The 6-bit value of a base64 character code ('=' padding reads as 0). No table: nothing runs at import. */
function sextet(code: number): number {
  if (code >= 65 && code <= 90) return code - 65
  if (code >= 97 && code <= 122) return code - 71
  if (code >= 48 && code <= 57) return code + 4
  if (code === 43) return 62
  if (code === 47) return 63
  return 0
}

const SHAPE = /^([A-Za-z0-9+/]*)(={0,2})$/

/**
 * Canonical padded standard base64, or null when the text is not base64.
 * Accepts line breaks and spaces (MIME style) and the URL-safe alphabet, which hosts' decoders reject.
 */
export function normalizeBase64(text: string): string | null {
  const match = SHAPE.exec(text.replace(/\s+/g, '').replace(/-/g, '+').replace(/_/g, '/'))
  if (!match) return null
  const [, body, pad] = match
  if (body.length === 0 || body.length % 4 === 1) return null
  if (pad && (body.length + pad.length) % 4 !== 0) return null
  return body + '='.repeat((4 - (body.length % 4)) % 4)
}

/** Decoded byte length of canonical base64. */
export function decodedLength(canonical: string): number {
  const pad = canonical.endsWith('==') ? 2 : canonical.endsWith('=') ? 1 : 0
  return (canonical.length / 4) * 3 - pad
}

/** Decodes canonical base64; `maxBytes` lets callers read just a header. */
export function decodeBase64(canonical: string, maxBytes = Infinity): Uint8Array<ArrayBuffer> {
  const total = Math.min(decodedLength(canonical), maxBytes)
  const out = new Uint8Array(total)
  let o = 0
  for (let i = 0; i < canonical.length && o < total; i += 4) {
    const n =
      (sextet(canonical.charCodeAt(i)) << 18) |
      (sextet(canonical.charCodeAt(i + 1)) << 12) |
      (sextet(canonical.charCodeAt(i + 2)) << 6) |
      sextet(canonical.charCodeAt(i + 3))
    out[o++] = (n >> 16) & 255
    if (o < total) out[o++] = (n >> 8) & 255
    if (o < total) out[o++] = n & 255
  }
  return out
}

export function encodeBase64(bytes: Uint8Array): string {
  let out = ''
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0)
    out += ALPHABET[(n >> 18) & 63] + ALPHABET[(n >> 12) & 63]
    out += i + 1 < bytes.length ? ALPHABET[(n >> 6) & 63] : '='
    out += i + 2 < bytes.length ? ALPHABET[n & 63] : '='
  }
  return out
}
