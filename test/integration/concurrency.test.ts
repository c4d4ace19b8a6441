import { describe, expect, it } from 'vitest'
import { fixtures, toBase64 } from '../../src/testing'
import {
  denied,
  GUIDES_ITSELF,
  LOCAL_PATH,
  NO_BASE64,
  NO_SCOPE,
  modals,
  PLATFORMS,
  POSTER_URL,
  saves,
  setup,
} from '../helpers'

const N = 500

describe.each(PLATFORMS)('%s under load', (platform) => {
  it.runIf(!GUIDES_ITSELF.includes(platform) && !NO_SCOPE.includes(platform) && !NO_BASE64.includes(platform))(
    `${N} concurrent calls all settle, with one prompt, and every image reaches the album`,
    async () => {
      const { host, api } = setup(platform, { permission: denied(platform), modal: 'confirm', settings: 'enable' })
      const sources = Array.from({ length: N }, (_, i) =>
        i % 3 === 0 ? POSTER_URL : i % 3 === 1 ? LOCAL_PATH : { base64: toBase64(fixtures.jpeg) },
      )
      const results = await Promise.all(sources.map((source) => api.saveImageToAlbum(source as string)))
      expect(results).toHaveLength(N)
      expect(host.album).toHaveLength(N)
      expect(modals(host)).toHaveLength(1)
      expect(host.userFiles()).toEqual([])
    },
  )

  it.runIf(GUIDES_ITSELF.includes(platform))(
    `${N} concurrent calls on a refused album all settle AUTH_DENIED, with no guide of ours`,
    async () => {
      const { host, api } = setup(platform, { permission: 'denied' })
      const results = await Promise.allSettled(Array.from({ length: N }, () => api.saveImageToAlbum(LOCAL_PATH)))
      expect(results.every((result) => result.status === 'rejected' && result.reason.code === 'AUTH_DENIED')).toBe(true)
      expect(modals(host)).toEqual([])
    },
  )

  it(`${N} concurrent calls with permission granted make exactly one save each`, async () => {
    const { host, api } = setup(platform, { permission: 'granted' })
    const results = await Promise.all(Array.from({ length: N }, () => api.saveImageToAlbum(LOCAL_PATH)))
    expect(results.every((result) => result.filePath === LOCAL_PATH)).toBe(true)
    expect(saves(host)).toBe(N)
    expect(host.album).toHaveLength(N)
  })
})

describe('Alipay overlapping-call bug (docs/en/hosts/alipay.md#quirks)', () => {
  it('the simulated host loses callbacks of overlapping raw calls, so the queue is what saves us', async () => {
    const { host } = setup('alipay', { permission: 'granted' })
    const save = host.api.saveImageToPhotosAlbum as (options: Record<string, unknown>) => void
    let callbacks = 0
    for (let i = 0; i < 5; i++) save({ filePath: LOCAL_PATH, complete: () => callbacks++ })
    await new Promise((resolve) => setTimeout(resolve, 30))
    expect(callbacks).toBe(1)
  })
})
