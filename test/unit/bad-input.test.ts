import { describe, expect, it } from 'vitest'
import { SaveImageError, type ErrorCode } from '../../src/core/errors'
import { fixtures, toBase64, toDataUri } from '../../src/testing'
import { adapterOf, outcome, PLATFORMS, POSTER_URL, setup } from '../helpers'

const png64 = toBase64(fixtures.png)
const text64 = (text: string) => toBase64(new TextEncoder().encode(text))

/** Bad inputs and the contract code each must give, with zero host calls. */
const BAD_INPUTS: Array<[string, unknown, ErrorCode]> = [
  ['undefined', undefined, 'INVALID_ARGUMENT'],
  ['null', null, 'INVALID_ARGUMENT'],
  ['a number', 42, 'INVALID_ARGUMENT'],
  ['a boolean', true, 'INVALID_ARGUMENT'],
  ['an empty array', [], 'INVALID_ARGUMENT'],
  ['an array of URLs (batch input to the single API)', [POSTER_URL], 'INVALID_ARGUMENT'],
  ['a function', () => POSTER_URL, 'INVALID_ARGUMENT'],
  ['a symbol', Symbol('src'), 'INVALID_ARGUMENT'],
  ['an empty options object', {}, 'INVALID_ARGUMENT'],
  ['an empty string', '', 'INVALID_ARGUMENT'],
  ['a blank src', { src: '   ' }, 'INVALID_ARGUMENT'],
  ['a numeric src', { src: 123 }, 'INVALID_ARGUMENT'],
  ['a null src', { src: null }, 'INVALID_ARGUMENT'],
  ['an array url', { url: [] }, 'INVALID_ARGUMENT'],
  ['two sources', { src: POSTER_URL, url: POSTER_URL }, 'INVALID_ARGUMENT'],
  ['base64 and filePath', { base64: png64, filePath: '/a.png' }, 'INVALID_ARGUMENT'],
  ['a javascript: URL', 'javascript:alert(1)', 'INVALID_ARGUMENT'],
  ['an ftp: URL', 'ftp://example.com/a.png', 'INVALID_ARGUMENT'],
  ['a file: URL', 'file:///etc/passwd', 'INVALID_ARGUMENT'],
  ['a blob: URL', 'blob:https://example.com/1234', 'INVALID_ARGUMENT'],
  ['a mailto: URL', 'mailto:a@example.com', 'INVALID_ARGUMENT'],
  ['a chrome: URL', 'chrome://settings', 'INVALID_ARGUMENT'],
  ['a protocol-relative URL', '//cdn.example.com/a.png', 'INVALID_ARGUMENT'],
  ['http:// with no host', 'http://', 'INVALID_ARGUMENT'],
  ['HTTPS:// with no host', 'HTTPS://', 'INVALID_ARGUMENT'],
  ['a URL with an empty host', 'https:///a.png', 'INVALID_ARGUMENT'],
  ['a URL with a space', 'https://exa mple.com/a.png', 'INVALID_ARGUMENT'],
  ['a data URI without a comma', 'data:image/png;base64', 'INVALID_ARGUMENT'],
  ['a data URI that is not base64', 'data:image/png,%89PNG', 'INVALID_ARGUMENT'],
  ['an empty base64 data URI', 'data:image/png;base64,', 'INVALID_ARGUMENT'],
  ['a data URI with bad base64 characters', 'data:image/png;base64,iVBO!!!!', 'INVALID_ARGUMENT'],
  ['a data URI with a truncated quantum', 'data:image/png;base64,iVBORw0KG', 'INVALID_ARGUMENT'],
  ['a data URI with padding in the middle', 'data:image/png;base64,iV==BORw', 'INVALID_ARGUMENT'],
  ['an empty base64', { base64: '' }, 'INVALID_ARGUMENT'],
  ['base64 with invalid characters', { base64: 'not base64 at all!' }, 'INVALID_ARGUMENT'],
  ['a data URI passed as base64', { base64: toDataUri(fixtures.png, 'image/png') }, 'INVALID_ARGUMENT'],
  ['a numeric base64', { base64: 123 }, 'INVALID_ARGUMENT'],
  ['base64 over maxBytes', { base64: png64, maxBytes: 10 }, 'INVALID_ARGUMENT'],
  ['a data URI over maxBytes', { src: toDataUri(fixtures.png, 'image/png'), maxBytes: 10 }, 'INVALID_ARGUMENT'],
  ['a string timeout', { src: POSTER_URL, timeout: '5000' }, 'INVALID_ARGUMENT'],
  ['a negative timeout', { src: POSTER_URL, timeout: -1 }, 'INVALID_ARGUMENT'],
  ['a NaN timeout', { src: POSTER_URL, timeout: Number.NaN }, 'INVALID_ARGUMENT'],
  ['an infinite timeout', { src: POSTER_URL, timeout: Number.POSITIVE_INFINITY }, 'INVALID_ARGUMENT'],
  ['a string of headers', { src: POSTER_URL, headers: 'Authorization: x' }, 'INVALID_ARGUMENT'],
  ['an array of headers', { src: POSTER_URL, headers: ['Authorization'] }, 'INVALID_ARGUMENT'],
  ['a numeric header value', { src: POSTER_URL, headers: { 'X-Count': 1 } }, 'INVALID_ARGUMENT'],
  ['a string guide', { src: POSTER_URL, guide: 'yes' }, 'INVALID_ARGUMENT'],
  ['a guide with a numeric title', { src: POSTER_URL, guide: { title: 1 } }, 'INVALID_ARGUMENT'],
  ['a numeric loading', { src: POSTER_URL, loading: 1 }, 'INVALID_ARGUMENT'],
  ['a non-string hint', { src: POSTER_URL, hint: ['长按保存'] }, 'INVALID_ARGUMENT'],
  ['a string success callback', { src: POSTER_URL, success: 'done' }, 'INVALID_ARGUMENT'],
  ['a zero maxBytes', { src: POSTER_URL, maxBytes: 0 }, 'INVALID_ARGUMENT'],
  ['a string maxBytes', { src: POSTER_URL, maxBytes: '1MB' }, 'INVALID_ARGUMENT'],
  ['an SVG data URI', toDataUri(fixtures.svg, 'image/svg+xml'), 'UNSUPPORTED_FORMAT'],
  ['a UTF-8 SVG data URI', 'data:image/svg+xml;utf8,<svg xmlns="http://www.w3.org/2000/svg"/>', 'UNSUPPORTED_FORMAT'],
  ['an HTML data URI', toDataUri(fixtures.html, 'text/html'), 'UNSUPPORTED_FORMAT'],
  ['a PDF data URI', 'data:application/pdf;base64,JVBERi0xLjQK', 'UNSUPPORTED_FORMAT'],
  ['a png data URI whose bytes are text', `data:image/png;base64,${text64('hello, world')}`, 'UNSUPPORTED_FORMAT'],
  ['base64 of an SVG', { base64: toBase64(fixtures.svg) }, 'UNSUPPORTED_FORMAT'],
  ['base64 of HTML', { base64: toBase64(fixtures.html) }, 'UNSUPPORTED_FORMAT'],
  ['base64 of a truncated PNG signature', { base64: toBase64(fixtures.png.subarray(0, 4)) }, 'UNSUPPORTED_FORMAT'],
  ['an SVG URL', 'https://cdn.example.com/logo.svg', 'UNSUPPORTED_FORMAT'],
]

/** An SVG is redrawn as PNG where the host documents a 2D canvas (test/integration/convert.test.ts), refused elsewhere. */
const REDRAWN = ['an SVG data URI', 'base64 of an SVG', 'an SVG URL']

it('has at least 40 distinct bad inputs', () => {
  expect(new Set(BAD_INPUTS.map(([name]) => name)).size).toBe(BAD_INPUTS.length)
  expect(BAD_INPUTS.length).toBeGreaterThanOrEqual(40)
})

describe.each(PLATFORMS)('bad input on %s', (platform) => {
  // a host whose own paths are file: URIs (HarmonyOS NEXT) takes a file: URL for a local path, as it is
  const inputs = BAD_INPUTS.filter(
    ([name, input]) =>
      !(typeof input === 'string' && adapterOf(platform).files.localPrefixes.some((p) => input.startsWith(p))) &&
      !(adapterOf(platform).files.redraw && REDRAWN.includes(name)),
  )
  it.each(inputs)('%s → %s, with no host call', async (_name, input, code) => {
    const { host, api } = setup(platform)
    const result = await outcome(api.saveImageToAlbum(input as string))
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error).toBeInstanceOf(SaveImageError)
    expect(result.error.code).toBe(code)
    // a message in development; only the code in production, where validation is just as strict
    expect(result.error.errMsg).toMatch(
      __DEV__ ? new RegExp(`^saveImageToAlbum:fail ${code} \\S`) : new RegExp(`^saveImageToAlbum:fail ${code}$`),
    )
    expect(host.calls).toEqual([])
  })

  it('reports bad input to fail and complete once each, and the promise rejects too', async () => {
    const { host, api } = setup(platform)
    const seen: string[] = []
    const promise = api.saveImageToAlbum({
      src: 'ftp://x/a.png',
      fail: () => seen.push('fail'),
      complete: () => seen.push('complete'),
      success: () => seen.push('success'),
    })
    await expect(promise).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' })
    expect(seen).toEqual(['fail', 'complete'])
    expect(host.calls).toEqual([])
  })

  it.each<[string, unknown, unknown]>([
    ['sources as a string', POSTER_URL, undefined],
    ['sources as null', null, undefined],
    ['options as an array', [POSTER_URL], []],
    ['a zero concurrency', [POSTER_URL], { concurrency: 0 }],
    ['a fractional concurrency', [POSTER_URL], { concurrency: 1.5 }],
    ['a string concurrency', [POSTER_URL], { concurrency: '3' }],
    ['a string onProgress', [POSTER_URL], { onProgress: 'log' }],
    ['a string timeout', [POSTER_URL], { timeout: '1' }],
  ])('batch with %s rejects INVALID_ARGUMENT with no host call', async (_name, sources, options) => {
    const { host, api } = setup(platform)
    await expect(api.saveImagesToAlbum(sources as string[], options as object)).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    })
    expect(host.calls).toEqual([])
  })

  it('a batch reports each bad image in its own slot without calling the host for it', async () => {
    const { host, api } = setup(platform, { permission: 'granted' })
    const results = await api.saveImagesToAlbum([
      'javascript:void 0',
      { base64: toBase64(fixtures.html) },
      7 as unknown as string,
      POSTER_URL,
    ])
    expect(results.map((r) => (r.ok ? 'ok' : r.error.code))).toEqual([
      'INVALID_ARGUMENT',
      'UNSUPPORTED_FORMAT',
      'INVALID_ARGUMENT',
      'ok',
    ])
    expect(host.album).toHaveLength(1)
  })
})
