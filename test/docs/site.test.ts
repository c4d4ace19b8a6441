import { existsSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { chromiumSuite, serve } from '../browser/chromium'

// The docs site as `npm run docs:build` built it (npm test builds it before vitest; VitePress fails that build on a
// dead link), opened in Chromium: each page renders its own content in its own language. Screenshots go to
// test-results/docs/ as the test's artifacts.

const root = join(__dirname, '../..')
const site = join(root, 'docs/.vitepress/dist')
const shots = join(root, 'test-results/docs')

const PAGES = [
  { path: '/', lang: 'zh-CN', heading: 'mp-save-image', text: '一个调用，保存图片到相册', shot: 'home-zh.png' },
  { path: '/en/', lang: 'en-US', heading: 'mp-save-image', text: 'One call to save an image', shot: 'home-en.png' },
  { path: '/hosts/weapp.html', lang: 'zh-CN', heading: '微信', text: 'scope.writePhotosAlbum', shot: 'weapp-zh.png' },
  {
    path: '/en/hosts/weapp.html',
    lang: 'en-US',
    heading: 'WeChat',
    text: 'scope.writePhotosAlbum',
    shot: 'weapp-en.png',
  },
  { path: '/en/api/', lang: 'en-US', heading: 'API reference', text: 'saveImageToAlbum', shot: 'api-en.png' },
  { path: '/api/', lang: 'zh-CN', heading: 'API 参考', text: '函数一览', shot: 'api-zh.png' },
  {
    path: '/guide/faq.html',
    lang: 'zh-CN',
    heading: '常见问题',
    text: 'NSPhotoLibraryAddUsageDescription',
    shot: 'faq-zh.png',
  },
  {
    path: '/en/guide/migration.html',
    lang: 'en-US',
    heading: 'Migrating',
    text: 'saveImageToPhotosAlbum',
    shot: 'migration-en.png',
  },
  {
    path: '/en/guide/video.html',
    lang: 'en-US',
    heading: 'Videos',
    text: 'saveVideoToPhotosAlbum',
    shot: 'video-en.png',
  },
]

describe('the docs site', () => {
  if (!existsSync(join(site, 'index.html'))) throw new Error('no docs/.vitepress/dist: run `npm run docs:build` first')
  const browser = chromiumSuite(() => serve(site))

  it.each(PAGES)('$path renders in $lang', async ({ path, lang, heading, text, shot }) => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    const page = await context.newPage()
    const errors: string[] = []
    page.on('pageerror', (error) => errors.push(String(error)))
    await page.goto(browser.url + path, { waitUntil: 'networkidle' })
    expect(await page.getAttribute('html', 'lang')).toBe(lang)
    const main = page.locator('.VPContent')
    await expect.poll(() => main.locator('h1').first().innerText()).toContain(heading)
    expect(await main.innerText()).toContain(text)
    // the theme hydrated: the sidebar or the home hero is there, and no script failed
    expect(await page.locator('.VPNav').count()).toBe(1)
    expect(errors).toEqual([])
    mkdirSync(shots, { recursive: true })
    await page.screenshot({ path: join(shots, shot), fullPage: false })
  })
})
