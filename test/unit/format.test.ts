import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { encodeBase64 } from '../../src/core/base64'
import { sniffBase64, sniffFormat } from '../../src/core/format'
import { fixtures } from '../../src/testing'

// A base64 source is sniffed on its text (src/core/format.ts), never decoded: it must say what the bytes say.

/** Bytes that start with a signature, then anything: the cases where the text rules could go wrong. */
const SIGNATURES = [
  [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a],
  [0xff, 0xd8, 0xff],
  [0x47, 0x49, 0x46, 0x38, 0x37, 0x61],
  [0x47, 0x49, 0x46, 0x38, 0x39, 0x61],
  [0x52, 0x49, 0x46, 0x46],
  [0x42, 0x4d],
]
const bytes = fc.oneof(
  fc.uint8Array({ maxLength: 24 }),
  fc
    .tuple(fc.constantFrom(...SIGNATURES), fc.uint8Array({ maxLength: 18 }), fc.boolean())
    .map(([head, tail, webpOrZeros]) => {
      const out = Uint8Array.from([...head, ...tail])
      // the second half of the RIFF and BMP signatures: WEBP at 8, four zero bytes at 6
      if (webpOrZeros && head[0] === 0x52 && out.length >= 12) out.set([0x57, 0x45, 0x42, 0x50], 8)
      if (webpOrZeros && head[0] === 0x42 && out.length >= 10) out.set([0, 0, 0, 0], 6)
      return out
    }),
)

describe('sniffing base64', () => {
  it('gives the format of the decoded bytes, for any bytes', () => {
    fc.assert(
      fc.property(bytes, (data) => {
        expect(sniffBase64(encodeBase64(data))).toBe(sniffFormat(data))
      }),
      { numRuns: 5000 },
    )
  })

  it.each(['png', 'jpeg', 'gif', 'webp', 'bmp'] as const)('knows a real %s', (format) => {
    expect(sniffBase64(encodeBase64(fixtures[format]))).toBe(format)
  })
})
