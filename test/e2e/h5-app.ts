// An example app's H5 build, served on localhost and tapped in real headless Chromium: what each kind
// of browser gives the user. Shared by the Taro and uni-app e2e tests (both examples have the same page).
import { mkdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { Download, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { fixtures } from '../../src/testing'
import {
  chromiumSuite,
  routeImages,
  serve,
  sharedFiles,
  solidPng,
  stubShare,
  UA,
  type ImageRoute,
} from '../browser/chromium'

export interface ExampleImages {
  POSTER_URL: string
  CANVAS_DATA_URI: string
  BATCH: readonly string[]
  QR_SVG_URL: string
  VIDEO_URL: string
}

/** The overlay hint both examples configure as the plugin's app-wide `hint`. */
export const CONFIGURED_HINT = '长按海报，保存到相册'
const ARTIFACTS = resolve(__dirname, '../../test-results/h5')
const POSTER = solidPng(240, 320, [214, 48, 49])

interface Opened {
  page: Page
  downloads: Download[]
  tap(label: string): Promise<void>
  /** The status line once `label`'s work has finished. */
  status(label: string): Promise<string>
}

const bytesOf = async (download: Download) => new Uint8Array(readFileSync((await download.path())!))

/**
 * Chromium scenarios for one H5 build of an example app; `build` resolves its output folder. `lifecycle`: what
 * the page's `.lifecycle` line shows once the framework's hooks ran (Taro: useLoad, useDidShow), checked on every
 * page load.
 */
export function describeH5App(name: string, images: ExampleImages, build: () => Promise<string>, lifecycle?: string) {
  describe(`${name} in Chromium`, () => {
    const chromium = chromiumSuite(async () => serve(await build()), 5 * 60_000)
    const canvasBytes = new Uint8Array(Buffer.from(images.CANVAS_DATA_URI.split(',')[1]!, 'base64'))

    async function open(userAgent: string, poster: Partial<ImageRoute> = {}, share?: string[]): Promise<Opened> {
      const context = await chromium.newContext({
        userAgent,
        acceptDownloads: true,
        viewport: { width: 390, height: 844 },
      })
      if (share) await stubShare(context, share)
      await routeImages(context, {
        [images.POSTER_URL]: { body: POSTER, type: 'image/png', ...poster },
        [images.QR_SVG_URL]: { body: fixtures.svg, type: 'image/svg+xml' },
        [images.VIDEO_URL]: { body: fixtures.mp4, type: 'video/mp4' },
        ...Object.fromEntries(images.BATCH.map((url) => [url, { body: fixtures.jpeg, type: 'image/jpeg' }])),
      })
      const page = await context.newPage()
      const downloads: Download[] = []
      page.on('download', (download) => downloads.push(download))
      await page.goto(`${chromium.url}/`)
      const statusLine = page.locator('.status').first()
      await expect.poll(() => statusLine.textContent(), { timeout: 15_000 }).toBe('ready')
      if (lifecycle !== undefined)
        await expect.poll(() => page.locator('.lifecycle').first().textContent()).toBe(lifecycle)
      return {
        page,
        downloads,
        tap: (label) => page.getByText(label, { exact: true }).first().click(),
        async status(label) {
          await expect
            .poll(async () => (await statusLine.textContent()) ?? '', { timeout: 15_000 })
            .toMatch(new RegExp(`^${label}: (?!saving)`))
          return (await statusLine.textContent()) ?? ''
        },
      }
    }

    it('desktop Chrome: each button hands the browser a typed file to download, with its bytes', async () => {
      const { tap, status, downloads, page } = await open(UA.desktopChrome)
      await tap('Save poster (URL)')
      expect(await status('poster')).toBe('poster: download poster.png')
      await tap('Save canvas (base64)')
      expect(await status('canvas')).toBe('canvas: download image.png')
      await tap('Save batch of 3')
      expect(await status('batch')).toBe('batch: 3/3 download')
      // Playwright's download events can trail the page's clicks on a busy machine
      await expect.poll(() => downloads.length).toBe(5)
      const names = downloads.map((d) => d.suggestedFilename())
      expect(names.slice(0, 2)).toEqual(['poster.png', 'image.png'])
      // a batch's three quick downloads are reported once started, not always in click order
      expect(names.slice(2).sort()).toEqual(['1.jpg', '2.jpg', '3.jpg'])
      expect(await bytesOf(downloads[0]!)).toEqual(POSTER)
      expect(await bytesOf(downloads[1]!)).toEqual(canvasBytes)
      expect(await bytesOf(downloads[4]!)).toEqual(fixtures.jpeg)
      // a browser has no album permission to open
      await tap('Open settings')
      expect(await status('settings')).toBe('settings: UNSUPPORTED_PLATFORM')
      expect(await page.locator('.msi-overlay').count()).toBe(0)
    })

    it('a poster drawn on the page’s canvas downloads as a PNG of the canvas, straight from the canvas', async () => {
      const { tap, status, downloads } = await open(UA.desktopChrome)
      await tap('Draw and save (canvas)')
      expect(await status('drawn')).toBe('drawn: download image.png')
      const bytes = await bytesOf(downloads[0]!)
      expect([...bytes.slice(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
      // the drawn red is in it: not an empty canvas
      expect(bytes.length).toBeGreaterThan(100)
    })

    it('a QR code served as SVG is drawn on a <canvas> and downloads as a PNG', async () => {
      const { tap, status, downloads } = await open(UA.desktopChrome)
      await tap('Save QR code (SVG)')
      expect(await status('qr')).toBe('qr: download image.png (as png)')
      await expect.poll(() => downloads.length).toBe(1)
      const bytes = await bytesOf(downloads[0]!)
      expect([...bytes.slice(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
    })

    it('a video downloads as a typed .mp4 named after its URL, never reported as saved to an album', async () => {
      const { tap, status, downloads } = await open(UA.desktopChrome)
      await tap('Save video')
      expect(await status('video')).toBe('video: download clip.mp4')
      await expect.poll(() => downloads.length).toBe(1)
      const bytes = await bytesOf(downloads[0]!)
      expect(Buffer.from(bytes.slice(4, 8)).toString('latin1')).toBe('ftyp')
    })

    it('WeChat’s browser: no download, but the poster in a closable overlay with the configured hint', async () => {
      const { tap, status, downloads, page } = await open(UA.wechatAndroid)
      await tap('Save poster (URL)')
      expect(await status('poster')).toBe(`poster: overlay ${images.POSTER_URL}`)
      const dialog = page.getByRole('dialog', { name: CONFIGURED_HINT })
      expect(await dialog.isVisible()).toBe(true)
      const image = dialog.locator('img')
      expect(await image.getAttribute('src')).toBe(images.POSTER_URL)
      expect(await image.evaluate((img: HTMLImageElement) => [img.naturalWidth, img.naturalHeight])).toEqual([240, 320])
      mkdirSync(ARTIFACTS, { recursive: true })
      await page.screenshot({ path: join(ARTIFACTS, `${name.replace(/\W+/g, '-')}-wechat-overlay.png`) })
      await page.getByRole('button', { name: '关闭' }).click()
      expect(await page.locator('.msi-overlay').count()).toBe(0)
      expect(downloads).toEqual([])
    })

    it('a CDN without CORS cannot be read by the page: the poster is shown in the overlay instead', async () => {
      const { tap, status, downloads, page } = await open(UA.desktopChrome, { cors: false })
      await tap('Save poster (URL)')
      expect(await status('poster')).toBe(`poster: overlay ${images.POSTER_URL}`)
      expect(await page.locator('.msi-overlay img').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(240)
      expect(downloads).toEqual([])
    })

    it('a poster that is not there (404) shows DOWNLOAD_FAILED in the status line', async () => {
      const { tap, status, page } = await open(UA.desktopChrome, {
        status: 404,
        body: fixtures.html,
        type: 'text/html',
      })
      await tap('Save poster (URL)')
      expect(await status('poster')).toBe('poster: DOWNLOAD_FAILED')
      // a production build: the code alone (the development build adds "download: HTTP 404 for …")
      expect(await page.locator('.detail').textContent()).toBe('saveImageToAlbum:fail DOWNLOAD_FAILED')
    })

    it('iOS Safari: the canvas is shared as image.png with its bytes (the sheet’s "Save Image" puts it in Photos)', async () => {
      const { tap, status, page, downloads } = await open(UA.iosSafari, {}, ['ok'])
      await tap('Save canvas (base64)')
      expect(await status('canvas')).toBe('canvas: share image.png')
      expect(await sharedFiles(page)).toEqual([
        { name: 'image.png', type: 'image/png', bytes: Array.from(canvasBytes) },
      ])
      expect(downloads).toEqual([])
    })

    it('iOS Safari: closing the share sheet is USER_CANCELLED', async () => {
      const { tap, status } = await open(UA.iosSafari, {}, ['AbortError'])
      await tap('Save canvas (base64)')
      expect(await status('canvas')).toBe('canvas: USER_CANCELLED')
    })
  })
}
