import fc from 'fast-check'
import { expect } from 'vitest'
import { ERROR_CODES, SaveImageError } from '../../src/core/errors'
import { toBase64 } from '../../src/testing'
import { POSTER_URL } from '../helpers'

// The inputs the fuzz suite generates: sources of every kind, options, callbacks, and values that throw when read.

export const MAGIC: Record<string, number[]> = {
  png: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  jpeg: [0xff, 0xd8, 0xff, 0xe0],
  gif: [...'GIF89a'].map((c) => c.charCodeAt(0)),
  webp: [...'RIFF\0\0\0\0WEBP'].map((c) => c.charCodeAt(0)),
  bmp: [...'BM'].map((c) => c.charCodeAt(0)).concat([0, 0, 0, 0, 0, 0, 0, 0]),
  none: [],
}

/** Bytes that start like an image of some format (or like nothing), then anything. */
export const bytes = fc
  .tuple(fc.constantFrom(...Object.values(MAGIC)), fc.uint8Array({ maxLength: 48 }))
  .map(([head, tail]) => Uint8Array.from([...head, ...tail]))
export const mime = fc.oneof(
  fc.constantFrom(
    'image/png',
    'image/jpeg',
    'image/gif',
    'image/webp',
    'image/bmp',
    'image/svg+xml',
    'text/html',
    'application/octet-stream',
    '',
  ),
  fc.string({ maxLength: 12 }),
)
export const base64 = fc.oneof(
  bytes.map(toBase64),
  bytes.map((b) => toBase64(b).replace(/=+$/, '')),
  bytes.map((b) => toBase64(b).replace(/\+/g, '-').replace(/\//g, '_')),
  bytes.map((b) => toBase64(b).replace(/(.{8})/g, '$1\n')),
  fc.string({ maxLength: 40 }),
)
export const dataUri = fc.oneof(
  fc.tuple(mime, base64).map(([type, data]) => `data:${type};base64,${data}`),
  fc.tuple(mime, fc.string({ maxLength: 20 })).map(([type, data]) => `data:${type},${data}`),
  fc.string({ maxLength: 30 }).map((rest) => `data:${rest}`),
)
export const url = fc.oneof(
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
  fc.constantFrom(
    POSTER_URL,
    'https://cdn.example.com/photo.jpg?size=large',
    'http://',
    'https:///a.png',
    '//cdn.example.com/a.png',
    'https://exa mple.com/a.png',
    'https://cdn.example.com/a.svg',
  ),
  fc
    .tuple(
      fc.constantFrom(
        'javascript:',
        'ftp://',
        'file://',
        'blob:',
        'chrome://',
        'mailto:',
        'HTTPS://',
        'wxfile://',
        'ttfile://',
        'bdfile://',
        'https://resource/',
        'http://tmp/',
      ),
      fc.string({ maxLength: 20 }),
    )
    .map(([scheme, rest]) => scheme + rest),
)
export const localPath = fc.oneof(
  fc.constant('/static/poster.png'),
  fc.string({ maxLength: 30 }).map((path) => `/${path}`),
  fc.string({ maxLength: 30 }),
)
export const source = fc.oneof(url, dataUri, localPath, fc.string({ unit: 'grapheme', maxLength: 30 }))

/** Values of every type, the awkward numbers included. */
export const anyValue = fc.oneof(
  fc.anything({ maxDepth: 2 }),
  fc.constantFrom(NaN, Infinity, -Infinity, -1, 0, 0.5, 2 ** 31, Number.MAX_SAFE_INTEGER, 1e308, -0),
  fc.constantFrom(
    () => 'x',
    () => {
      throw new Error('callback throws')
    },
    Symbol('s'),
    BigInt(10),
  ),
)
export const callback = fc.oneof(
  fc.constant(undefined),
  fc.constant(() => undefined),
  fc.constant(() => {
    throw new Error('callback throws')
  }),
  anyValue,
)

/** An options object: sources and options of the right type or any other, sometimes with extra keys. */
export const options = fc.record(
  {
    src: fc.oneof(source, anyValue),
    url: fc.oneof(source, anyValue),
    filePath: fc.oneof(localPath, anyValue),
    base64: fc.oneof(base64, anyValue),
    headers: fc.oneof(
      fc.dictionary(fc.string({ maxLength: 8 }), fc.oneof(fc.string({ maxLength: 8 }), anyValue), { maxKeys: 3 }),
      anyValue,
    ),
    timeout: fc.oneof(fc.integer({ min: 1, max: 200 }), fc.constant(30_000), anyValue),
    guide: fc.oneof(
      fc.boolean(),
      fc.record({ title: fc.oneof(fc.string(), anyValue) }, { requiredKeys: [] }),
      anyValue,
    ),
    loading: fc.oneof(fc.boolean(), fc.string({ maxLength: 8 }), anyValue),
    maxBytes: fc.oneof(fc.integer({ min: 1, max: 100 }), fc.constant(20 * 1024 * 1024), anyValue),
    hint: fc.oneof(fc.string({ maxLength: 8 }), anyValue),
    privacy: fc.oneof(fc.boolean(), anyValue),
    success: callback,
    fail: callback,
    complete: callback,
    constructor: anyValue,
    toString: anyValue,
  },
  { requiredKeys: [] },
)

/**
 * Objects that fight back when read: throwing getters and Proxies with throwing traps. Made inside the
 * property (fast-check itself probes what it generates), so the generator yields a maker.
 */
export const HOSTILE: Array<() => unknown> = [
  () =>
    Object.defineProperty({}, 'src', {
      get: () => {
        throw new Error('getter throws')
      },
      enumerable: true,
    }),
  () =>
    Object.defineProperty({ src: POSTER_URL }, 'timeout', {
      get: () => {
        throw new Error('getter throws')
      },
      enumerable: true,
    }),
  () =>
    Object.defineProperty({ src: POSTER_URL }, 'success', {
      get: () => {
        throw new Error('getter throws')
      },
      enumerable: true,
    }),
  () =>
    new Proxy(
      { src: POSTER_URL },
      {
        ownKeys: () => {
          throw new Error('ownKeys trap throws')
        },
      },
    ),
  () =>
    new Proxy(
      { src: POSTER_URL },
      {
        get: () => {
          throw new Error('get trap throws')
        },
      },
    ),
  () =>
    new Proxy(
      {},
      {
        has: () => {
          throw new Error('has trap throws')
        },
        get: (_t, key) => (key === 'src' ? POSTER_URL : undefined),
      },
    ),
  () =>
    new Proxy([POSTER_URL], {
      get: (target, key) => {
        if (key === 'length') throw new Error('length throws')
        return Reflect.get(target, key)
      },
    }),
  () => Object.create({ src: POSTER_URL }),
  () => Object.create(null),
  () => ({ src: { toString: () => POSTER_URL } }),
]
export class Hostile {
  constructor(readonly make: () => unknown) {}
}
export const hostile = fc.constantFrom(...HOSTILE).map((make) => new Hostile(make))
export const real = (value: unknown) => (value instanceof Hostile ? value.make() : value)

/** The canvas source: a node the host never rendered (its export fails), a legacy id (never drawn), their options. */
export const canvasOptions = fc.record(
  {
    canvas: fc.oneof(fc.constant({ getContext: () => null, width: 10, height: 10 }), anyValue),
    canvasId: fc.oneof(fc.constantFrom('poster', ''), anyValue),
    component: fc.oneof(fc.constant({}), anyValue),
    fileType: fc.oneof(fc.constantFrom('png', 'jpg', 'jpeg'), anyValue),
    quality: fc.oneof(fc.double({ min: -0.5, max: 1.5 }), anyValue),
    src: fc.oneof(source, anyValue),
    timeout: fc.oneof(fc.integer({ min: 1, max: 200 }), anyValue),
    privacy: fc.oneof(fc.boolean(), anyValue),
    fail: callback,
  },
  { requiredKeys: [] },
)

export const input = fc.oneof(
  { weight: 3, arbitrary: source },
  { weight: 4, arbitrary: options },
  { weight: 1, arbitrary: canvasOptions },
  // one source of each key with well-typed options: the paths that reach the host
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.constantFrom('src', 'url', 'filePath', 'base64'), source, base64, fc.boolean())
      .map(([key, src, data, loading]) => ({ [key]: key === 'base64' ? data : src, loading })),
  },
  { weight: 1, arbitrary: hostile },
  { weight: 1, arbitrary: anyValue },
)

export const VALIDATION_CODES = ['INVALID_ARGUMENT', 'UNSUPPORTED_FORMAT']

/** A rejection must be a SaveImageError of the contract; one from validation must have cost no host call. */
export function expectContractError(error: unknown, platform: string, hostCalls: number | null) {
  expect(error).toBeInstanceOf(SaveImageError)
  const e = error as SaveImageError
  expect(ERROR_CODES).toContain(e.code)
  expect(e.platform).toBe(platform)
  expect(Object.prototype.hasOwnProperty.call(e, 'raw')).toBe(true)
  expect(e.errMsg.startsWith(`saveImageToAlbum:fail ${e.code}`)).toBe(true)
  // without injected faults, INVALID_ARGUMENT only ever comes from validation, as does an UNSUPPORTED_FORMAT without a host payload
  if (
    hostCalls !== null &&
    (e.code === 'INVALID_ARGUMENT' || (VALIDATION_CODES.includes(e.code) && e.raw === undefined))
  )
    expect(hostCalls).toBe(0)
}

/** Calls `run` as an app would: it must not throw synchronously, and its promise must settle. */
export async function settle(run: () => Promise<unknown>) {
  let promise: Promise<unknown>
  try {
    promise = run()
  } catch (thrown) {
    throw new Error(`threw synchronously: ${String(thrown)}`, { cause: thrown })
  }
  return promise.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  )
}
