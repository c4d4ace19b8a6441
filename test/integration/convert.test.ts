import { describe, expect, it } from 'vitest'
import { fixtures, toBase64, toDataUri } from '../../src/testing'
import { profileOf } from '../../src/testing/profiles'
import { adapterOf, LOCAL_PATH, outcome, PLATFORMS, setup } from '../helpers'

// An image the album will not take, redrawn on a 2D canvas where the host documents one (WeChat's offscreen canvas,
// docs/en/hosts/weapp.md#convert; H5's <canvas>, tested in Chromium), refused by name elsewhere.

const SVG_URL = 'https://cdn.example.com/qr.svg'
// a build whose plugin sets convert: false redraws nothing (test/integration/features.test.ts)
const DRAWS = PLATFORMS.filter((platform) => profileOf(platform).offscreenCanvas)

describe.each(DRAWS)('%s redraws what its album refuses', (platform) => {
  it.each([
    ['an SVG URL', SVG_URL],
    ['an SVG data URI', toDataUri(fixtures.svg, 'image/svg+xml')],
    ['base64 of an SVG', { base64: toBase64(fixtures.svg) }],
  ])('%s is drawn as PNG before the save, and the files of ours are removed', async (_name, source) => {
    const { host, api } = setup(platform, { permission: 'granted' })
    host.downloads.set(SVG_URL, { body: fixtures.svg, contentType: 'image/svg+xml' })
    const result = await api.saveImageToAlbum(source as string)
    expect(result).toMatchObject({ mode: 'album', converted: 'png' })
    expect(host.album.map((entry) => entry.format)).toEqual(['png'])
    expect(host.count('saveImageToPhotosAlbum')).toBe(1)
    await host.idle()
    expect(host.userFiles()).toEqual([])
  })

  it('fileType jpg redraws as JPEG', async () => {
    const { host, api } = setup(platform, { permission: 'granted' })
    host.downloads.set(SVG_URL, { body: fixtures.svg, contentType: 'image/svg+xml' })
    const result = await api.saveImageToAlbum({ src: SVG_URL, fileType: 'jpg' })
    expect(result.converted).toBe('jpeg')
    expect(host.album.map((entry) => entry.format)).toEqual(['jpeg'])
  })

  it('a save refused as "invalid file type" is redrawn once and saved; the happy path never draws', async () => {
    const { host, api } = setup(platform, { permission: 'granted' })
    host.addFile(LOCAL_PATH, fixtures.webp)
    host.fault(
      'saveImageToPhotosAlbum',
      { kind: 'fail', payload: { errMsg: 'saveImageToPhotosAlbum:fail invalid file type' } },
      1,
    )
    const result = await api.saveImageToAlbum(LOCAL_PATH)
    expect(result.converted).toBe('png')
    expect(host.count('createOffscreenCanvas')).toBe(1)
    await api.saveImageToAlbum(LOCAL_PATH)
    expect(host.count('createOffscreenCanvas')).toBe(1)
  })

  it('a file no canvas can draw keeps the host’s refusal, raw included', async () => {
    const { host, api } = setup(platform, { permission: 'granted' })
    const payload = { errMsg: 'saveImageToPhotosAlbum:fail invalid file type' }
    host.addFile('/static/notes.txt', fixtures.html)
    host.fault('saveImageToPhotosAlbum', { kind: 'fail', payload })
    await expect(api.saveImageToAlbum('/static/notes.txt')).rejects.toMatchObject({
      code: 'UNSUPPORTED_FORMAT',
      raw: payload,
    })
  })
})

describe.each(PLATFORMS.filter((platform) => !adapterOf(platform).files.redraw))(
  '%s documents no canvas to redraw',
  (platform) => {
    it('an SVG is UNSUPPORTED_FORMAT before any host call, naming the host', async () => {
      const { host, api } = setup(platform)
      const result = await outcome(api.saveImageToAlbum(SVG_URL))
      expect(result.ok || result.error.code).toBe('UNSUPPORTED_FORMAT')
      if (!result.ok && __DEV__) expect(result.error.message).toContain(platform)
      expect(host.calls).toEqual([])
    })
  },
)

describe('Feishu on iOS takes png, jpg and gif only', () => {
  it('a webp is UNSUPPORTED_FORMAT naming the format and the host', async () => {
    const { host, api } = setup('lark', { permission: 'granted', client: 'ios' })
    host.downloads.set('https://cdn.example.com/a.webp', { body: fixtures.webp, contentType: 'image/webp' })
    const result = await outcome(api.saveImageToAlbum('https://cdn.example.com/a.webp'))
    expect(result.ok || result.error.code).toBe('UNSUPPORTED_FORMAT')
    if (!result.ok && __DEV__)
      expect(result.error.message).toMatch(/lark cannot save a webp image, and documents no canvas/)
    expect(host.album).toEqual([])
  })
})
