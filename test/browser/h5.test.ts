import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { Download, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { fixtures, toBase64, toDataUri } from '../../src/testing'
import { chromiumSuite, routeImages, serve, sharedFiles, stubShare, UA } from './chromium'

// The H5 adapter as built (dist/hosts/h5.mjs), in real headless Chromium: what each kind of browser gets.

const root = resolve(__dirname, '../..')
const CDN = 'https://cdn.example.com'
const POSTER = `${CDN}/poster.png`
const NO_CORS = 'https://img.other.example/poster.png'
const MISSING = `${CDN}/missing.png`
const NOT_IMAGE = `${CDN}/page.png`
const SLOW = `${CDN}/slow.jpg`

const PAGE = `<!doctype html><meta charset="utf-8"><title>h5 adapter</title>
<button id="before">before</button> <button id="go">go</button>
<script type="module">
  import * as msi from '/dist/hosts/h5.mjs'
  const outcomes = []
  Object.assign(window, { msi, outcomes })
  const describe = (e) => ({ ok: false, code: e.code, platform: e.platform, message: e.message, raw: e.raw && (e.raw.status ? 'HTTP ' + e.raw.status : e.raw.name || e.raw.type || String(e.raw)) })
  // iOS keeps a tap's activation through microtasks only: note whether share() runs in the tap's own task
  let inTap = false
  if (navigator.share) {
    const share = navigator.share
    Object.defineProperty(navigator, 'share', { value: (data) => ((window.sharedInTap = inTap), share.call(navigator, data)) })
  }
  document.getElementById('go').addEventListener('click', () => {
    inTap = true
    setTimeout(() => (inTap = false))
    window.next(msi).then((value) => outcomes.push({ ok: true, value }), (e) => outcomes.push(describe(e)))
  })
</script>`

// the page, the package's dist, and the page's own images (a same-origin path, and one that is missing)
const OWN: Record<string, [number, string, Uint8Array | string]> = {
  '/': [200, 'text/html; charset=utf-8', PAGE],
  '/static/poster.png': [200, 'image/png', fixtures.png],
  '/static/none.png': [404, 'text/html', 'not found'],
}
const chromium = chromiumSuite(() =>
  serve(root, (req, res) => {
    const answer = OWN[req.url || '']
    if (!answer) return false
    res.writeHead(answer[0], { 'content-type': answer[1] })
    res.end(answer[2])
    return true
  }),
)

interface Opened {
  page: Page
  downloads: Download[]
  /** Every routed image URL the page requested. */
  requested: string[]
  /** Taps #go, whose handler runs `body` (a function body of `msi`), and resolves the call's outcome. */
  tap(body: string): Promise<any>
  /** Runs `body` from a script, not a tap (the overlay covers the page's buttons). */
  call(body: string): Promise<any>
}

/** The page's `index`-th download, once Playwright has reported it (its event can trail the click on a busy machine). */
async function downloadAt(opened: Opened, index: number): Promise<Download> {
  await expect.poll(() => opened.downloads.length).toBeGreaterThan(index)
  return opened.downloads[index]!
}

async function open(
  userAgent: string = UA.desktopChrome,
  share?: { answers: string[]; canShare?: boolean },
): Promise<Opened> {
  const context = await chromium.newContext({ userAgent, acceptDownloads: true })
  if (share) await stubShare(context, share.answers, share.canShare)
  const requested = await routeImages(context, {
    [POSTER]: { body: fixtures.png, type: 'image/png' },
    [`${CDN}/render*`]: { body: fixtures.jpeg, type: 'image/jpeg' },
    [`${CDN}/photo.png`]: { body: fixtures.jpeg, type: 'image/jpeg' },
    [`${CDN}/set/*.jpg`]: { body: fixtures.jpeg, type: 'image/jpeg' },
    [NO_CORS]: { body: fixtures.png, type: 'image/png', cors: false },
    [MISSING]: { status: 404, body: fixtures.html, type: 'text/html' },
    [NOT_IMAGE]: { body: fixtures.html, type: 'text/html' },
  })
  await context.route(SLOW, () => new Promise(() => {}))
  const page = await context.newPage()
  const downloads: Download[] = []
  page.on('download', (download) => downloads.push(download))
  await page.goto(`${chromium.url}/`)
  await page.waitForFunction(() => 'msi' in window)
  const tap = async (body: string) => {
    const before = await page.evaluate(() => (window as any).outcomes.length)
    await page.evaluate((source) => ((window as any).next = new Function('msi', source)), body)
    await page.click('#go')
    await page.waitForFunction((n) => (window as any).outcomes.length > n, before, { timeout: 15_000 })
    return page.evaluate((n) => (window as any).outcomes[n], before)
  }
  const call = (body: string) => page.evaluate((source) => new Function('msi', source)((window as any).msi), body)
  return { page, downloads, requested, tap, call }
}

const bytesOf = async (download: Download) => new Uint8Array(readFileSync((await download.path())!))
const overlayImages = (page: Page) =>
  page.$$eval('.msi-overlay img', (images) =>
    images.map((img) => ({ src: (img as HTMLImageElement).src, loaded: (img as HTMLImageElement).naturalWidth > 0 })),
  )
const noDownloadWithin = async (opened: Opened, ms = 500) => {
  await opened.page.waitForTimeout(ms)
  expect(opened.downloads.map((d) => d.suggestedFilename())).toEqual([])
}

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

describe('in-app browsers (downloads do nothing there): the long-press overlay', () => {
  const IN_APP = [
    'wechatAndroid',
    'wechatIOS',
    'wecom',
    'qq',
    'douyin',
    'tiktok',
    'alipay',
    'kuaishou',
    'weibo',
    'dingtalk',
    'feishu',
    'baidu',
    'facebook',
    'instagram',
    'androidWebView',
    'iosWebView',
  ] as const

  it.each(IN_APP)('%s: a URL is shown as it is, without being fetched or downloaded', async (name) => {
    const opened = await open(UA[name])
    const outcome = await opened.tap(`return msi.saveImageToAlbum('${POSTER}')`)
    expect(outcome).toMatchObject({ ok: true, value: { mode: 'overlay', filePath: POSTER } })
    expect(await overlayImages(opened.page)).toEqual([{ src: POSTER, loaded: true }])
    // the only request is the <img>'s own, never a fetch (which a CORS-less CDN would refuse)
    expect(opened.requested).toEqual([POSTER])
    await noDownloadWithin(opened, 200)
  })

  it.each(['desktopChrome', 'androidChrome', 'qqBrowser'] as const)('%s is not in-app: it downloads', async (name) => {
    const opened = await open(UA[name])
    expect((await opened.tap(`return msi.saveImageToAlbum('${POSTER}')`)).value.mode).toBe('download')
  })

  it('is a labelled modal dialog: focus moves to its close button, Escape closes it and focus returns', async () => {
    const { page, tap } = await open(UA.wechatAndroid)
    await tap(`return msi.saveImageToAlbum('${POSTER}')`)
    const dialog = page.getByRole('dialog', { name: '长按图片保存到相册' })
    await expect(dialog.isVisible()).resolves.toBe(true)
    expect(await dialog.getAttribute('aria-modal')).toBe('true')
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('关闭')
    await page.keyboard.press('Escape')
    expect(await page.$('.msi-overlay')).toBeNull()
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('go')
  })

  it('closes on its close button and on a tap outside the image, not on the image itself', async () => {
    const { page, tap } = await open(UA.wechatIOS)
    await tap(`return msi.saveImageToAlbum('${POSTER}')`)
    await page.click('.msi-overlay img')
    expect(await page.$('.msi-overlay')).not.toBeNull()
    await page.getByRole('button', { name: '关闭' }).click()
    expect(await page.$('.msi-overlay')).toBeNull()
    await tap(`return msi.saveImageToAlbum('${POSTER}')`)
    await page.mouse.click(5, 700)
    expect(await page.$('.msi-overlay')).toBeNull()
    expect(await page.evaluate(() => document.body.style.overflow)).toBe('')
  })

  it('a data URI is shown as a data URI; the hint can be set per call', async () => {
    const { page, tap } = await open(UA.douyin)
    const uri = toDataUri(fixtures.png, 'image/png')
    expect((await tap(`return msi.saveImageToAlbum({ src: '${uri}', hint: 'Long-press to save' })`)).value.mode).toBe(
      'overlay',
    )
    expect(await overlayImages(page)).toEqual([{ src: uri, loaded: true }])
    expect(await page.getByRole('dialog', { name: 'Long-press to save' }).count()).toBe(1)
  })

  it('one overlay at a time: a second call joins the open one, and a batch shows one list', async () => {
    const { page, tap, call } = await open(UA.weibo)
    await tap(`return msi.saveImageToAlbum('${POSTER}')`)
    const batch = await call(
      `return msi.saveImagesToAlbum(['${CDN}/set/1.jpg', '${CDN}/set/2.jpg', '${CDN}/set/3.jpg'])`,
    )
    expect(batch.map((o: any) => o.result.mode)).toEqual(['overlay', 'overlay', 'overlay'])
    expect(await page.$$('.msi-overlay')).toHaveLength(1)
    expect((await overlayImages(page)).map((image) => image.src.replace(CDN, ''))).toEqual([
      '/poster.png',
      '/set/1.jpg',
      '/set/2.jpg',
      '/set/3.jpg',
    ])
  })

  it('an image that does not load is DOWNLOAD_FAILED, and an overlay left empty closes', async () => {
    const { page, tap } = await open(UA.wechatAndroid)
    expect(await tap(`return msi.saveImageToAlbum('${MISSING}')`)).toMatchObject({
      ok: false,
      code: 'DOWNLOAD_FAILED',
      raw: 'error',
    })
    expect(await page.$('.msi-overlay')).toBeNull()
  })
})

describe('iOS Safari (Web Share with files): the share sheet, whose "Save Image" puts it in Photos', () => {
  it('a data URI: the File is shared with its name, type and bytes; mode "share"', async () => {
    const opened = await open(UA.iosSafari, { answers: ['ok'] })
    const outcome = await opened.tap(`return msi.saveImageToAlbum('${toDataUri(fixtures.jpeg, 'image/jpeg')}')`)
    expect(outcome).toEqual({
      ok: true,
      value: { errMsg: 'saveImageToAlbum:ok', platform: 'h5', mode: 'share', filePath: 'image.jpg' },
    })
    expect(await sharedFiles(opened.page)).toEqual([
      { name: 'image.jpg', type: 'image/jpeg', bytes: Array.from(fixtures.jpeg) },
    ])
    // the File is made from the data with no timer or network wait: share() runs within the tap's own task
    expect(await opened.page.evaluate(() => (window as any).sharedInTap)).toBe(true)
    await noDownloadWithin(opened, 200)
  })

  it('AbortError (the user closed the sheet) is USER_CANCELLED, with nothing shown', async () => {
    const opened = await open(UA.iosSafari, { answers: ['AbortError'] })
    expect(await opened.tap(`return msi.saveImageToAlbum('${POSTER}')`)).toMatchObject({
      ok: false,
      code: 'USER_CANCELLED',
      raw: 'AbortError',
    })
    expect(await opened.page.$('.msi-overlay')).toBeNull()
  })

  it('NotAllowedError (the fetch spent the tap): the overlay, whose "保存图片" button shares the same file on a new tap', async () => {
    const opened = await open(UA.iosSafari, { answers: ['NotAllowedError', 'ok'] })
    expect(await opened.tap(`return msi.saveImageToAlbum('${POSTER}')`)).toMatchObject({
      ok: true,
      value: { mode: 'overlay', filePath: POSTER },
    })
    // a URL is fetched first: its share() runs after the tap's task, where iOS refuses it
    expect(await opened.page.evaluate(() => (window as any).sharedInTap)).toBe(false)
    expect(await overlayImages(opened.page)).toEqual([{ src: POSTER, loaded: true }])
    await opened.page.getByRole('button', { name: '保存图片' }).click()
    await opened.page.waitForFunction(() => (window as any).__shared.length === 2)
    const [first, second] = await sharedFiles(opened.page)
    expect(second).toEqual(first)
    expect(first).toMatchObject({ name: 'poster.png', type: 'image/png' })
    expect(await opened.page.$('.msi-overlay')).toBeNull()
  })

  it.each([
    [5, 'share'],
    [0, 'download'],
  ])(
    'iPadOS sends a Mac’s user agent: with %i touch points it gets "%s" (an iPad shares, a Mac downloads)',
    async (touchPoints, mode) => {
      const opened = await open(UA.ipadOrMacSafari, { answers: ['ok'] })
      await opened.page.evaluate(
        (points) => Object.defineProperty(Navigator.prototype, 'maxTouchPoints', { get: () => points }),
        touchPoints,
      )
      expect(
        (await opened.tap(`return msi.saveImageToAlbum('${toDataUri(fixtures.png, 'image/png')}')`)).value.mode,
      ).toBe(mode)
    },
  )

  it('where canShare refuses the file, it downloads', async () => {
    const opened = await open(UA.iosSafari, { answers: [], canShare: false })
    expect((await opened.tap(`return msi.saveImageToAlbum('${POSTER}')`)).value.mode).toBe('download')
  })

  it('Android never shares (its sheet has no save action): it downloads even where canShare holds', async () => {
    const opened = await open(UA.androidChrome, { answers: ['ok'] })
    expect((await opened.tap(`return msi.saveImageToAlbum('${POSTER}')`)).value.mode).toBe('download')
    expect(await sharedFiles(opened.page)).toEqual([])
  })
})

describe('a canvas: exported with toBlob, then the same modes as any image', () => {
  /** Draws a red 40×30 poster into a new canvas; `markup` wraps it as Taro H5 or uni H5 render `<canvas canvas-id>`. */
  const DRAW = (markup: 'node' | 'taro' | 'uni', id = 'poster') => `
    const canvas = document.createElement('canvas')
    canvas.width = 40; canvas.height = 30
    const ctx = canvas.getContext('2d'); ctx.fillStyle = '#c00'; ctx.fillRect(0, 0, 40, 30)
    if ('${markup}' === 'taro') { const host = document.createElement('taro-canvas-core'); host.setAttribute('canvas-id', '${id}'); canvas.setAttribute('canvas-id', '${id}'); host.append(canvas); document.body.append(host) }
    if ('${markup}' === 'uni') { const host = document.createElement('uni-canvas'); host.setAttribute('canvas-id', '${id}'); host.append(canvas); document.body.append(host) }`
  const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47]

  it('a Canvas 2D node downloads as image.png with the canvas’s pixels', async () => {
    const opened = await open()
    const outcome = await opened.tap(`${DRAW('node')}; return msi.saveImageToAlbum({ canvas })`)
    expect(outcome).toEqual({
      ok: true,
      value: { errMsg: 'saveImageToAlbum:ok', platform: 'h5', mode: 'download', filePath: 'image.png' },
    })
    const bytes = await bytesOf(await downloadAt(opened, 0))
    expect([...bytes.slice(0, 4)]).toEqual(PNG_SIGNATURE)
    // the IHDR width and height: the canvas's own size
    const view = new DataView(bytes.buffer, bytes.byteOffset)
    expect([view.getUint32(16), view.getUint32(20)]).toEqual([40, 30])
  })

  it.each(['taro', 'uni'] as const)(
    'a legacy canvas-id is found as %s H5 renders it, and jpg is a JPEG',
    async (markup) => {
      const opened = await open()
      const outcome = await opened.tap(
        `${DRAW(markup)}; return msi.saveImageToAlbum({ canvasId: 'poster', fileType: 'jpg', quality: 0.9 })`,
      )
      expect(outcome).toMatchObject({ ok: true, value: { mode: 'download', filePath: 'image.jpg' } })
      expect([...(await bytesOf(await downloadAt(opened, 0))).slice(0, 2)]).toEqual([0xff, 0xd8])
    },
  )

  it('a canvas-id that is not on the page is CANVAS_EXPORT_FAILED, with nothing downloaded', async () => {
    const opened = await open()
    expect(await opened.tap(`return msi.saveImageToAlbum({ canvasId: 'nowhere' })`)).toMatchObject({
      ok: false,
      code: 'CANVAS_EXPORT_FAILED',
      platform: 'h5',
    })
    await noDownloadWithin(opened)
  })

  it('a canvas tainted by a cross-origin image is CANVAS_EXPORT_FAILED (raw: the SecurityError)', async () => {
    const opened = await open()
    const outcome = await opened.tap(`${DRAW('node')}
      const img = new Image(); img.src = '${NO_CORS}'
      return new Promise((resolve, reject) => ((img.onload = resolve), (img.onerror = reject))).then(() => {
        ctx.drawImage(img, 0, 0)
        return msi.saveImageToAlbum({ canvas })
      })`)
    expect(outcome).toMatchObject({ ok: false, code: 'CANVAS_EXPORT_FAILED', raw: 'SecurityError' })
    await noDownloadWithin(opened)
  })

  it('a 0 × 0 canvas is CANVAS_EXPORT_FAILED', async () => {
    const opened = await open()
    expect(
      await opened.tap(
        `const canvas = document.createElement('canvas'); canvas.width = 0; return msi.saveImageToAlbum({ canvas })`,
      ),
    ).toMatchObject({ ok: false, code: 'CANVAS_EXPORT_FAILED' })
  })

  it('in an in-app browser, the canvas is shown in the overlay as its data URI', async () => {
    const opened = await open(UA.wechatAndroid)
    const outcome = await opened.tap(`${DRAW('node')}; return msi.saveImageToAlbum({ canvas })`)
    expect(outcome).toMatchObject({ ok: true, value: { mode: 'overlay' } })
    const [shown] = await overlayImages(opened.page)
    expect(shown).toMatchObject({ src: expect.stringMatching(/^data:image\/png;base64,/), loaded: true })
  })
})
