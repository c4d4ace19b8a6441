// The H5 adapter as built (dist/hosts/h5.mjs), in real headless Chromium: its test page on a local server, the page's
// images, and how a test taps it. Each h5-*.test.ts is one kind of browser, or canvases.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { Download, Page } from 'playwright-core'
import { expect } from 'vitest'
import { fixtures } from '../../src/testing'
import { chromiumSuite, routeImages, serve, stubShare, UA } from './chromium'

export const root = resolve(__dirname, '../..')
export const CDN = 'https://cdn.example.com'
export const POSTER = `${CDN}/poster.png`
export const NO_CORS = 'https://img.other.example/poster.png'
export const MISSING = `${CDN}/missing.png`
export const NOT_IMAGE = `${CDN}/page.png`
export const SLOW = `${CDN}/slow.jpg`

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
/** The page on a local server, in a Chromium launched for the calling test file. */
export const h5Page = () =>
  chromiumSuite(() =>
    serve(root, (req, res) => {
      const answer = OWN[req.url || '']
      if (!answer) return false
      res.writeHead(answer[0], { 'content-type': answer[1] })
      res.end(answer[2])
      return true
    }),
  )
let chromium: ReturnType<typeof h5Page>
/** Registers the test file's Chromium and server: every test file of the H5 adapter calls it once. */
export function useH5Page(): void {
  chromium = h5Page()
}

export interface Opened {
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
export async function downloadAt(opened: Opened, index: number): Promise<Download> {
  await expect.poll(() => opened.downloads.length).toBeGreaterThan(index)
  return opened.downloads[index]!
}

export async function open(
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

export const bytesOf = async (download: Download) => new Uint8Array(readFileSync((await download.path())!))
export const overlayImages = (page: Page) =>
  page.$$eval('.msi-overlay img', (images) =>
    images.map((img) => ({ src: (img as HTMLImageElement).src, loaded: (img as HTMLImageElement).naturalWidth > 0 })),
  )
export const noDownloadWithin = async (opened: Opened, ms = 500) => {
  await opened.page.waitForTimeout(ms)
  expect(opened.downloads.map((d) => d.suggestedFilename())).toEqual([])
}
