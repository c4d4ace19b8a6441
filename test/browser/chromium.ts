// Real headless Chromium (Debian's /usr/bin/chromium, driven by playwright-core) and a static server on
// localhost, shared by the H5 adapter tests and the example apps' H5 tests.
import { existsSync, readFileSync, statSync } from 'node:fs'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize } from 'node:path'
import { deflateSync } from 'node:zlib'
import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Page,
  type Route,
} from 'playwright-core'
import { afterAll, afterEach, beforeAll } from 'vitest'
import { CHROMIUM_ARGS, findChromium, type FoundChromium } from './find-chromium'

/** User agents, one per rule of the H5 adapter (platforms/h5.ts), plus browsers that are not in-app. */
export const UA = {
  desktopChrome:
    'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36',
  androidChrome:
    'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36',
  iosSafari:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
  /** iPadOS Safari asks for desktop pages: a Mac's user agent, told apart by its touch points. */
  ipadOrMacSafari:
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15',
  qqBrowser:
    'Mozilla/5.0 (Linux; U; Android 13; zh-cn; V2227A Build/TP1A.220624.014) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/109.0.5414.86 MQQBrowser/14.6 Mobile Safari/537.36',
  wechatAndroid:
    'Mozilla/5.0 (Linux; Android 14; NOH-AN00 Build/HUAWEINOH-AN00; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/116.0.0.0 Mobile Safari/537.36 XWEB/1160117 MMWEBSDK/20240301 MMWEBID/1234 MicroMessenger/8.0.49.2600(0x2800313B) WeChat/arm64 Weixin NetType/WIFI Language/zh_CN ABI/arm64',
  wechatIOS:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.50(0x1800322c) NetType/WIFI Language/zh_CN',
  wecom:
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/116.0.0.0 Safari/537.36 wxwork/4.1.22 MicroMessenger/7.0.1 Language/zh ColorScheme/Light',
  qq: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 QQ/9.0.60.611 V1_IPH_SQ_9.0.60_1_APP_A Pixel/1179 Core/WKWebView Device/Apple(iPhone 15 Pro) NetType/WIFI QBWebViewType/1 WKType/1',
  douyin:
    'Mozilla/5.0 (Linux; Android 14; 23127PN0CC Build/UKQ1.230804.001) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/110.0.5481.154 Mobile Safari/537.36 aweme_290900 JsSdk/1.0 NetType/WIFI Channel/xiaomi_1128_64 app_version/29.9.0 ByteLocale/zh-CN Region/CN AppTheme/light BytedanceWebview/d8a21c6',
  tiktok:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 musical_ly_34.1.0 JsSdk/2.0 NetType/WIFI Channel/App Store ByteLocale/en Region/US',
  alipay:
    'Mozilla/5.0 (Linux; U; Android 14; zh-CN; NOH-AN00 Build/HUAWEINOH-AN00) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/69.0.3497.100 UWS/3.22.2.9999 UCBS/3.22.2.9999_220000000000 Mobile Safari/537.36 NebulaSDK/1.8.100112 Nebula AlipayDefined(nt:WIFI,ws:360|0|3.0) AliApp(AP/10.6.0.9000) AlipayClient/10.6.0.9000 Language/zh-Hans useStatusBar/true isConcaveScreen/true Region/CN',
  kuaishou:
    'Mozilla/5.0 (Linux; Android 14; V2309A Build/UP1A.231005.007; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/116.0.0.0 Mobile Safari/537.36 Kwai/12.1.20.38066 Yoda/3.2.12-rc1 ksNebula/12.1.20.6600 OS_PRO_BIT/64 MAX_PHY_MEM/11604 KDT/PHONE AZPREFIX/az1 ICFO/0 StatusHT/34 TitleHT/44 NetType/WIFI ISLP/0 ISDM/0 ISLB/0 locale/zh-cn CT/0 ISLM/0 Kuaishou',
  weibo:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Weibo (iPhone15,2__weibo__14.6.1__iphone__os17.5)',
  dingtalk:
    'Mozilla/5.0 (Linux; U; Android 14; zh-CN; NOH-AN00 Build/HUAWEINOH-AN00) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/69.0.3497.100 UWS/3.22.1.233 Mobile Safari/537.36 AliApp(DingTalk/7.5.15) com.alibaba.android.rimet/36011567 Channel/700159 language/zh-CN abi/64 UT4Aplus/0.2.25 colorScheme/light',
  feishu:
    'Mozilla/5.0 (Linux; Android 14; NOH-AN00 Build/HUAWEINOH-AN00; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/116.0.5845.114 Mobile Safari/537.36 Lark/7.14.6 LarkLocale/zh_CN ChannelName/Feishu TTWebView/1160117003032',
  baidu:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 SP-engine/2.96.0 main%2F1.0 baiduboxapp/13.57.0.10 (Baidu; P2 17.5) NABar/1.0',
  facebook:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 [FBAN/FBIOS;FBAV/466.0.0.37.104;FBBV/613423513;FBDV/iPhone15,2;FBMD/iPhone;FBSN/iOS;FBSV/17.5;FBSS/3;FBCR/;FBID/phone;FBLC/en_US;FBOP/80]',
  instagram:
    'Mozilla/5.0 (Linux; Android 14; Pixel 8 Build/AP2A.240605.024; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/126.0.6478.71 Mobile Safari/537.36 Instagram 337.0.0.35.102 Android',
  androidWebView:
    'Mozilla/5.0 (Linux; Android 14; Pixel 8 Build/AP2A.240605.024; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/126.0.6478.71 Mobile Safari/537.36',
  iosWebView:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148',
} as const

let found: Promise<FoundChromium> | undefined

/** Headless Chromium: the browser find-chromium.ts finds (test/global-setup.ts found it first, or said why not). */
export function launchChromium(): Promise<Browser> {
  found ??= findChromium().then((chromium) => {
    if (chromium instanceof Error) throw chromium
    return chromium
  })
  return found.then(({ executablePath, env }) =>
    chromium.launch({ executablePath, args: CHROMIUM_ARGS, env: { ...process.env, ...env } as Record<string, string> }),
  )
}

export interface ChromiumSuite {
  /** The served site's origin. */
  readonly url: string
  /** A fresh context (closed after the test). */
  newContext(options?: BrowserContextOptions): Promise<BrowserContext>
}

/** For the enclosing suite: Chromium, the site `start` serves, and a fresh browser context per test. */
export function chromiumSuite(start: () => Promise<Served>, timeout = 60_000): ChromiumSuite {
  let browser: Browser | undefined
  let server: Served | undefined
  let context: BrowserContext | undefined
  beforeAll(async () => {
    server = await start()
    browser = await launchChromium()
  }, timeout)
  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })
  afterEach(async () => {
    await context?.close()
    context = undefined
  })
  return {
    get url() {
      return server!.url
    },
    async newContext(options) {
      context = await browser!.newContext(options)
      return context
    },
  }
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
}

export interface Served {
  url: string
  close(): Promise<void>
}

/**
 * Serves `dir` on localhost (index.html for any path that is not a file, as an SPA host does).
 * `extra` answers a request first when it returns true.
 */
export function serve(dir: string, extra?: (req: IncomingMessage, res: ServerResponse) => boolean): Promise<Served> {
  const server = createServer((req, res) => {
    if (extra && extra(req, res)) return
    let file = join(dir, normalize(decodeURIComponent((req.url || '/').split('?')[0] || '/')))
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html')
    if (!file.startsWith(dir) || !existsSync(file)) file = join(dir, 'index.html')
    res.writeHead(200, { 'content-type': TYPES[extname(file)] || 'application/octet-stream' })
    res.end(readFileSync(file))
  })
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo
      resolve({ url: `http://localhost:${port}`, close: () => new Promise<void>((done) => server.close(() => done())) })
    }),
  )
}

export interface ImageRoute {
  status?: number
  body: Uint8Array
  type: string
  /** Allow any origin to read it (default true); false allows only another origin, as a CDN without CORS for this page. */
  cors?: boolean
}

/** Answers image URLs offline: the example's CDN, with or without CORS, or an HTTP error. */
export async function routeImages(
  context: BrowserContext | Page,
  images: Record<string, ImageRoute>,
): Promise<string[]> {
  const requested: string[] = []
  for (const [url, image] of Object.entries(images)) {
    await context.route(url, (route: Route) => {
      requested.push(url)
      return route.fulfill({
        status: image.status ?? 200,
        body: Buffer.from(image.body),
        // Playwright adds an Access-Control-Allow-Origin for the page where none is given, so "no CORS" names another origin
        headers: {
          'content-type': image.type,
          'access-control-allow-origin': image.cors === false ? 'https://elsewhere.example' : '*',
        },
      })
    })
  }
  return requested
}

/**
 * Stubs Web Share level 2 in every page of a context (headless Chromium on Linux has none): `canShare` says
 * `canShare`; each `share()` answers with the next of `answers` ('ok' or a DOMException name) and records
 * the files' name, type and bytes in `window.__shared`.
 */
export async function stubShare(context: BrowserContext, answers: string[], canShare = true): Promise<void> {
  await context.addInitScript(
    ({ answers, canShare }) => {
      const shared: { name: string; type: string; bytes: number[] }[] = []
      Object.assign(window, { __shared: shared })
      Object.defineProperty(Navigator.prototype, 'canShare', {
        configurable: true,
        value: (data: { files?: File[] }) => canShare && !!data.files,
      })
      Object.defineProperty(Navigator.prototype, 'share', {
        configurable: true,
        value: async (data: { files: File[] }) => {
          for (const file of data.files)
            shared.push({
              name: file.name,
              type: file.type,
              bytes: Array.from(new Uint8Array(await file.arrayBuffer())),
            })
          const answer = answers.shift() ?? 'ok'
          if (answer !== 'ok') throw new DOMException(`share refused: ${answer}`, answer)
        },
      })
    },
    { answers, canShare },
  )
}

/** The files `stubShare` recorded. */
export const sharedFiles = (page: Page) =>
  page.evaluate(() => (window as unknown as { __shared: { name: string; type: string; bytes: number[] }[] }).__shared)

/** A solid-colour PNG of any size: a poster worth looking at in a screenshot. */
export function solidPng(width: number, height: number, [r, g, b]: [number, number, number]): Uint8Array {
  const row = Buffer.alloc(1 + width * 3)
  for (let x = 0; x < width; x++) row.set([r, g, b], 1 + x * 3)
  const raw = Buffer.concat(Array.from({ length: height }, () => row))
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
    const out = Buffer.alloc(12 + data.length)
    out.writeUInt32BE(data.length, 0)
    body.copy(out, 4)
    out.writeUInt32BE(crc32(body), 8 + data.length)
    return out
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header.set([8, 2, 0, 0, 0], 8)
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
  return new Uint8Array(
    Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]),
  )
}

function crc32(bytes: Buffer): number {
  let crc = ~0
  for (const byte of bytes) {
    crc ^= byte
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1))
  }
  return ~crc >>> 0
}
