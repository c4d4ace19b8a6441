import { describe, expect, it } from 'vitest'
import type { SimulatedPlatform } from '../../src/testing'
import { createHost, fixtures, type HostResult } from '../../src/testing'
import { invoke } from './invoke'

const URL = 'https://cdn.example.com/poster.png'

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
