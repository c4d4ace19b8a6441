import { describe, expect, it } from 'vitest'
import { fixtures, toBase64 } from '../../src/testing'
import { LOCAL_PATH, modals, POSTER_URL, setup } from '../helpers'

// WeChat base library ≥ 3.17.2 saves a batch with one saveMediaToPhotosAlbum call (docs/en/guide/batch.md#wechat-one-call): one system prompt.

const urls = (n: number) => Array.from({ length: n }, (_, i) => `https://cdn.example.com/poster-${i}.png`)

function setupBatch(n: number, options: Parameters<typeof setup>[1] = {}) {
  const made = setup('weapp', options)
  for (const url of urls(n)) made.host.downloads.set(url, { status: 200, body: fixtures.png, contentType: 'image/png' })
  return made
}

describe('a WeChat batch in one host call', () => {
  it('saves 20 images with one saveMediaToPhotosAlbum and reports each image', async () => {
    const { host, api } = setupBatch(20, { permission: 'granted' })
    const progress: number[] = []
    const results = await api.saveImagesToAlbum(urls(20), { onProgress: (p) => progress.push(p.index) })
    expect(host.count('saveMediaToPhotosAlbum')).toBe(1)
    expect(host.count('saveImageToPhotosAlbum')).toBe(0)
    expect(host.count('downloadFile')).toBe(20)
    expect(results).toHaveLength(20)
    results.forEach((r) => expect(r).toMatchObject({ ok: true, result: { platform: 'weapp', mode: 'album' } }))
    expect(new Set(results.map((r) => r.ok && r.result.filePath)).size).toBe(20)
    expect(host.album).toHaveLength(20)
    expect(progress.sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i))
    const call = host.calls.find((c) => c.api === 'saveMediaToPhotosAlbum')!.args as {
      filePaths: string[]
      mediaTypes: string[]
    }
    expect(call.mediaTypes).toEqual(Array(20).fill('image'))
  })

  it('an older client saves one call per image, as before', async () => {
    const { host, api } = setupBatch(20, { permission: 'granted', saveMedia: false })
    const results = await api.saveImagesToAlbum(urls(20))
    expect(results.every((r) => r.ok)).toBe(true)
    expect(host.count('saveImageToPhotosAlbum')).toBe(20)
  })

  it('images that fail to download fail alone; the rest are saved together', async () => {
    const { host, api } = setupBatch(3, { permission: 'granted' })
    host.downloads.set('https://cdn.example.com/missing.png', { status: 404 })
    const results = await api.saveImagesToAlbum([
      ...urls(3),
      'https://cdn.example.com/missing.png',
      { base64: toBase64(fixtures.gif) },
    ])
    expect(results.map((r) => r.ok)).toEqual([true, true, true, false, true])
    expect(results[3]).toMatchObject({ ok: false, error: { code: 'DOWNLOAD_FAILED' } })
    expect(host.count('saveMediaToPhotosAlbum')).toBe(1)
    expect(host.album.map((e) => e.format).sort()).toEqual(['gif', 'png', 'png', 'png'])
  })

  it('one prompt for the batch: a refusal gets one guide, settings, and one retry of the same call', async () => {
    const { host, api } = setupBatch(5, { permission: 'not-asked', prompt: 'deny' })
    const results = await api.saveImagesToAlbum(urls(5))
    expect(results.every((r) => r.ok)).toBe(true)
    expect(host.ui.filter((e) => e.type === 'permission-prompt')).toHaveLength(1)
    expect(modals(host)).toHaveLength(1)
    expect(host.count('saveMediaToPhotosAlbum')).toBe(2)
  })

  it('a refusal that stands fails every image with AUTH_DENIED', async () => {
    const { api } = setupBatch(4, { permission: 'denied', modal: 'cancel' })
    const results = await api.saveImagesToAlbum(urls(4))
    expect(results.map((r) => !r.ok && r.error.code)).toEqual(Array(4).fill('AUTH_DENIED'))
  })

  it('a file the host refuses fails the call: each image is then saved alone, for its own outcome', async () => {
    const { host, api } = setupBatch(2, { permission: 'granted' })
    const results = await api.saveImagesToAlbum([...urls(2), '/static/gone.png'])
    expect(results.map((r) => r.ok)).toEqual([true, true, false])
    expect(results[2]).toMatchObject({ ok: false, error: { code: 'FILE_NOT_FOUND' } })
    expect(host.count('saveMediaToPhotosAlbum')).toBe(1)
    expect(host.count('saveImageToPhotosAlbum')).toBe(3)
    expect(host.album).toHaveLength(2)
  })

  it('a batch of one uses the single save', async () => {
    const { host, api } = setupBatch(1, { permission: 'granted' })
    await api.saveImagesToAlbum([LOCAL_PATH])
    expect(host.asyncCalls()).toEqual(['saveImageToPhotosAlbum'])
  })

  it('a call that never answers is TIMEOUT for every image, and the files written are removed', async () => {
    const { host, api } = setupBatch(0, { permission: 'granted' })
    host.fault('saveMediaToPhotosAlbum', { kind: 'hang' })
    const results = await api.saveImagesToAlbum(
      [{ base64: toBase64(fixtures.png) }, { base64: toBase64(fixtures.jpeg) }, POSTER_URL],
      { timeout: 50 },
    )
    expect(results.map((r) => !r.ok && r.error.code)).toEqual(['TIMEOUT', 'TIMEOUT', 'TIMEOUT'])
  })
})
