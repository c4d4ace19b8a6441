import fc from 'fast-check'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { ERROR_CODES, SaveImageError } from '../../src/core/errors'
import { toBase64 } from '../../src/testing'
import { PLATFORMS, POSTER_URL, setup, setupApp } from '../helpers'

// Property-based fuzzing of the public API on every simulated host: whatever it is given, a call never
// throws, always settles, succeeds or fails with a SaveImageError of the contract, and leaves no file.
// On failure fast-check prints the seed and the path of the shrunk counterexample.

// callbacks that throw are reported on console.error by design; thousands of them are noise here
beforeEach(() => {
  vi.spyOn(console, 'error').mockImplementation(() => undefined)
})

// per host: 12 hosts × 2 cores keep the total (115,200 generated calls) above what 4 hosts at 10,000 + 2,000 gave
const SINGLE_RUNS = 4_000
const BATCH_RUNS = 800

const MAGIC: Record<string, number[]> = {
  png: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  jpeg: [0xff, 0xd8, 0xff, 0xe0],
  gif: [...'GIF89a'].map((c) => c.charCodeAt(0)),
  webp: [...'RIFF\0\0\0\0WEBP'].map((c) => c.charCodeAt(0)),
  bmp: [...'BM'].map((c) => c.charCodeAt(0)).concat([0, 0, 0, 0, 0, 0, 0, 0]),
  none: [],
}

/** Bytes that start like an image of some format (or like nothing), then anything. */
const bytes = fc
  .tuple(fc.constantFrom(...Object.values(MAGIC)), fc.uint8Array({ maxLength: 48 }))
  .map(([head, tail]) => Uint8Array.from([...head, ...tail]))
const mime = fc.oneof(
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
const base64 = fc.oneof(
  bytes.map(toBase64),
  bytes.map((b) => toBase64(b).replace(/=+$/, '')),
  bytes.map((b) => toBase64(b).replace(/\+/g, '-').replace(/\//g, '_')),
  bytes.map((b) => toBase64(b).replace(/(.{8})/g, '$1\n')),
  fc.string({ maxLength: 40 }),
)
const dataUri = fc.oneof(
  fc.tuple(mime, base64).map(([type, data]) => `data:${type};base64,${data}`),
  fc.tuple(mime, fc.string({ maxLength: 20 })).map(([type, data]) => `data:${type},${data}`),
  fc.string({ maxLength: 30 }).map((rest) => `data:${rest}`),
)
const url = fc.oneof(
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
const localPath = fc.oneof(
  fc.constant('/static/poster.png'),
  fc.string({ maxLength: 30 }).map((path) => `/${path}`),
  fc.string({ maxLength: 30 }),
)
const source = fc.oneof(url, dataUri, localPath, fc.string({ unit: 'grapheme', maxLength: 30 }))

/** Values of every type, the awkward numbers included. */
const anyValue = fc.oneof(
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
const callback = fc.oneof(
  fc.constant(undefined),
  fc.constant(() => undefined),
  fc.constant(() => {
    throw new Error('callback throws')
  }),
  anyValue,
)

/** An options object: sources and options of the right type or any other, sometimes with extra keys. */
const options = fc.record(
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
const HOSTILE: Array<() => unknown> = [
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
class Hostile {
  constructor(readonly make: () => unknown) {}
}
const hostile = fc.constantFrom(...HOSTILE).map((make) => new Hostile(make))
const real = (value: unknown) => (value instanceof Hostile ? value.make() : value)

/** The canvas source: a node the host never rendered (its export fails), a legacy id (never drawn), their options. */
const canvasOptions = fc.record(
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

const input = fc.oneof(
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

const VALIDATION_CODES = ['INVALID_ARGUMENT', 'UNSUPPORTED_FORMAT']

/** A rejection must be a SaveImageError of the contract; one from validation must have cost no host call. */
function expectContractError(error: unknown, platform: string, hostCalls: number | null) {
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
async function settle(run: () => Promise<unknown>) {
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

// every mini-program host, and the uni-app App (its own simulated host: `uni` + `plus`)
const HOSTS = [
  ...PLATFORMS.map((platform) => [platform, () => setup(platform, { permission: 'granted' })] as const),
  ['app', () => setupApp({ permission: 'granted' })] as const,
]

describe.each(HOSTS)('fuzzing on %s', (platform, open) => {
  it(`saveImageToAlbum: ${SINGLE_RUNS} generated inputs`, async () => {
    const { host, api } = open()
    let settled = 0
    await fc.assert(
      fc.asyncProperty(input, async (value) => {
        const before = host.calls.length
        const outcome = await settle(() => api.saveImageToAlbum(real(value) as string))
        settled++
        if (outcome.ok) expect(outcome.value).toMatchObject({ errMsg: 'saveImageToAlbum:ok', platform, mode: 'album' })
        else expectContractError(outcome.error, platform, host.calls.length - before)
        await host.idle()
        expect(host.userFiles()).toEqual([])
      }),
      { numRuns: SINGLE_RUNS },
    )
    expect(settled).toBeGreaterThanOrEqual(SINGLE_RUNS)
  }, 300_000)

  it(`saveImagesToAlbum: ${BATCH_RUNS} generated batches`, async () => {
    const { host, api } = open()
    const item = fc.oneof(
      source,
      fc.record(
        { src: fc.oneof(source, anyValue), base64: fc.oneof(base64, anyValue), headers: anyValue },
        { requiredKeys: [] },
      ),
      anyValue,
      hostile,
    )
    const sources = fc.oneof(
      { weight: 5, arbitrary: fc.array(item, { maxLength: 6 }) },
      { weight: 1, arbitrary: anyValue },
      { weight: 1, arbitrary: hostile },
    )
    const batchOptions = fc.oneof(
      fc.constant(undefined),
      options.map((o) => ({ ...o, concurrency: 2 })),
      fc.record({ concurrency: anyValue, onProgress: callback }, { requiredKeys: [] }),
      anyValue,
      hostile,
    )
    await fc.assert(
      fc.asyncProperty(sources, batchOptions, async (list, opts) => {
        const before = host.calls.length
        const items = Array.isArray(list) ? list.map(real) : real(list)
        const outcome = await settle(() => api.saveImagesToAlbum(items as string[], real(opts) as object))
        if (!outcome.ok) {
          // only a malformed call itself rejects, and before any host call
          expectContractError(outcome.error, platform, host.calls.length - before)
          expect((outcome.error as SaveImageError).code).toBe('INVALID_ARGUMENT')
        } else {
          const results = outcome.value as { ok: boolean; error?: unknown }[]
          expect(results).toHaveLength((items as unknown[]).length)
          // an item's host calls cannot be told from the other items': its error is checked without them
          for (const result of results) if (!result.ok) expectContractError(result.error, platform, null)
        }
        await host.idle()
        expect(host.userFiles()).toEqual([])
      }),
      { numRuns: BATCH_RUNS },
    )
  }, 300_000)
})

it('the generators reach the valid paths too: saves from a URL, a data URI, raw base64 and a local path', async () => {
  const { api } = setup('weapp', { permission: 'granted' })
  const kindOf = (value: unknown) => {
    const text =
      typeof value === 'string'
        ? value
        : typeof value === 'object' && value !== null
          ? (value as Record<string, unknown>).src
          : undefined
    if (typeof value === 'object' && value !== null && typeof (value as Record<string, unknown>).base64 === 'string')
      return 'base64'
    return typeof text !== 'string'
      ? 'other'
      : text.startsWith('http')
        ? 'url'
        : text.startsWith('data:')
          ? 'data URI'
          : 'local path'
  }
  const saved = new Set<string>()
  for (const value of fc.sample(input, { numRuns: 3_000, seed: 42 })) {
    const outcome = await settle(() => api.saveImageToAlbum(real(value) as string))
    if (outcome.ok) saved.add(kindOf(value))
  }
  expect([...saved].sort()).toEqual(expect.arrayContaining(['base64', 'data URI', 'local path', 'url']))
})
