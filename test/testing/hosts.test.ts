import { afterEach, describe, expect, it } from 'vitest'
import type { SimulatedPlatform } from '../../src/testing'
import { createHost, fixtures, installHost, type HostResult, type SimulatedHost } from '../../src/testing'

const URL = 'https://cdn.example.com/poster.png'

/** Calls a fake host API with callbacks; resolves on `complete` with which side fired. */
function invoke(fn: unknown, options: Record<string, unknown> = {}): Promise<{ ok: boolean; res: HostResult }> {
  return new Promise((resolve) => {
    let ok = false
    ;(fn as (o: Record<string, unknown>) => unknown)({
      ...options,
      success: () => (ok = true),
      complete: (res: HostResult) => resolve({ ok, res }),
    })
  })
}

// DingTalk and HarmonyOS atomic services have no album scope: their own blocks below
const EXPECTED: Record<
  Exclude<SimulatedPlatform, 'dd' | 'ascf' | 'app-harmony'>,
  { global: string; userData: string; temp: string; saved: HostResult; scope: string; openScope: string }
> = {
  weapp: {
    global: 'wx',
    userData: 'wxfile://usr',
    temp: 'wxfile://tmp_00000001.png',
    saved: { errMsg: 'saveImageToPhotosAlbum:ok' },
    scope: 'scope.writePhotosAlbum',
    openScope: 'scope.writePhotosAlbum',
  },
  tt: {
    global: 'tt',
    userData: 'ttfile://user',
    temp: 'ttfile://temp/00000001.png',
    saved: { errMsg: 'saveImageToPhotosAlbum:ok' },
    scope: 'scope.album',
    openScope: 'scope.album',
  },
  alipay: {
    global: 'my',
    userData: 'https://usr',
    temp: 'https://resource/00000001.image',
    saved: { success: true },
    scope: 'writePhotosAlbum',
    openScope: 'album',
  },
  swan: {
    global: 'swan',
    userData: 'bdfile://usr',
    temp: 'bdfile://tmp/00000001.png',
    saved: { errMsg: 'saveImageToPhotosAlbum:ok' },
    scope: 'scope.writePhotosAlbum',
    openScope: 'scope.writePhotosAlbum',
  },
  qq: {
    global: 'qq',
    userData: 'qqfile://usr',
    temp: 'qqfile://tmp_00000001.png',
    saved: { errMsg: 'saveImageToPhotosAlbum:ok' },
    scope: 'scope.writePhotosAlbum',
    openScope: 'scope.writePhotosAlbum',
  },
  kwai: {
    global: 'ks',
    userData: 'ksfile://usr',
    temp: 'ksfile://temp/00000001.png',
    saved: { errMsg: 'saveImageToPhotosAlbum:ok' },
    scope: 'scope.writePhotosAlbum',
    openScope: 'scope.writePhotosAlbum',
  },
  xhs: {
    global: 'xhs',
    userData: 'xhsfile://usr',
    temp: 'xhsfile://tmp/00000001.png',
    saved: { errMsg: 'saveImageToPhotosAlbum:ok' },
    scope: 'scope.writePhotosAlbum',
    openScope: 'scope.writePhotosAlbum',
  },
  jd: {
    global: 'jd',
    userData: 'jdfile://usr',
    temp: 'jdfile://tmp_00000001.png',
    saved: { errMsg: 'saveImageToPhotosAlbum:ok' },
    scope: 'scope.writePhotosAlbum',
    openScope: 'scope.writePhotosAlbum',
  },
  lark: {
    global: 'tt',
    userData: 'ttfile://user',
    temp: 'ttfile://temp/00000001.png',
    saved: { errMsg: 'saveImageToPhotosAlbum:ok' },
    scope: 'scope.writePhotosAlbum',
    openScope: 'scope.writePhotosAlbum',
  },
}

describe.each(Object.keys(EXPECTED) as Array<keyof typeof EXPECTED>)('%s happy path', (platform) => {
  const want = EXPECTED[platform]

  it('names, env and USER_DATA_PATH', () => {
    const host = createHost(platform)
    expect(host.platform).toBe(platform)
    expect(host.globalName).toBe(want.global)
    expect(host.userDataPath).toBe(want.userData)
    expect(host.api.env.USER_DATA_PATH).toBe(want.userData)
  })

  it('download → first-time prompt → save, with the host’s field names', async () => {
    const host = createHost(platform)
    host.downloads.set(URL, { body: fixtures.png, contentType: 'image/png' })
    const download = await invoke(host.api.downloadFile, { url: URL, header: { 'X-Token': 't' } })
    expect(download.ok).toBe(true)
    const path = String(download.res.apFilePath ?? download.res.tempFilePath)
    expect(path).toBe(want.temp)
    if (platform === 'alipay') {
      expect(download.res).toMatchObject({
        apFilePath: want.temp,
        tempFilePath: want.temp,
        header: { 'Content-Type': 'image/png' },
      })
      expect(download.res).not.toHaveProperty('statusCode')
    } else {
      expect(download.res).toEqual({ errMsg: 'downloadFile:ok', tempFilePath: want.temp, statusCode: 200 })
    }
    expect(host.files.get(path)).toEqual(fixtures.png)

    const save = await invoke(host.api.saveImageToPhotosAlbum, { filePath: path, hideToast: true })
    expect(save).toEqual({ ok: true, res: want.saved })
    expect(host.album).toEqual([{ path, kind: 'image', format: 'png', bytes: fixtures.png }])
    expect(host.ui).toEqual([{ type: 'permission-prompt' }])
    expect(host.state.permission).toBe('granted')

    const setting = await invoke(host.api.getSetting)
    expect(setting.res.authSetting).toEqual({ [want.scope]: true })
    expect(host.asyncCalls()).toEqual(['downloadFile', 'saveImageToPhotosAlbum', 'getSetting'])
    expect(host.calls[0].args).toMatchObject({ url: URL, header: { 'X-Token': 't' } })
  })

  it('a granted permission saves without any prompt; a package file is a valid source', async () => {
    const host = createHost(platform, { permission: 'granted' })
    host.addFile('/static/poster.jpg', fixtures.jpeg)
    const save = await invoke(host.api.saveImageToPhotosAlbum, { filePath: '/static/poster.jpg', hideToast: true })
    expect(save.ok).toBe(true)
    expect(host.album[0]).toMatchObject({ path: '/static/poster.jpg', format: 'jpeg' })
    expect(host.ui).toEqual([])
  })

  it('getSetting omits the album key until asked; openSetting only lists asked permissions', async () => {
    const host = createHost(platform)
    expect((await invoke(host.api.getSetting)).res.authSetting).toEqual({})
    const opened = await host.tap(() => invoke(host.api.openSetting))
    expect(opened.res.authSetting).toEqual({})
    expect(host.state.permission).toBe('not-asked')
    host.state.permission = 'denied'
    expect((await invoke(host.api.getSetting)).res.authSetting).toEqual({ [want.scope]: false })
    const enabled = await host.tap(() => invoke(host.api.openSetting))
    expect(enabled.res.authSetting).toEqual({ [want.openScope]: true })
    expect(host.state.permission).toBe('granted')
    expect(host.ui.filter((event) => event.type === 'settings')).toHaveLength(2)
  })

  it('openSetting with "keep" leaves a refusal and never touches the OS permission', async () => {
    const host = createHost(platform, { permission: 'denied', settings: 'keep', systemPermission: false })
    const opened = await host.tap(() => invoke(host.api.openSetting))
    expect(opened.res.authSetting).toEqual({ [want.openScope]: false })
    host.state.settings = 'enable'
    await host.tap(() => invoke(host.api.openSetting))
    expect(host.state.permission).toBe('granted')
    expect(host.state.systemPermission).toBe(false)
  })

  it('sync APIs are logged as sync; canIUse and getSystemInfoSync answer plausibly', () => {
    const host = createHost(platform, { client: 'ios', systemPermission: false })
    const fs = host.api.getFileSystemManager()
    expect(host.api.getFileSystemManager()).toBe(fs)
    expect(host.api.canIUse('saveImageToPhotosAlbum')).toBe(true)
    expect(host.api.canIUse('getFileSystemManager')).toBe(true)
    expect(host.api.canIUse('noSuchApi')).toBe(false)
    const info = host.api.getSystemInfoSync()
    expect(String(info.platform).toLowerCase()).toBe('ios')
    expect(info.albumAuthorized).toBe(false)
    expect(host.calls.map((call) => [call.api, call.kind])).toEqual([
      ['getFileSystemManager', 'sync'],
      ['getFileSystemManager', 'sync'],
      ['canIUse', 'sync'],
      ['canIUse', 'sync'],
      ['canIUse', 'sync'],
      ['getSystemInfoSync', 'sync'],
    ])
    expect(host.asyncCalls()).toEqual([])
    expect(host.count('canIUse')).toBe(3)
  })

  it('loading and toast indicators are recorded (Alipay names the text `content`)', async () => {
    const host = createHost(platform)
    const textKey = platform === 'alipay' ? 'content' : 'title'
    host.api.showLoading({ [textKey]: '保存中', mask: true })
    host.api.hideLoading()
    host.api.showToast({ [textKey]: '已保存' })
    let hidden = 0
    host.api.hideToast({ complete: () => hidden++ })
    expect(host.ui).toEqual([
      { type: 'loading', title: '保存中' },
      { type: 'hide-loading' },
      { type: 'toast', title: '已保存' },
    ])
    expect(host.calls.every((call) => call.kind === 'sync')).toBe(true)
    expect(hidden).toBe(0) // callbacks stay asynchronous
    await host.idle()
    expect(hidden).toBe(1)
  })
})

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
