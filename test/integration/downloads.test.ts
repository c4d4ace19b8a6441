import { describe, expect, it } from 'vitest'
import { fixtures, type DownloadResponse, type SimulatedPlatform } from '../../src/testing'
import { profileOf } from '../../src/testing/profiles'
import { outcome, PLATFORMS, setup } from '../helpers'

// A download that is not an image, the extension of what arrived, progress and the watchdog (docs/en/hosts/weapp.md#download-checks).

const PAGE = 'https://cdn.example.com/poster.png?sign=expired'
const hostsThatDownload = PLATFORMS

describe.each(hostsThatDownload)('downloads on %s', (platform: SimulatedPlatform) => {
  it.each<[string, DownloadResponse]>([
    [
      'an HTML login page served with 200 and text/html',
      { body: fixtures.html, contentType: 'text/html; charset=utf-8' },
    ],
    ['an HTML page with no Content-Type', { body: fixtures.html }],
    ['an empty body with no Content-Type', { body: new Uint8Array(0) }],
  ])('%s is DOWNLOAD_FAILED, never saved, and removed', async (_name, response) => {
    const { host, api } = setup(platform, { permission: 'granted' })
    host.downloads.set(PAGE, { status: 200, ...response })
    const result = await outcome(api.saveImageToAlbum(PAGE))
    // where the host neither hands over the headers nor reads a file of ours (Xiaohongshu's file system; the Alipay
    // container, whose success payload is the only place of its headers), the body goes to the save, which refuses it
    const { brokenFileSystem, alipayErrors } = profileOf(platform)
    const told = !!response.contentType || !(brokenFileSystem || alipayErrors)
    expect(result.ok).toBe(false)
    if (result.ok) return
    if (told) {
      expect(result.error.code).toBe('DOWNLOAD_FAILED')
      expect(host.count('saveImageToPhotosAlbum') + host.count('saveImage')).toBe(0)
      if (__DEV__) expect(result.error.message).toMatch(/text\/html|not an image|empty/)
    }
    expect(host.album).toEqual([])
    await host.idle()
    expect(host.userFiles()).toEqual([])
  })

  it('where the download task tells no headers, the first bytes decide: an image saves, HTML does not', async () => {
    const { host, api } = setup(platform, { permission: 'granted', headersEvent: false })
    host.downloads.set(PAGE, { status: 200, body: fixtures.jpeg })
    const saved = await outcome(api.saveImageToAlbum(PAGE))
    expect(saved.ok).toBe(true)
    expect(host.album.map((entry) => entry.format)).toEqual(['jpeg'])
  })

  it('reports progress to onDownloadProgress from the task’s events, with the total and the index', async () => {
    const { host, api } = setup(platform, { permission: 'granted' })
    host.downloads.set(PAGE, { status: 200, body: fixtures.png, contentType: 'image/png', progressSteps: 3 })
    const seen: unknown[] = []
    await api.saveImageToAlbum({ src: PAGE, onDownloadProgress: (progress) => seen.push(progress) })
    const total = fixtures.png.length
    // Alipay's container documents no task events: no progress there
    if (profileOf(platform).alipayErrors) return expect(seen).toEqual([])
    expect(seen.at(-1)).toEqual({ loaded: total, total, index: 0 })
    expect(seen).toHaveLength(3)
  })
})

describe('the watchdog counts from the last progress event', () => {
  // 240 ms of download against a 100 ms timeout: a progress event every 30 ms keeps it alive, one at the end does not
  it.each([
    ['keeps arriving saves', 8, 'album'],
    ['stalls times out', 1, 'TIMEOUT'],
  ])('a download that %s', async (_name, progressSteps, expected) => {
    const { host, api } = setup('weapp', { permission: 'granted' })
    const body = fixtures.png
    host.downloads.set(PAGE, { status: 200, body, contentType: 'image/png', delay: 240, progressSteps })
    const result = await outcome(api.saveImageToAlbum({ src: PAGE, timeout: 100 }))
    expect(result.ok ? result.value.mode : result.error.code).toBe(expected)
    await host.idle()
    expect(host.userFiles()).toEqual([])
  })

  it('a batch reports each item’s progress with its index', async () => {
    const { host, api } = setup('weapp', { permission: 'granted' })
    const urls = ['https://cdn.example.com/a.png', 'https://cdn.example.com/b.png']
    for (const url of urls) host.downloads.set(url, { body: fixtures.png, contentType: 'image/png' })
    const indexes = new Set<number>()
    await api.saveImagesToAlbum(urls, { onDownloadProgress: ({ index }) => indexes.add(index) })
    expect([...indexes].sort()).toEqual([0, 1])
  })

  it('the loading text shows the percentage while a download arrives', async () => {
    const { host, api } = setup('weapp', { permission: 'granted' })
    host.downloads.set(PAGE, { body: fixtures.png, contentType: 'image/png', progressSteps: 2 })
    await api.saveImageToAlbum({ src: PAGE, loading: '保存中' })
    const titles = host.ui.flatMap((event) => (event.type === 'loading' ? [event.title] : []))
    expect(titles).toEqual(['保存中', '保存中 50%', '保存中 100%'])
  })
})

describe('the saved file’s extension follows what arrived', () => {
  it('a JPEG served from poster.png?x=1 is saved as .jpg', async () => {
    const { host, api } = setup('weapp', { permission: 'granted' })
    host.downloads.set('https://cdn.example.com/poster.png?x=1', { body: fixtures.jpeg, contentType: 'image/jpeg' })
    const result = await api.saveImageToAlbum('https://cdn.example.com/poster.png?x=1')
    expect(result.filePath).toMatch(/\.jpg$/)
    expect(host.album.map((entry) => entry.path)).toEqual([result.filePath])
  })

  it('the happy path keeps its host calls: a download and a save', async () => {
    const { host, api } = setup('weapp', { permission: 'granted' })
    host.downloads.set(PAGE, { body: fixtures.png, contentType: 'image/png' })
    await api.saveImageToAlbum(PAGE)
    expect(host.asyncCalls()).toEqual(['downloadFile', 'saveImageToPhotosAlbum'])
  })
})
