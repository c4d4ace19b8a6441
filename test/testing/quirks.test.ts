import { describe, expect, it } from 'vitest'
import type { SimulatedPlatform } from '../../src/testing'
import { createHost, fixtures, type HostResult } from '../../src/testing'
import { invoke } from './invoke'

const URL = 'https://cdn.example.com/render?id=1'
const TAP_ERROR = { errMsg: 'openSetting:fail can only be invoked by user TAP gesture.' }

describe('file type rules', () => {
  it('WeChat: an extension-less temp file fails "invalid file type"; the same bytes with .png save', async () => {
    const host = createHost('weapp', { permission: 'granted' })
    host.downloads.set(URL, { body: fixtures.png }) // no content type → no extension
    const temp = await invoke(host.api.downloadFile, { url: URL })
    expect(temp.res.tempFilePath).toBe('wxfile://tmp_00000001')
    expect(await invoke(host.api.saveImageToPhotosAlbum, { filePath: temp.res.tempFilePath })).toEqual({
      ok: false,
      res: { errMsg: 'saveImageToPhotosAlbum:fail invalid file type' },
    })
    const named = `${host.userDataPath}/poster.png`
    await invoke(host.api.downloadFile, { url: URL, filePath: named })
    expect((await invoke(host.api.saveImageToPhotosAlbum, { filePath: named })).ok).toBe(true)
  })

  it('WeChat: non-image content fails even with an image extension; SVG is not saved', async () => {
    const host = createHost('weapp', { permission: 'granted' })
    host.addFile('/static/page.png', fixtures.html)
    host.addFile('/static/logo.svg', fixtures.svg)
    for (const filePath of ['/static/page.png', '/static/logo.svg']) {
      expect((await invoke(host.api.saveImageToPhotosAlbum, { filePath })).res).toEqual({
        errMsg: 'saveImageToPhotosAlbum:fail invalid file type',
      })
    }
    expect(host.album).toEqual([])
  })

  it.each<[SimulatedPlatform, HostResult]>([
    ['weapp', { errMsg: 'saveImageToPhotosAlbum:fail file not found' }],
    ['tt', { errMsg: 'saveImageToPhotosAlbum:fail file not exists' }],
    ['swan', { errMsg: 'saveImageToPhotosAlbum:fail get file data fail' }],
    ['alipay', { error: 17, errorMessage: '保存图片过程中的其他错误' }],
  ])('%s: a missing file → %o', async (platform, payload) => {
    const host = createHost(platform, { permission: 'granted' })
    expect(await invoke(host.api.saveImageToPhotosAlbum, { filePath: '/static/missing.png' })).toEqual({
      ok: false,
      res: payload,
    })
  })

  it('Douyin and Baidu have no extension rule but need image bytes (jpeg/png/bmp/gif/webp)', async () => {
    for (const platform of ['tt', 'swan'] as SimulatedPlatform[]) {
      const host = createHost(platform, { permission: 'granted' })
      host.addFile('/static/noext', fixtures.bmp)
      host.addFile('/static/logo.png', fixtures.svg)
      expect((await invoke(host.api.saveImageToPhotosAlbum, { filePath: '/static/noext' })).ok).toBe(true)
      expect((await invoke(host.api.saveImageToPhotosAlbum, { filePath: '/static/logo.png' })).res).toEqual({
        errMsg: 'saveImageToPhotosAlbum:fail invalid file type',
      })
      expect(host.album.map((entry) => entry.format)).toEqual(['bmp'])
    }
  })

  it('Alipay: non-image content is error 17', async () => {
    const host = createHost('alipay', { permission: 'granted' })
    host.addFile('https://resource/1.other', fixtures.html)
    expect((await invoke(host.api.saveImageToPhotosAlbum, { filePath: 'https://resource/1.other' })).res).toEqual({
      error: 17,
      errorMessage: '保存图片过程中的其他错误',
    })
  })
})

describe('Alipay specifics', () => {
  const POSTER = 'https://cdn.example.com/poster.jpg'

  it('saves a network URL directly (fetched from downloads); unknown or failing URLs are 17', async () => {
    const host = createHost('alipay', { permission: 'granted' })
    host.downloads.set(POSTER, { body: fixtures.jpeg, contentType: 'image/jpeg' })
    host.downloads.set('https://cdn.example.com/404.png', { status: 404, body: fixtures.html })
    expect(await invoke(host.api.saveImageToPhotosAlbum, { filePath: POSTER, hideToast: true })).toEqual({
      ok: true,
      res: { success: true },
    })
    expect(host.album[0]).toMatchObject({ path: POSTER, format: 'jpeg' })
    expect(
      (await invoke(host.api.saveImageToPhotosAlbum, { filePath: 'https://cdn.example.com/404.png' })).res.error,
    ).toBe(17)
    expect(
      (await invoke(host.api.saveImageToPhotosAlbum, { filePath: 'https://cdn.example.com/unknown.png' })).res.error,
    ).toBe(17)
    expect(host.count('downloadFile')).toBe(0)
  })

  it('its own https:// local paths are files, not URLs', async () => {
    const host = createHost('alipay', { permission: 'granted' })
    host.addFile('https://usr/a.png', fixtures.png)
    host.downloads.set('https://usr/a.png', { status: 500 })
    expect((await invoke(host.api.saveImageToPhotosAlbum, { filePath: 'https://usr/a.png' })).ok).toBe(true)
  })

  it('the host toast appears on Android unless hideToast is set, never on iOS', async () => {
    const host = createHost('alipay', { permission: 'granted' })
    host.addFile('/a.png', fixtures.png)
    await invoke(host.api.saveImageToPhotosAlbum, { filePath: '/a.png' })
    expect(host.ui).toEqual([{ type: 'toast', title: '已保存到系统相册' }])
    await invoke(host.api.saveImageToPhotosAlbum, { filePath: '/a.png', hideToast: true })
    host.state.client = 'ios'
    await invoke(host.api.saveImageToPhotosAlbum, { filePath: '/a.png' })
    expect(host.ui).toHaveLength(1)
    expect(host.album).toHaveLength(3)
  })

  it('an old client has only saveImage({url}); canIUse tells', async () => {
    const host = createHost('alipay', { permission: 'granted', canIUseSaveImageToPhotosAlbum: false })
    expect(host.api.saveImageToPhotosAlbum).toBeUndefined()
    expect(host.api.canIUse('saveImageToPhotosAlbum')).toBe(false)
    expect(host.api.canIUse('saveImage')).toBe(true)
    host.downloads.set(POSTER, { body: fixtures.jpeg })
    expect(await invoke(host.api.saveImage, { url: POSTER, showActionSheet: false })).toEqual({ ok: true, res: {} })
    expect(host.album).toHaveLength(1)
    expect(host.ui).toEqual([])
    host.state.canIUseSaveImageToPhotosAlbum = true
    expect(typeof host.api.saveImageToPhotosAlbum).toBe('function')
  })
})

describe('Alipay overlapping-call bug (docs/en/hosts/alipay.md#quirks)', () => {
  it('raw calls started while one is in flight save the image but never call back', async () => {
    const host = createHost('alipay', { permission: 'granted' })
    host.addFile('/a.png', fixtures.png)
    const answered: number[] = []
    for (let i = 0; i < 4; i++)
      host.api.saveImageToPhotosAlbum({
        filePath: '/a.png',
        hideToast: true,
        success: () => answered.push(i),
        fail: () => answered.push(-i),
        complete: () => answered.push(100 + i),
      })
    host.api.saveImage!({ url: '/a.png', complete: () => answered.push(999) })
    await host.idle()
    expect(answered).toEqual([0, 100])
    expect(host.album).toHaveLength(5)
  })

  it('sequential calls (each after the previous complete) all call back', async () => {
    const host = createHost('alipay', { permission: 'granted', latency: 2 })
    host.addFile('/a.png', fixtures.png)
    for (let i = 0; i < 3; i++)
      expect((await invoke(host.api.saveImageToPhotosAlbum, { filePath: '/a.png', hideToast: true })).ok).toBe(true)
    expect(host.album).toHaveLength(3)
  })

  it('other hosts answer every overlapping call', async () => {
    const host = createHost('weapp', { permission: 'granted' })
    host.addFile('/a.png', fixtures.png)
    const results = await Promise.all(
      Array.from({ length: 4 }, () => invoke(host.api.saveImageToPhotosAlbum, { filePath: '/a.png' })),
    )
    expect(results.every((r) => r.ok)).toBe(true)
  })
})

describe('openSetting gesture rule (WeChat ≥ 2.3.0)', () => {
  it('fails outside a tap, without opening the page', async () => {
    const host = createHost('weapp', { permission: 'denied' })
    expect(await invoke(host.api.openSetting)).toEqual({ ok: false, res: TAP_ERROR })
    expect(host.ui).toEqual([])
    expect(host.state.permission).toBe('denied')
  })

  it('works synchronously inside tap()', async () => {
    const host = createHost('weapp', { permission: 'denied' })
    const result = await host.tap(() => invoke(host.api.openSetting))
    expect(result).toEqual({
      ok: true,
      res: { errMsg: 'openSetting:ok', authSetting: { 'scope.writePhotosAlbum': true } },
    })
    expect(host.ui).toEqual([{ type: 'settings' }])
  })

  it('fails after an await inside the tap handler', async () => {
    const host = createHost('weapp', { permission: 'denied' })
    const result = await host.tap(async () => {
      await Promise.resolve()
      return invoke(host.api.openSetting)
    })
    expect(result.res).toEqual(TAP_ERROR)
  })

  it('works inside a showModal success callback (a button press is a tap), not after it', async () => {
    const host = createHost('weapp', { permission: 'denied' })
    const inside = await new Promise<{ ok: boolean; res: HostResult }>((resolve) => {
      host.api.showModal({ title: '需要权限', success: () => resolve(invoke(host.api.openSetting)) })
    })
    expect(inside.ok).toBe(true)
    host.state.permission = 'denied'
    const later = await new Promise<{ ok: boolean; res: HostResult }>((resolve) => {
      host.api.showModal({
        title: '需要权限',
        success: () => void Promise.resolve().then(() => resolve(invoke(host.api.openSetting))),
      })
    })
    expect(later.res).toEqual(TAP_ERROR)
    // the promisified form resolves in a microtask: outside the gesture too
    await host.api.showModal({ title: 'x' })
    expect((await invoke(host.api.openSetting)).ok).toBe(false)
  })

  it('a cancel press is a tap too: complete runs inside the gesture', async () => {
    const host = createHost('weapp', { permission: 'denied', modal: 'cancel' })
    const result = await new Promise<{ ok: boolean; res: HostResult }>((resolve) => {
      host.api.showModal({ complete: () => resolve(invoke(host.api.openSetting)) })
    })
    expect(result.ok).toBe(true)
  })

  it('other hosts need no tap unless told to', async () => {
    for (const platform of ['tt', 'alipay', 'swan'] as SimulatedPlatform[]) {
      const host = createHost(platform, { permission: 'denied' })
      expect((await invoke(host.api.openSetting)).ok).toBe(true)
    }
    const strict = createHost('tt', { gestureRequired: true })
    expect((await invoke(strict.api.openSetting)).res).toEqual(TAP_ERROR)
    const relaxed = createHost('weapp', { gestureRequired: false, permission: 'denied' })
    expect((await invoke(relaxed.api.openSetting)).ok).toBe(true)
  })
})
