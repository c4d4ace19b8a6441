import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { base64ToBytes, bytesToBase64, imageFormatOf, isSvg } from '../../src/testing/bytes'
import { fixtures } from '../../src/testing'

// The simulated hosts' own byte rules, held to Node's codec and to the fixtures: they must not lean on the product's.

describe('the simulator’s byte rules', () => {
  it('base64 both ways agrees with Node’s codec', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        const text = Buffer.from(bytes).toString('base64')
        expect(bytesToBase64(bytes)).toBe(text)
        expect(Array.from(base64ToBytes(text) ?? [])).toEqual(Array.from(bytes))
      }),
    )
  })

  it('a host decoder refuses what is not standard base64', () => {
    for (const text of ['', 'a', 'ab-_', 'ab$c', 'data:image/png;base64,AAAA']) expect(base64ToBytes(text)).toBeNull()
  })

  it('knows each fixture by its signature, and HTML and SVG as no album image', () => {
    for (const format of ['png', 'jpeg', 'gif', 'webp', 'bmp'] as const)
      expect(imageFormatOf(fixtures[format])).toBe(format)
    expect(imageFormatOf(fixtures.html)).toBeNull()
    expect(imageFormatOf(fixtures.svg)).toBeNull()
    expect(isSvg(fixtures.svg)).toBe(true)
    expect(isSvg(fixtures.html)).toBe(false)
  })
})
