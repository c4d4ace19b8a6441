import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { encodeBase64 } from '../../src/core/base64'
import { sniffBase64, sniffFormat, sniffHead, sniffVideoHead } from '../../src/core/format'
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

const BOM = Buffer.from([0xef, 0xbb, 0xbf])
/** First bytes of markup: '<' and its neighbours, a space and its neighbours, a tab, a line break. */
const MARKUP_FIRST = [0x3c, 0x3d, 0x3e, 0x3f, 0x20, 0x21, 0x22, 0x23, ...Array.from({ length: 8 }, (_, i) => 0x08 + i)]

describe('sniffing an SVG on its base64 text', () => {
  // the rule on bytes: a first byte of markup ('<' and its neighbours, a space, a tab, a line break) or a BOM, and
  // `<svg` early on (the documents here keep it within the 256 bytes the text rule reads)
  const isSvgMarkup = (bytes: Buffer) =>
    (MARKUP_FIRST.includes(bytes[0]!) || bytes.subarray(0, 3).equals(BOM)) && bytes.indexOf('<svg') >= 0
  const markup = fc
    .tuple(
      fc.constantFrom('', '\uFEFF', ' ', '\n', '<?xml version="1.0" encoding="UTF-8"?>\n', '<!-- made by hand -->'),
      fc.string({ unit: fc.constantFrom('a', ' ', '\n', '<', '>', '/', '"', '='), maxLength: 120 }),
      fc.constantFrom('<svg ', '<svg>', '<svg\n', '<sv', '<html>'),
      fc.string({ maxLength: 30 }),
    )
    .map((parts) => parts.join(''))

  it('says SVG exactly where the bytes do, whatever the offset of `<svg`', () => {
    fc.assert(
      fc.property(markup, (text) => {
        const bytes = Buffer.from(text, 'utf8')
        expect(sniffHead(bytes.toString('base64')) === 'svg').toBe(isSvgMarkup(bytes))
      }),
      { numRuns: 3000 },
    )
  })

  it('knows the fixture SVG, and HTML for no image', () => {
    expect(sniffHead(encodeBase64(fixtures.svg))).toBe('svg')
    expect(sniffHead(encodeBase64(fixtures.html))).toBeNull()
  })
})

describe('sniffing a video on its base64 text', () => {
  // the rule on bytes: `ftyp` at byte 4 is an ISO media file, a brand `qt` at 8 a MOV; text (markup, JSON, white space,
  // a BOM) or nothing is no video; anything else is left to the host
  // '<' and its neighbours, '{' and its, a space and its, a tab or a line break: what base64 starts P, e, I, C or D
  const TEXT_FIRST = [
    0x3c,
    0x3d,
    0x3e,
    0x3f,
    0x78,
    0x79,
    0x7a,
    0x7b,
    0x20,
    0x21,
    0x22,
    0x23,
    ...Array.from({ length: 8 }, (_, i) => 0x08 + i),
  ]
  const videoOf = (bytes: Buffer) =>
    bytes.subarray(4, 8).toString('latin1') === 'ftyp'
      ? bytes.subarray(8, 10).toString('latin1') === 'qt'
        ? 'mov'
        : 'mp4'
      : !bytes.length || TEXT_FIRST.includes(bytes[0]!) || bytes.subarray(0, 3).equals(BOM)
        ? null
        : undefined
  const heads = fc.oneof(
    fc
      .tuple(
        fc.uint8Array({ minLength: 4, maxLength: 4 }),
        fc.constantFrom('ftyp', 'ftyq', 'free'),
        fc.constantFrom('qt  ', 'isom', 'mp42', 'qs  ', 'M4V '),
        fc.uint8Array({ maxLength: 20 }),
      )
      .map(([size, box, brand, tail]) => Buffer.concat([size, Buffer.from(box + brand, 'latin1'), tail])),
    fc.uint8Array({ maxLength: 40 }).map((data) => Buffer.from(data)),
  )

  it('says what the bytes say, for any bytes', () => {
    fc.assert(
      fc.property(heads, (bytes) => {
        // a first byte of text means no video unless `ftyp` follows; the rule is only about these two cases
        const expected = videoOf(bytes)
        const got = sniffVideoHead(bytes.toString('base64'))
        if (expected === undefined) expect(got === 'mp4' || got === 'mov' || got === null).toBe(false)
        else expect(got).toBe(expected)
      }),
      { numRuns: 3000 },
    )
  })

  it('knows the fixture MP4 and MOV, and HTML for no video', () => {
    expect(sniffVideoHead(encodeBase64(fixtures.mp4))).toBe('mp4')
    expect(sniffVideoHead(encodeBase64(fixtures.mov))).toBe('mov')
    expect(sniffVideoHead(encodeBase64(fixtures.html))).toBeNull()
  })
})
