import { describe, expect, it } from 'vitest'
import { fixtures, toBase64, toDataUri } from '../../src/testing'
import { UA } from './chromium'
import {
  bytesOf,
  CDN,
  downloadAt,
  MISSING,
  NO_CORS,
  noDownloadWithin,
  NOT_IMAGE,
  open,
  overlayImages,
  POSTER,
  SLOW,
  useH5Page,
} from './h5-page'

useH5Page()

describe('a desktop or Android browser: a typed file goes to the download', () => {
  it('a URL: fetched, downloaded under its own name with its bytes, mode "download"', async () => {
    const opened = await open()
    const outcome = await opened.tap(`return msi.saveImageToAlbum('${POSTER}')`)
    expect(outcome).toEqual({
      ok: true,
      value: { errMsg: 'saveImageToAlbum:ok', platform: 'h5', mode: 'download', filePath: 'poster.png' },
    })
    expect(opened.downloads.map((d) => d.suggestedFilename())).toEqual(['poster.png'])
    expect(await bytesOf(await downloadAt(opened, 0))).toEqual(fixtures.png)
  })

  it('the name follows the bytes: a URL without an extension, with a query, ending in .php or .do, a .png serving a JPEG', async () => {
    const opened = await open()
    const urls = ['render?id=7', 'render.jpg?sign=a1b2&t=9', 'render.php?id=7', 'render.do?id=7', 'photo.png']
    for (const url of urls)
      expect((await opened.tap(`return msi.saveImageToAlbum('${CDN}/${url}')`)).value.filePath).toMatch(
        /^(render|photo)\.jpg$/,
      )
    expect(opened.downloads.map((d) => d.suggestedFilename())).toEqual([
      'render.jpg',
      'render.jpg',
      'render.jpg',
      'render.jpg',
      'photo.jpg',
    ])
  })

  it('a data URI and raw base64 download as image.<ext> with their decoded bytes', async () => {
    const opened = await open(UA.androidChrome)
    const png = await opened.tap(`return msi.saveImageToAlbum({ src: '${toDataUri(fixtures.png, 'image/png')}' })`)
    const gif = await opened.tap(`return msi.saveImageToAlbum({ base64: '${toBase64(fixtures.gif)}' })`)
    expect([png.value, gif.value]).toMatchObject([
      { mode: 'download', filePath: 'image.png' },
      { mode: 'download', filePath: 'image.gif' },
    ])
    expect(opened.downloads.map((d) => d.suggestedFilename())).toEqual(['image.png', 'image.gif'])
    expect(await bytesOf(await downloadAt(opened, 0))).toEqual(fixtures.png)
    expect(await bytesOf(await downloadAt(opened, 1))).toEqual(fixtures.gif)
  })

  it('a same-origin path and a blob: URL are read from the page and downloaded', async () => {
    const opened = await open()
    const local = await opened.tap(`return msi.saveImageToAlbum('/static/poster.png')`)
    expect(local).toMatchObject({ ok: true, value: { mode: 'download', filePath: 'poster.png' } })
    const blob = await opened.tap(`
      const bytes = Uint8Array.from(atob('${toBase64(fixtures.jpeg)}'), (c) => c.charCodeAt(0))
      return msi.saveImageToAlbum(URL.createObjectURL(new Blob([bytes], { type: 'image/jpeg' })))`)
    expect(blob).toMatchObject({ ok: true, value: { mode: 'download' } })
    expect(blob.value.filePath).toMatch(/\.jpg$/)
    expect(await bytesOf(await downloadAt(opened, 0))).toEqual(fixtures.png)
    expect(await bytesOf(await downloadAt(opened, 1))).toEqual(fixtures.jpeg)
  })

  it('the download’s object URL is revoked afterwards (after 40 s, as iOS may still be asking)', async () => {
    const opened = await open()
    await opened.page.clock.install()
    await opened.page.evaluate(() => {
      const revoked: string[] = []
      const revoke = URL.revokeObjectURL
      URL.revokeObjectURL = (url) => (revoked.push(url), revoke(url))
      Object.assign(window, { revoked })
    })
    await opened.tap(`return msi.saveImageToAlbum('${POSTER}')`)
    const revoked = () => opened.page.evaluate(() => (window as any).revoked as string[])
    await opened.page.clock.runFor(39_000)
    expect(await revoked()).toEqual([])
    await opened.page.clock.runFor(2_000)
    expect(await revoked()).toEqual([expect.stringMatching(/^blob:/)])
  })

  it('a batch downloads one file after another, in order', async () => {
    const opened = await open()
    const outcome = await opened.tap(
      `return msi.saveImagesToAlbum(['${CDN}/set/1.jpg', '${CDN}/set/2.jpg', '${CDN}/set/3.jpg'])`,
    )
    expect(outcome.value.map((o: any) => o.ok && o.result.filePath)).toEqual(['1.jpg', '2.jpg', '3.jpg'])
    // The page clicked them in order (the outcomes above); Chromium reports each download once it has started, which
    // for three quick blob downloads is not always in click order: the same three files, whatever their order.
    await expect.poll(() => opened.downloads.length).toBe(3)
    expect(opened.downloads.map((d) => d.suggestedFilename()).sort()).toEqual(['1.jpg', '2.jpg', '3.jpg'])
  })

  it('a URL without CORS cannot be read: it is shown in the overlay as an <img> instead, never a silent failure', async () => {
    const opened = await open()
    const outcome = await opened.tap(`return msi.saveImageToAlbum('${NO_CORS}')`)
    expect(outcome).toEqual({
      ok: true,
      value: { errMsg: 'saveImageToAlbum:ok', platform: 'h5', mode: 'overlay', filePath: NO_CORS },
    })
    expect(await overlayImages(opened.page)).toEqual([{ src: NO_CORS, loaded: true }])
    await noDownloadWithin(opened)
  })

  it('an HTTP error is DOWNLOAD_FAILED (raw: the response), with nothing downloaded or shown', async () => {
    const opened = await open()
    expect(await opened.tap(`return msi.saveImageToAlbum('${MISSING}')`)).toMatchObject({
      ok: false,
      code: 'DOWNLOAD_FAILED',
      platform: 'h5',
      raw: 'HTTP 404',
    })
    expect(await opened.tap(`return msi.saveImageToAlbum('/static/none.png')`)).toMatchObject({
      ok: false,
      code: 'DOWNLOAD_FAILED',
    })
    expect(await opened.page.$('.msi-overlay')).toBeNull()
    await noDownloadWithin(opened)
  })

  it('a response that is not an image is DOWNLOAD_FAILED, and nothing is offered', async () => {
    const opened = await open()
    expect(await opened.tap(`return msi.saveImageToAlbum('${NOT_IMAGE}')`)).toMatchObject({
      ok: false,
      code: 'DOWNLOAD_FAILED',
    })
    await noDownloadWithin(opened)
  })

  it('a download that never answers is TIMEOUT after the call’s timeout', async () => {
    const opened = await open()
    expect(await opened.tap(`return msi.saveImageToAlbum({ src: '${SLOW}', timeout: 300 })`)).toMatchObject({
      ok: false,
      code: 'TIMEOUT',
    })
  })

  it('`loading` shows a status toast while the image is fetched, and removes it before the call settles', async () => {
    const opened = await open()
    await opened.page.evaluate((slow) => {
      ;(window as any).next = (msi: any) => msi.saveImageToAlbum({ src: slow, timeout: 400, loading: '正在保存' })
    }, SLOW)
    await opened.page.click('#go')
    expect(await opened.page.getByRole('status').textContent()).toBe('正在保存')
    await opened.page.waitForFunction(() => (window as any).outcomes.length === 1)
    expect(await opened.page.getByRole('status').count()).toBe(0)
  })

  it('bad input gets the contract’s code with no request, no download and no DOM change', async () => {
    const opened = await open()
    const body = await opened.page.evaluate(() => document.body.innerHTML)
    const outcomes = [
      await opened.tap(`return msi.saveImageToAlbum('')`),
      await opened.tap(`return msi.saveImageToAlbum('javascript:alert(1)')`),
      await opened.tap(`return msi.saveImageToAlbum({ src: '${POSTER}', hint: 7 })`),
      await opened.tap(`return msi.saveImageToAlbum({ base64: '${toBase64(fixtures.html)}' })`),
      await opened.tap(`return msi.saveImageToAlbum('${CDN}/vector.svgz')`),
    ]
    expect(outcomes.map((o) => o.code)).toEqual([
      'INVALID_ARGUMENT',
      'INVALID_ARGUMENT',
      'INVALID_ARGUMENT',
      'UNSUPPORTED_FORMAT',
      'UNSUPPORTED_FORMAT',
    ])
    expect(outcomes[2].message).toContain('hint must be a string')
    expect(opened.requested).toEqual([])
    expect(await opened.page.evaluate(() => document.body.innerHTML)).toBe(body)
    await noDownloadWithin(opened)
  })

  it('openAlbumSetting rejects UNSUPPORTED_PLATFORM: a browser has no album permission to open', async () => {
    const opened = await open()
    const outcome = await opened.tap('return msi.openAlbumSetting()')
    expect(outcome).toMatchObject({ ok: false, code: 'UNSUPPORTED_PLATFORM', platform: 'h5' })
    expect(outcome.message).toContain('the host has no settings page')
  })
})
