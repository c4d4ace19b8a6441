import { describe, expect, it } from 'vitest'
import type { SimulatedPlatform } from '../../src/testing'
import { createHost, fixtures, type Client, type HostOptions, type HostResult } from '../../src/testing'
import { invoke } from './invoke'

const FILE = '/static/poster.png'

function hostWithFile(platform: SimulatedPlatform, options: HostOptions = {}) {
  const host = createHost(platform, options)
  host.addFile(FILE, fixtures.png)
  const save = () => invoke(host.api.saveImageToPhotosAlbum, { filePath: FILE })
  return { host, save }
}

const prompts = (host: { ui: Array<{ type: string }> }) =>
  host.ui.filter((event) => event.type === 'permission-prompt').length

describe('WeChat denial strings by client (docs/en/hosts/weapp.md#errors)', () => {
  it.each<[Client, string, string]>([
    ['devtools', 'saveImageToPhotosAlbum:fail auth deny', 'saveImageToPhotosAlbum:fail auth deny'],
    ['android', 'saveImageToPhotosAlbum:fail:auth denied', 'saveImageToPhotosAlbum:fail:auth denied'],
    ['ios', 'saveImageToPhotosAlbum:fail auth deny', 'saveImageToPhotosAlbum:fail authorize no response'],
  ])('%s: first refusal "%s", repeat call "%s" without a second prompt', async (client, first, repeat) => {
    const { host, save } = hostWithFile('weapp', { client, prompt: 'deny' })
    expect(await save()).toEqual({ ok: false, res: { errMsg: first } })
    expect(host.state.permission).toBe('denied')
    expect(await save()).toEqual({ ok: false, res: { errMsg: repeat } })
    expect(prompts(host)).toBe(1)
    expect(host.album).toEqual([])
  })

  it('a refusal from an earlier session (state "denied") fails at once with the repeat text', async () => {
    const { host, save } = hostWithFile('weapp', { client: 'ios', permission: 'denied' })
    expect((await save()).res).toEqual({ errMsg: 'saveImageToPhotosAlbum:fail authorize no response' })
    expect(prompts(host)).toBe(0)
  })

  it('"deny-forever" is an ordinary refusal outside Alipay', async () => {
    const { host, save } = hostWithFile('weapp', { client: 'android', prompt: 'deny-forever' })
    expect((await save()).res.errMsg).toBe('saveImageToPhotosAlbum:fail:auth denied')
    expect(host.state.permission).toBe('denied')
  })

  it('authorize: Android "authorize:fail:auth deny", iOS repeat "authorize no response"; other scopes pass', async () => {
    const android = createHost('weapp', { client: 'android', prompt: 'deny' })
    expect((await invoke(android.api.authorize, { scope: 'scope.writePhotosAlbum' })).res).toEqual({
      errMsg: 'authorize:fail:auth deny',
    })
    const ios = createHost('weapp', { client: 'ios', prompt: 'deny' })
    expect((await invoke(ios.api.authorize, { scope: 'scope.writePhotosAlbum' })).res).toEqual({
      errMsg: 'authorize:fail auth deny',
    })
    expect((await invoke(ios.api.authorize, { scope: 'scope.writePhotosAlbum' })).res).toEqual({
      errMsg: 'authorize:fail authorize no response',
    })
    expect(await invoke(ios.api.authorize, { scope: 'scope.userLocation' })).toEqual({
      ok: true,
      res: { errMsg: 'authorize:ok' },
    })
    const allowed = createHost('weapp')
    expect((await invoke(allowed.api.authorize, { scope: 'scope.writePhotosAlbum' })).ok).toBe(true)
    expect(allowed.state.permission).toBe('granted')
  })
})

describe('Douyin, Baidu and Alipay denials', () => {
  it('Douyin: "fail auth deny" with 112090 in errNo, or in errorCode when chosen', async () => {
    const { save } = hostWithFile('tt', { prompt: 'deny' })
    expect((await save()).res).toEqual({ errMsg: 'saveImageToPhotosAlbum:fail auth deny', errNo: 112090 })
    const other = hostWithFile('tt', { permission: 'denied', errorField: 'errorCode' })
    expect((await other.save()).res).toEqual({ errMsg: 'saveImageToPhotosAlbum:fail auth deny', errorCode: 112090 })
    expect(prompts(other.host)).toBe(0)
  })

  it('Douyin authorize uses scope.album', async () => {
    const host = createHost('tt', { prompt: 'deny' })
    expect((await invoke(host.api.authorize, { scope: 'scope.writePhotosAlbum' })).ok).toBe(true) // not the album scope there
    expect((await invoke(host.api.authorize, { scope: 'scope.album' })).res).toEqual({
      errMsg: 'authorize:fail auth deny',
      errNo: 112090,
    })
  })

  it('Baidu: errCode 10003 "user deny"; no prompt after a refusal', async () => {
    const { host, save } = hostWithFile('swan', { prompt: 'deny' })
    expect((await save()).res).toEqual({ errCode: 10003, errMsg: 'saveImageToPhotosAlbum:fail user deny' })
    expect((await save()).res).toEqual({ errCode: 10003, errMsg: 'saveImageToPhotosAlbum:fail user deny' })
    expect(prompts(host)).toBe(1)
  })

  it('Alipay: a plain refusal is 2001 and the next call asks again', async () => {
    const { host, save } = hostWithFile('alipay', { prompt: 'deny' })
    expect(await save()).toEqual({ ok: false, res: { error: 2001, errorMessage: '用户拒绝给小程序授权' } })
    expect(host.state.permission).toBe('denied')
    expect((await save()).res.error).toBe(2001)
    expect(prompts(host)).toBe(2)
    host.state.prompt = 'allow'
    expect((await save()).ok).toBe(true)
    expect(prompts(host)).toBe(3)
    expect(host.album).toHaveLength(1)
  })

  it('Alipay: "不再询问" gives 2003, then 2002 without prompting, until settings turn it on', async () => {
    const { host, save } = hostWithFile('alipay', { prompt: 'deny-forever' })
    expect((await save()).res.error).toBe(2003)
    expect(host.state.permission).toBe('denied-forever')
    expect((await save()).res.error).toBe(2002)
    expect((await save()).res.error).toBe(2002)
    expect(prompts(host)).toBe(1)
    const opened = await invoke(host.api.openSetting)
    expect(opened.res).toEqual({ authSetting: { album: true } })
    expect((await save()).ok).toBe(true)
  })

  it('Alipay: state "denied" (not forever) prompts again and can succeed', async () => {
    const { host, save } = hostWithFile('alipay', { permission: 'denied' })
    expect((await save()).ok).toBe(true)
    expect(prompts(host)).toBe(1)
  })
})

describe('OS permission of the host app', () => {
  it.each<[SimulatedPlatform, HostResult]>([
    ['weapp', { errMsg: 'saveImageToPhotosAlbum:fail:system permission denied' }],
    ['tt', { errMsg: 'saveImageToPhotosAlbum:fail system auth deny', errNo: 112089 }],
    ['alipay', { error: 15, errorMessage: '没有开启相册权限(ios only)' }],
    ['swan', { errCode: 10005, errMsg: 'saveImageToPhotosAlbum:fail system deny' }],
  ])('%s reports %o, after the album permission was granted', async (platform, payload) => {
    const { host, save } = hostWithFile(platform, { systemPermission: false })
    expect(await save()).toEqual({ ok: false, res: payload })
    // album permission comes first: the prompt was shown and answered
    expect(prompts(host)).toBe(1)
    expect(host.state.permission).toBe('granted')
    host.state.systemPermission = true
    expect((await save()).ok).toBe(true)
  })

  it('a refused album permission is reported before the OS permission', async () => {
    const { save } = hostWithFile('weapp', { permission: 'denied', systemPermission: false, client: 'devtools' })
    expect((await save()).res.errMsg).toBe('saveImageToPhotosAlbum:fail auth deny')
  })
})

describe('privacy agreement (wx, tt)', () => {
  it.each<[SimulatedPlatform, 'not-agreed' | 'undeclared', HostResult]>([
    ['weapp', 'not-agreed', { errMsg: 'saveImageToPhotosAlbum:fail privacy permission is not authorized', errno: 104 }],
    [
      'weapp',
      'undeclared',
      { errMsg: 'saveImageToPhotosAlbum:fail api scope is not declared in the privacy agreement', errno: 112 },
    ],
    ['tt', 'not-agreed', { errMsg: 'saveImageToPhotosAlbum:fail privacy permission is not authorized', errNo: 10201 }],
    [
      'tt',
      'undeclared',
      { errMsg: 'saveImageToPhotosAlbum:fail api scope is not declared in the privacy agreement', errNo: 10202 },
    ],
  ])('%s %s → %o, checked before the album prompt', async (platform, privacy, payload) => {
    const { host, save } = hostWithFile(platform, { privacy })
    expect(await save()).toEqual({ ok: false, res: payload })
    expect(host.ui).toEqual([])
    expect(host.state.permission).toBe('not-asked')
  })

  it('Douyin puts the privacy code in errorCode when asked to', async () => {
    const { save } = hostWithFile('tt', { privacy: 'undeclared', errorField: 'errorCode' })
    expect((await save()).res).toEqual({
      errMsg: 'saveImageToPhotosAlbum:fail api scope is not declared in the privacy agreement',
      errorCode: 10202,
    })
  })

  it('Alipay and Baidu have no privacy layer', async () => {
    for (const platform of ['alipay', 'swan'] as SimulatedPlatform[]) {
      const { save } = hostWithFile(platform, { privacy: 'not-agreed' })
      expect((await save()).ok).toBe(true)
    }
  })
})

describe('Baidu Web 态 and bad arguments', () => {
  it('web: the save and openSetting fail with errCode 1001', async () => {
    const { host, save } = hostWithFile('swan', { web: true, permission: 'granted' })
    expect((await save()).res).toEqual({
      errCode: 1001,
      errMsg: `API ${host.globalName}.saveImageToPhotosAlbum is not supported in web`,
    })
    expect((await invoke(host.api.openSetting)).res).toEqual({
      errCode: 1001,
      errMsg: `API ${host.globalName}.openSetting is not supported in web`,
    })
    expect(host.ui).toEqual([])
  })

  it('a missing filePath fails before any prompt', async () => {
    const weapp = createHost('weapp')
    expect((await invoke(weapp.api.saveImageToPhotosAlbum, {})).res).toEqual({
      errMsg: 'saveImageToPhotosAlbum:fail parameter error: parameter.filePath should be String instead of Undefined;',
    })
    const alipay = createHost('alipay')
    expect((await invoke(alipay.api.saveImageToPhotosAlbum, { filePath: '' })).res).toEqual({
      error: 2,
      errorMessage: '参数无效，没有传 filePath 参数',
    })
    expect((await invoke(alipay.api.saveImage, {})).res).toEqual({
      error: 2,
      errorMessage: '参数无效，没有传 url 参数',
    })
    expect(weapp.ui.concat(alipay.ui)).toEqual([])
  })
})
