import { describe, expect, it } from 'vitest'
import { fixtures, toDataUri } from '../../src/testing'
import { UA } from './chromium'
import { CDN, MISSING, noDownloadWithin, open, overlayImages, POSTER, useH5Page } from './h5-page'

useH5Page()

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
