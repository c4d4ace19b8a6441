import { describe, expect, it } from 'vitest'
import { fixtures, type DownloadResponse, type SimulatedPlatform } from '../../src/testing'
import { profileOf } from '../../src/testing/profiles'
import { outcome, PLATFORMS, setup, setupApp } from '../helpers'

// Videos on every simulated host (docs/en/guide/video.md): the host's video save after a download to a file named by
// its bytes, the same permission checks, guide and cleanup as an image, and each host's own refusals. A build that
// leaves videos out is test/integration/features.test.ts.

const CDN = 'https://cdn.example.com/v/8f3a2c?sign=ok'
const LOCAL = '/static/clip.mp4'
const VIDEO_SAVE = 'saveVideoToPhotosAlbum'

/** A host's answer for the video URL. */
const serve = (response: DownloadResponse) => ({ status: 200, ...response })

describe.each(PLATFORMS)('videos on %s', (platform: SimulatedPlatform) => {
  const { alipayErrors, brokenFileSystem } = profileOf(platform)

  it('a CDN URL without an extension downloads to a .mp4 of ours, is saved as a video, and leaves nothing', async () => {
    const { host, api } = setup(platform, { permission: 'granted' })
    host.downloads.set(CDN, serve({ body: fixtures.mp4, contentType: 'video/mp4' }))
    const result = await api.saveVideoToAlbum(CDN)
    expect(result).toMatchObject({ errMsg: 'saveVideoToAlbum:ok', platform, mode: 'album' })
    expect(host.album.map(({ kind, format }) => [kind, format])).toEqual([['video', 'mp4']])
    // where we name the download, the album gets a .mp4; elsewhere the host's temp file
    if (result.filePath.includes('/msi-')) expect(result.filePath).toMatch(/\.mp4$/)
    expect(host.count('saveImageToPhotosAlbum')).toBe(0)
    await host.idle()
    expect(host.userFiles()).toEqual([])
  })

  it('a local video path is saved as it is, in one host call', async () => {
    const { host, api } = setup(platform, { permission: 'granted' })
    host.addFile(LOCAL, fixtures.mp4)
    await expect(api.saveVideoToAlbum({ filePath: LOCAL })).resolves.toMatchObject({ filePath: LOCAL })
    expect(host.calls.map(({ api }) => api)).toEqual([VIDEO_SAVE])
  })

  it('an HTML page served for the video is DOWNLOAD_FAILED and never saved', async () => {
    const { host, api } = setup(platform, { permission: 'granted' })
    host.downloads.set(CDN, serve({ body: fixtures.html, contentType: 'text/html' }))
    const result = await outcome(api.saveVideoToAlbum(CDN))
    expect(result.ok || result.error.code).toBe('DOWNLOAD_FAILED')
    expect(host.count(VIDEO_SAVE)).toBe(0)
    await host.idle()
    expect(host.userFiles()).toEqual([])
  })

  it('a MOV is saved where the host takes it, and UNSUPPORTED_FORMAT naming it where it documents mp4 only', async () => {
    const { host, api } = setup(platform, { permission: 'granted', headersEvent: false })
    host.downloads.set(CDN, serve({ body: fixtures.mov }))
    const result = await outcome(api.saveVideoToAlbum(CDN))
    if (profileOf(platform).videoFormats) {
      expect(result.ok || result.error.code).toBe('UNSUPPORTED_FORMAT')
      if (!result.ok && __DEV__) expect(result.error.message).toMatch(/cannot save a mov video/)
    } else {
      expect(result.ok).toBe(true)
      expect(host.album.map(({ format }) => format)).toEqual(['mov'])
      // named .mov from its bytes where the host's file system reads and renames a download of ours
      if (!alipayErrors && !brokenFileSystem && result.ok && result.value.filePath.includes('/msi-'))
        expect(result.value.filePath).toMatch(/\.mov$/)
    }
  })

  // hosts without an album permission (a system confirm per save, or none) have nothing to refuse
  it.runIf(!profileOf(platform).noScope)(
    'a refused album permission rejects AUTH_DENIED with the guide off',
    async () => {
      const { host, api } = setup(platform, { permission: 'denied-forever', prompt: 'deny' })
      host.addFile(LOCAL, fixtures.mp4)
      const result = await outcome(api.saveVideoToAlbum({ src: LOCAL, guide: false }))
      expect(result.ok || result.error.code).toBe('AUTH_DENIED')
      expect(host.album).toEqual([])
    },
  )
})

describe('each host’s own video refusals', () => {
  it('Douyin: 119890 auth deny is AUTH_DENIED, 119802 "can’t support this video format" UNSUPPORTED_FORMAT', async () => {
    const { host, api } = setup('tt', { permission: 'denied', prompt: 'deny' })
    host.addFile(LOCAL, fixtures.mp4)
    host.addFile('/static/not-a-video.mp4', fixtures.png)
    const denied = await outcome(api.saveVideoToAlbum({ src: LOCAL, guide: false }))
    expect(denied.ok || [denied.error.code, denied.error.raw.errNo]).toEqual(['AUTH_DENIED', 119890])
    host.state.permission = 'granted'
    const refused = await outcome(api.saveVideoToAlbum('/static/not-a-video.mp4'))
    expect(refused.ok || [refused.error.code, refused.error.raw.errNo]).toEqual(['UNSUPPORTED_FORMAT', 119802])
  })

  it('Alipay: an individual account’s error 4 is UNSUPPORTED_PLATFORM, its payload kept; the call names `src`', async () => {
    const { host, api } = setup('alipay', { permission: 'granted', account: 'individual' })
    host.addFile(LOCAL, fixtures.mp4)
    const result = await outcome(api.saveVideoToAlbum(LOCAL))
    expect(result.ok || [result.error.code, result.error.raw]).toEqual([
      'UNSUPPORTED_PLATFORM',
      { error: 4, errorMessage: '无权限调用该接口' },
    ])
    host.state.account = 'enterprise'
    await expect(api.saveVideoToAlbum(LOCAL)).resolves.toMatchObject({ mode: 'album' })
    expect(host.calls.filter((call) => call.api === VIDEO_SAVE).map((call) => call.args)).toEqual([
      { src: LOCAL, success: expect.any(Function), fail: expect.any(Function) },
      { src: LOCAL, success: expect.any(Function), fail: expect.any(Function) },
    ])
  })

  it('the uni-app App saves through uni.saveVideoToPhotosAlbum (plus.gallery.save)', async () => {
    const { host, api } = setupApp({ permission: 'granted' })
    host.downloads.set(CDN, serve({ body: fixtures.mp4, contentType: 'video/mp4' }))
    await expect(api.saveVideoToAlbum(CDN)).resolves.toMatchObject({ errMsg: 'saveVideoToAlbum:ok', mode: 'album' })
    expect(host.album.map(({ kind }) => kind)).toEqual(['video'])
    await host.idle()
    expect(host.userFiles()).toEqual([])
  })
})

describe('what every host shares', () => {
  it.each([
    ['a data URI', { src: 'data:video/mp4;base64,AAAAGGZ0eXA=' }],
    ['base64', { base64: 'AAAAGGZ0eXA=' }],
    ['a canvas', { canvasId: 'poster' }],
    ['no source', {}],
  ])('%s is INVALID_ARGUMENT before any host call', async (_name, input) => {
    const { host, api } = setup('weapp')
    await expect(api.saveVideoToAlbum(input as never)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' })
    expect(host.calls).toEqual([])
  })

  it('a download over WeChat’s 200 MB fails as soon as its length is known, not when the host gives up', async () => {
    const { host, api } = setup('weapp', { permission: 'granted' })
    const huge = 300 * 1024 * 1024
    host.downloads.set(CDN, serve({ body: fixtures.mp4, contentLength: huge, delay: 500, progressSteps: 10 }))
    // its progress events would keep it alive to the end, and it would be saved, without the limit
    const result = await outcome(api.saveVideoToAlbum({ src: CDN, timeout: 5000 }))
    expect(result.ok || result.error.code).toBe('DOWNLOAD_FAILED')
    expect(host.count(VIDEO_SAVE)).toBe(0)
    if (!result.ok && __DEV__) expect(result.error.message).toMatch(/download limit/)
    // the host finishes later; the file it wrote is removed then
    await host.idle()
    expect(host.userFiles()).toEqual([])
  })

  it('a large video that keeps arriving never times out; one that stalls does', async () => {
    const { host, api } = setup('weapp', { permission: 'granted' })
    host.downloads.set(CDN, serve({ body: fixtures.mp4, contentType: 'video/mp4', delay: 240, progressSteps: 8 }))
    await expect(api.saveVideoToAlbum({ src: CDN, timeout: 100 })).resolves.toMatchObject({ mode: 'album' })
    host.downloads.set(CDN, serve({ body: fixtures.mp4, contentType: 'video/mp4', delay: 240, progressSteps: 1 }))
    await expect(api.saveVideoToAlbum({ src: CDN, timeout: 100 })).rejects.toMatchObject({ code: 'TIMEOUT' })
    await host.idle()
    expect(host.userFiles()).toEqual([])
  })
})

describe('a mixed batch', () => {
  const IMAGE = 'https://cdn.example.com/poster.png'
  const VIDEO = 'https://cdn.example.com/clip.mp4'

  it('on WeChat ≥ 3.17.2 is one save call with its media types, and one prompt', async () => {
    const { host, api } = setup('weapp', { prompt: 'allow' })
    host.downloads.set(VIDEO, serve({ body: fixtures.mp4, contentType: 'video/mp4' }))
    const outcomes = await api.saveMediaToAlbum([IMAGE, VIDEO])
    expect(outcomes.map((o) => o.ok && o.result.errMsg)).toEqual(['saveImageToAlbum:ok', 'saveVideoToAlbum:ok'])
    const saves = host.calls.filter((call) => /^save/.test(call.api))
    expect(saves.map((call) => [call.api, (call.args as { mediaTypes?: string[] }).mediaTypes])).toEqual([
      ['saveMediaToPhotosAlbum', ['image', 'video']],
    ])
    expect(host.ui.filter((event) => event.type === 'permission-prompt')).toHaveLength(1)
    expect(host.album.map(({ kind }) => kind)).toEqual(['image', 'video'])
  })

  it('elsewhere each item is saved by its own API, in input order; `{ video }` marks a video without an extension', async () => {
    const { host, api } = setup('tt', { permission: 'granted' })
    host.downloads.set(CDN, serve({ body: fixtures.mp4, contentType: 'video/mp4' }))
    const outcomes = await api.saveMediaToAlbum([{ video: CDN }, IMAGE])
    expect(outcomes.map((o) => o.ok && o.result.errMsg)).toEqual(['saveVideoToAlbum:ok', 'saveImageToAlbum:ok'])
    expect(host.count(VIDEO_SAVE)).toBe(1)
    expect(host.count('saveImageToPhotosAlbum')).toBe(1)
  })
})
