import fc from 'fast-check'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { SaveImageError } from '../../src/core/errors'
import { PLATFORMS, setup, setupApp } from '../helpers'
import {
  base64,
  source,
  anyValue,
  callback,
  options,
  hostile,
  real,
  input,
  expectContractError,
  settle,
} from './arbitraries'

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
