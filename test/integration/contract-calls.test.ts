import { describe, expect, it, vi } from 'vitest'
import { SaveImageError } from '../../src/core/errors'
import { fixtures, toBase64 } from '../../src/testing'
import {
  denied,
  GUIDES_ITSELF,
  inAlipayContainer,
  NO_BASE64,
  NO_SCOPE,
  JPEG_URL,
  LOCAL_PATH,
  modals,
  outcome,
  PLATFORMS,
  POSTER_URL,
  saves,
  setup,
} from '../helpers'

// The contract on every host: the loading indicator, the callbacks, the watchdog, the batch.

describe.each(PLATFORMS)('contract on %s', (platform) => {
  const scoped = !NO_SCOPE.includes(platform)
  const base64 = !NO_BASE64.includes(platform)
  const guides = scoped && !GUIDES_ITSELF.includes(platform)
  describe('loading', () => {
    it('shows the host indicator and hides it before the promise settles', async () => {
      const { host, api } = setup(platform, { permission: 'granted' })
      const result = await api
        .saveImageToAlbum({ src: POSTER_URL, loading: '正在保存' })
        .then(() => host.ui.map((event) => event.type))
      expect(result.filter((type) => type === 'loading' || type === 'hide-loading')).toEqual([
        'loading',
        // the download's progress, where the host reports it: the same indicator, its text updated
        ...result.filter((type) => type === 'loading').slice(1),
        'hide-loading',
      ])
      const titles = host.ui.flatMap((event) => (event.type === 'loading' ? [event.title] : []))
      expect(titles[0]).toBe('正在保存')
      for (const title of titles.slice(1)) expect(title).toMatch(/^正在保存 \d+%$/)
      const failed = await outcome(api.saveImageToAlbum({ src: 'https://cdn.example.com/missing.png', loading: true }))
      expect(failed.ok).toBe(false)
      expect(host.ui.map((event) => event.type).at(-1)).toBe('hide-loading')
    })

    it('shows one indicator for overlapping calls', async () => {
      const { host, api } = setup(platform, { permission: 'granted' })
      await Promise.all([
        api.saveImageToAlbum({ src: POSTER_URL, loading: true }),
        api.saveImageToAlbum({ src: LOCAL_PATH, loading: true }),
      ])
      // shown once; a download's progress only updates its text
      expect(host.ui.filter((event) => event.type === 'loading' && !/%$/.test(event.title ?? ''))).toHaveLength(1)
      expect(host.ui.filter((event) => event.type === 'hide-loading')).toHaveLength(1)
    })
  })

  describe('callbacks', () => {
    it('calls success and complete once each and resolves too', async () => {
      const { api } = setup(platform, { permission: 'granted' })
      const success = vi.fn()
      const fail = vi.fn()
      const complete = vi.fn()
      const result = await api.saveImageToAlbum({ src: LOCAL_PATH, success, fail, complete })
      expect(success).toHaveBeenCalledTimes(1)
      expect(success).toHaveBeenCalledWith(result)
      expect(complete).toHaveBeenCalledWith(result)
      expect(fail).not.toHaveBeenCalled()
    })

    it('a throwing callback changes nothing and is not called twice', async () => {
      const { api } = setup(platform, { permission: 'granted' })
      const error = vi.spyOn(console, 'error').mockImplementation(() => {})
      const success = vi.fn(() => {
        throw new Error('app bug')
      })
      const complete = vi.fn(() => {
        throw new Error('app bug 2')
      })
      await expect(api.saveImageToAlbum({ src: LOCAL_PATH, success, complete })).resolves.toMatchObject({ platform })
      expect(success).toHaveBeenCalledTimes(1)
      expect(complete).toHaveBeenCalledTimes(1)
      expect(error).toHaveBeenCalledTimes(2)
      error.mockRestore()
    })

    it('a callback-style caller that ignores the promise gets no unhandled rejection', async () => {
      const { api } = setup(platform, { permission: 'granted' })
      const fail = vi.fn()
      api.saveImageToAlbum({ src: 'https://cdn.example.com/missing.png', fail })
      await vi.waitFor(() => expect(fail).toHaveBeenCalledTimes(1))
      expect(fail.mock.calls[0][0]).toBeInstanceOf(SaveImageError)
    })
  })

  describe('watchdog', () => {
    it('a save that never calls back rejects TIMEOUT and does not block the next call', async () => {
      const { host, api } = setup(platform, { permission: 'granted' })
      host.fault('saveImageToPhotosAlbum', { kind: 'hang' }, 1)
      const first = api.saveImageToAlbum({ src: LOCAL_PATH, timeout: 30 })
      const second = api.saveImageToAlbum({ src: LOCAL_PATH, timeout: 1000 })
      await expect(first).rejects.toMatchObject({ code: 'TIMEOUT', platform })
      await expect(second).resolves.toMatchObject({ filePath: LOCAL_PATH })
    })

    it('a download that calls back after the watchdog leaves no file behind', async () => {
      const { host, api } = setup(platform, { permission: 'granted' })
      host.fault('downloadFile', { kind: 'delay', ms: 60 }, 1)
      await expect(api.saveImageToAlbum({ src: POSTER_URL, timeout: 20 })).rejects.toMatchObject({ code: 'TIMEOUT' })
      await new Promise((resolve) => setTimeout(resolve, 80))
      await host.idle()
      expect(host.userFiles()).toEqual([])
    })

    it.runIf(base64)('a write that never calls back rejects TIMEOUT', async () => {
      const { host, api } = setup(platform, { permission: 'granted' })
      host.fault(inAlipayContainer(platform) ? 'downloadFile' : 'fs.writeFile', { kind: 'hang' })
      await expect(api.saveImageToAlbum({ base64: toBase64(fixtures.png), timeout: 20 })).rejects.toMatchObject({
        code: 'TIMEOUT',
      })
      expect(saves(host)).toBe(0)
    })

    it('a host API that throws becomes a SaveImageError, not a crash', async () => {
      const { host, api } = setup(platform, { permission: 'granted' })
      host.fault('saveImageToPhotosAlbum', { kind: 'throw', error: new TypeError('boom') }, 1)
      const result = await outcome(api.saveImageToAlbum(LOCAL_PATH))
      expect(result.ok ? null : result.error).toMatchObject({ code: 'UNKNOWN', raw: expect.any(TypeError) })
    })
  })

  describe('batch', () => {
    it('resolves in input order with per-image outcomes and reports progress', async () => {
      const { host, api } = setup(platform, { permission: 'granted' })
      const progress: Array<[number, number, number, boolean]> = []
      const results = await api.saveImagesToAlbum(
        [POSTER_URL, 'https://cdn.example.com/missing.png', { base64: toBase64(fixtures.gif) }, LOCAL_PATH],
        {
          onProgress: (p) => progress.push([p.done, p.total, p.index, !p.error]),
        },
      )
      expect(results.map((r) => (r.ok ? r.result.platform : r.error.code))).toEqual([
        platform,
        'DOWNLOAD_FAILED',
        base64 ? platform : 'UNSUPPORTED_PLATFORM',
        platform,
      ])
      expect(progress.map(([done]) => done)).toEqual([1, 2, 3, 4])
      expect(progress.every(([, total]) => total === 4)).toBe(true)
      expect(progress.map(([, , index]) => index).sort()).toEqual([0, 1, 2, 3])
      expect(host.album).toHaveLength(base64 ? 3 : 2)
    })

    it('downloads at most `concurrency` at a time and saves one at a time', async () => {
      const { host, api } = setup(platform, { permission: 'granted', latency: 5 })
      const urls = Array.from({ length: 7 }, (_, i) => `https://cdn.example.com/p${i}.png`)
      for (const url of urls)
        host.downloads.set(url, { status: 200, body: fixtures.png, contentType: 'image/png', delay: 10 })
      let inFlight = 0
      let peak = 0
      const download = host.api.downloadFile as (options: Record<string, unknown>) => unknown
      host.api.downloadFile = (options: Record<string, unknown>) => {
        peak = Math.max(peak, ++inFlight)
        const done = options.complete as ((res: unknown) => void) | undefined
        return download({
          ...options,
          complete: (res: unknown) => {
            inFlight--
            done?.(res)
          },
        })
      }
      const results = await api.saveImagesToAlbum(urls, { concurrency: 2 })
      expect(results.every((r) => r.ok)).toBe(true)
      expect(peak).toBe(2)
      expect(host.album).toHaveLength(7)
    })

    it.runIf(guides)('asks at most once for the whole batch', async () => {
      const { host, api } = setup(platform, { permission: denied(platform), modal: 'cancel' })
      const results = await api.saveImagesToAlbum([
        LOCAL_PATH,
        LOCAL_PATH,
        POSTER_URL,
        base64 ? { base64: toBase64(fixtures.png) } : JPEG_URL,
      ])
      expect(results.every((r) => !r.ok && r.error.code === 'AUTH_DENIED')).toBe(true)
      expect(modals(host)).toHaveLength(1)
    })

    it.runIf(guides)('after one accepted guide the whole batch is saved', async () => {
      const { host, api } = setup(platform, { permission: denied(platform) })
      const results = await api.saveImagesToAlbum([LOCAL_PATH, POSTER_URL, JPEG_URL], { loading: true })
      expect(results.every((r) => r.ok)).toBe(true)
      expect(modals(host)).toHaveLength(1)
      expect(host.album).toHaveLength(3)
      expect(host.ui.filter((event) => event.type === 'loading' && !/%$/.test(event.title ?? ''))).toHaveLength(1)
    })

    it('an empty batch resolves to an empty array with no host call', async () => {
      const { host, api } = setup(platform)
      await expect(api.saveImagesToAlbum([])).resolves.toEqual([])
      expect(host.calls).toEqual([])
    })
  })
})
