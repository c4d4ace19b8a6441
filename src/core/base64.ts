// Hosts give us no atob/Buffer we can rely on, so the codec is ours.
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

/**
 * Canonical padded standard base64, or null when the text is not base64.
 * Accepts line breaks and spaces (MIME style) and the URL-safe alphabet, which hosts' decoders reject.
 */
export function normalizeBase64(text: string): string | null {
  // copies only when there is something to change: a 20 MiB image must not be held twice
  const plain = /[\s_-]/.test(text) ? text.replace(/\s+/g, '').replace(/-/g, '+').replace(/_/g, '/') : text
  const match = /^([A-Za-z0-9+/]*)(=?=?)$/.exec(plain)
  const body = match ? match[1]! : ''
  if (!body || body.length % 4 === 1 || (match![2] && plain.length % 4)) return null
  return body + '='.repeat(-body.length & 3)
}

/** Decoded byte length of canonical base64. */
export function decodedLength(canonical: string): number {
  let pad = 0
  while (canonical.charCodeAt(canonical.length - 1 - pad) === 61) pad++
  return (canonical.length / 4) * 3 - pad
}

/** Decodes canonical base64; `maxBytes` lets callers read just a header. */
export function decodeBase64(canonical: string, maxBytes = Infinity): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(Math.min(decodedLength(canonical), maxBytes))
  // '=' reads as -1: its bits only reach bytes past the end, which are not written
  const sextet = (i: number) => ALPHABET.indexOf(canonical[i]!) & 63
  for (let i = 0, o = 0; o < out.length; i += 4) {
    const n = (sextet(i) << 18) | (sextet(i + 1) << 12) | (sextet(i + 2) << 6) | sextet(i + 3)
    for (let shift = 16; shift >= 0 && o < out.length; shift -= 8) out[o++] = (n >> shift) & 255
  }
  return out
}

export function encodeBase64(bytes: Uint8Array): string {
  let out = ''
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0)
    out += ALPHABET[(n >> 18) & 63]! + ALPHABET[(n >> 12) & 63]
    out += i + 1 < bytes.length ? ALPHABET[(n >> 6) & 63] : '='
    out += i + 2 < bytes.length ? ALPHABET[n & 63] : '='
  }
  return out
}
