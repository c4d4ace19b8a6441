import { afterEach, describe, expect, it } from 'vitest'
import type { SimulatedPlatform } from '../../src/testing'
import { createHost, fixtures, installHost, type SimulatedHost } from '../../src/testing'
import { invoke } from './invoke'

// The simulated hosts' modals, paths, install, and the hosts without an album scope (DingTalk, HarmonyOS atomic services).
const URL = 'https://cdn.example.com/poster.png'

describe('modals', () => {
  it('showModal records the modal and answers {confirm, cancel} from state.modal', async () => {
    const host = createHost('weapp')
    const texts = { title: 'T', content: 'C', confirmText: '去设置', cancelText: '取消' }
    expect((await invoke(host.api.showModal, { ...texts, showCancel: true })).res).toEqual({
      errMsg: 'showModal:ok',
      confirm: true,
      cancel: false,
    })
    host.state.modal = 'cancel'
    expect((await invoke(host.api.showModal, texts)).res).toEqual({
      errMsg: 'showModal:ok',
      confirm: false,
      cancel: true,
    })
    expect(host.ui).toEqual([
      { type: 'modal', ...texts },
      { type: 'modal', ...texts },
    ])
  })

  it('a modal function sees the event and decides', async () => {
    const seen: unknown[] = []
    const host = createHost('tt', {
      modal: (event) => {
        seen.push(event)
        return event.title === 'yes'
      },
    })
    expect((await invoke(host.api.showModal, { title: 'yes' })).res.confirm).toBe(true)
    expect((await invoke(host.api.showModal, { title: 'no' })).res.confirm).toBe(false)
    expect(seen).toEqual([
      { type: 'modal', title: 'yes' },
      { type: 'modal', title: 'no' },
    ])
  })

  it('Alipay confirm maps confirmButtonText/cancelButtonText and answers {confirm} only', async () => {
    const host = createHost('alipay', { modal: 'cancel' })
    const res = await invoke(host.api.confirm, {
      title: 'T',
      content: 'C',
      confirmButtonText: '去设置',
      cancelButtonText: '不了',
    })
    expect(res).toEqual({ ok: true, res: { confirm: false } })
    expect(host.ui).toEqual([{ type: 'modal', title: 'T', content: 'C', confirmText: '去设置', cancelText: '不了' }])
    expect((await invoke(host.api.showModal, { title: 'x' })).res).toEqual({ confirm: false })
  })

  it('only Alipay has confirm and saveImage; only the others have authorize', () => {
    for (const platform of ['weapp', 'tt', 'swan'] as SimulatedPlatform[]) {
      const host = createHost(platform)
      expect(typeof host.api.authorize).toBe('function')
      expect(host.api.confirm).toBeUndefined()
      expect(host.api.saveImage).toBeUndefined()
    }
    const alipay = createHost('alipay')
    expect(alipay.api.authorize).toBeUndefined()
    expect(typeof alipay.api.confirm).toBe('function')
    expect(typeof alipay.api.saveImage).toBe('function')
  })
})

describe('WeChat devtools paths', () => {
  it('uses http://usr and http://tmp/<id>.<ext>', async () => {
    const host = createHost('weapp', { client: 'devtools' })
    host.downloads.set(URL, { body: fixtures.gif, contentType: 'image/gif; charset=binary' })
    const download = await invoke(host.api.downloadFile, { url: URL })
    expect(host.userDataPath).toBe('http://usr')
    expect(download.res.tempFilePath).toBe('http://tmp/00000001.gif')
  })
})

describe('install', () => {
  let installed: SimulatedHost | undefined
  afterEach(() => installed?.uninstall())

  it('puts the api on the global and restores what was there', () => {
    const scope = globalThis as unknown as Record<string, unknown>
    expect(scope.swan).toBeUndefined()
    installed = installHost('swan')
    expect(scope.swan).toBe(installed.api)
    installed.uninstall()
    expect('swan' in scope).toBe(false)

    scope.tt = 'previous'
    installed = createHost('tt').install()
    expect(scope.tt).toBe(installed.api)
    installed.uninstall()
    expect(scope.tt).toBe('previous')
    delete scope.tt
  })

  it('rejects an unknown platform', () => {
    expect(() => createHost('qqq' as SimulatedPlatform)).toThrow(/unknown platform/)
  })

  it('state and options are one mutable object with the documented defaults', () => {
    const host = createHost('weapp', { client: undefined, latency: 3 })
    expect(host.options).toBe(host.state)
    expect(host.state).toEqual({
      client: 'android',
      permission: 'not-asked',
      prompt: 'allow',
      systemPermission: true,
      privacy: 'agreed',
      privacyAnswer: 'agree',
      saveMedia: true,
      modal: 'confirm',
      settings: 'enable',
      latency: 3,
      userDataQuota: 10 * 1024 * 1024,
      canIUseSaveImageToPhotosAlbum: true,
      gestureRequired: true,
      web: false,
      errorField: 'errNo',
      version: '',
      sdkVersion: '',
      headersEvent: true,
      account: 'enterprise',
    })
    expect(createHost('tt').state).toMatchObject({ userDataQuota: 50 * 1024 * 1024, gestureRequired: false })
    expect(createHost('alipay').state).toMatchObject({ userDataQuota: 50 * 1024 * 1024, gestureRequired: false })
    expect(createHost('swan').state).toMatchObject({ userDataQuota: 10 * 1024 * 1024, gestureRequired: false })
  })
})

describe('dd (DingTalk) [D open.dingtalk.com]', () => {
  it('the Alipay container on `dd`: temp paths, `{ success }`, the host’s own toast; no scope, getSetting or openSetting', async () => {
    const host = createHost('dd', { client: 'ios' })
    expect(host.globalName).toBe('dd')
    expect(host.api.openSetting).toBeUndefined()
    expect(host.api.getSetting).toBeUndefined()
    expect(host.api.authorize).toBeUndefined()
    host.downloads.set(URL, { body: fixtures.png, contentType: 'image/png' })
    const download = await invoke(host.api.downloadFile, { url: URL })
    expect(download.res.apFilePath).toBe('https://resource/00000001.image')
    host.state.permission = 'denied' // no scope to deny: the save goes through
    const saved = await invoke(host.api.saveImageToPhotosAlbum, { filePath: download.res.apFilePath, hideToast: true })
    expect(saved).toEqual({ ok: true, res: { success: true } })
    expect(host.ui).toEqual([{ type: 'toast', title: '保存成功' }])
  })

  it('iOS album permission off → 15; a client below 7.0.0 has only saveImage({ url }), which takes URLs', async () => {
    const host = createHost('dd', { client: 'ios', systemPermission: false, canIUseSaveImageToPhotosAlbum: false })
    expect(host.api.saveImageToPhotosAlbum).toBeUndefined()
    host.downloads.set(URL, { body: fixtures.png, contentType: 'image/png' })
    expect((await invoke(host.api.saveImage, { url: URL })).res).toMatchObject({ error: 15 })
    host.state.systemPermission = true
    expect((await invoke(host.api.saveImage, { url: URL })).ok).toBe(true)
    expect(host.album).toHaveLength(1)
  })
})

describe('ascf (HarmonyOS atomic services) [D Huawei ASCF]', () => {
  it('a system confirm on every save, no scope; downloads to a given internal://files/ path', async () => {
    const host = createHost('ascf', { permission: 'denied' })
    expect(host.globalName).toBe('has')
    expect(host.api.authorize).toBeUndefined()
    host.downloads.set(URL, { body: fixtures.png, contentType: 'image/png' })
    const download = await invoke(host.api.downloadFile, { url: URL, filePath: 'internal://files/a.png' })
    expect(download.res).toMatchObject({ filePath: 'internal://files/a.png', statusCode: 200 })
    for (const _ of [1, 2])
      expect((await invoke(host.api.saveImageToPhotosAlbum, { filePath: 'internal://files/a.png' })).ok).toBe(true)
    expect(host.ui.filter((event) => event.type === 'save-confirm')).toHaveLength(2)
    host.state.prompt = 'deny'
    expect((await invoke(host.api.saveImageToPhotosAlbum, { filePath: 'internal://files/a.png' })).res).toEqual({
      errMsg: 'saveImageToPhotosAlbum:fail cancel',
    })
    expect(host.album).toHaveLength(2)
  })

  it('writeFile takes utf-8 or an ArrayBuffer, never base64 text', async () => {
    const host = createHost('ascf')
    const fs = host.api.getFileSystemManager()
    const base64 = await new Promise((resolve) =>
      fs.writeFile({ filePath: 'internal://files/b.png', data: 'iVBORw0KGgo=', encoding: 'base64', fail: resolve }),
    )
    expect(base64).toMatchObject({ errMsg: expect.stringMatching(/^writeFile:fail /) })
    const buffer = fixtures.png.slice().buffer
    await new Promise((resolve) => fs.writeFile({ filePath: 'internal://files/b.png', data: buffer, success: resolve }))
    expect(host.files.get('internal://files/b.png')).toEqual(fixtures.png)
  })
})
