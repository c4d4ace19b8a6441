import { describe, expect, it } from 'vitest'
import type { SimulatedPlatform } from '../../src/testing'
import { createHost, fixtures, toDataUri, type DownloadTask, type HostResult } from '../../src/testing'
import { invoke } from './invoke'

const URL = 'https://cdn.example.com/a.png'
const GONE = 'https://cdn.example.com/gone.png'

describe('downloadFile', () => {
  it.each<SimulatedPlatform>(['weapp', 'tt', 'swan'])(
    '%s: a 404 still calls success with the status, and the body is stored',
    async (platform) => {
      const host = createHost(platform)
      host.downloads.set(GONE, { status: 404, body: fixtures.html, contentType: 'text/html' })
      const { ok, res } = await invoke(host.api.downloadFile, { url: GONE })
      expect(ok).toBe(true)
      expect(res.statusCode).toBe(404)
      expect(res.errMsg).toBe('downloadFile:ok')
      // non-image content type → no extension on the temp file
      expect(String(res.tempFilePath)).toMatch(/00000001$/)
      expect(host.files.get(String(res.tempFilePath))).toEqual(fixtures.html)
    },
  )

  it('Alipay: a non-2xx answer fails with error 12 and stores nothing', async () => {
    const host = createHost('alipay')
    host.downloads.set(GONE, { status: 404, body: fixtures.html })
    expect(await invoke(host.api.downloadFile, { url: GONE })).toEqual({
      ok: false,
      res: { error: 12, errorMessage: '下载失败' },
    })
    expect(host.files.size).toBe(0)
  })

  it('an unregistered URL fails like a domain not on the whitelist', async () => {
    expect((await invoke(createHost('weapp').api.downloadFile, { url: URL })).res).toEqual({
      errMsg: 'downloadFile:fail url not in domain list',
    })
    expect((await invoke(createHost('alipay').api.downloadFile, { url: URL })).res).toEqual({
      error: 12,
      errorMessage: '下载失败',
    })
  })

  it('a response can carry a raw fail payload, passed through as is', async () => {
    const host = createHost('tt')
    const payload = { errMsg: 'downloadFile:fail timeout' }
    host.downloads.set(URL, { fail: payload })
    const { ok, res } = await invoke(host.api.downloadFile, { url: URL })
    expect(ok).toBe(false)
    expect(res).toBe(payload)
  })

  it('WeChat filePath: written under USER_DATA_PATH, result has filePath and no tempFilePath, even for a 404', async () => {
    const host = createHost('weapp')
    host.downloads.set(URL, { body: fixtures.png })
    host.downloads.set(GONE, { status: 404, body: fixtures.html })
    const target = `${host.userDataPath}/poster.png`
    expect(await invoke(host.api.downloadFile, { url: URL, filePath: target })).toEqual({
      ok: true,
      res: { errMsg: 'downloadFile:ok', filePath: target, statusCode: 200 },
    })
    const gone = await invoke(host.api.downloadFile, { url: GONE, filePath: `${host.userDataPath}/gone.png` })
    expect(gone.res).toMatchObject({ statusCode: 404 })
    expect(host.userFiles()).toEqual([target, `${host.userDataPath}/gone.png`])
  })

  it('WeChat filePath outside USER_DATA_PATH or over the quota fails', async () => {
    const host = createHost('weapp', { userDataQuota: fixtures.png.length - 1 })
    host.downloads.set(URL, { body: fixtures.png })
    expect((await invoke(host.api.downloadFile, { url: URL, filePath: 'wxfile://tmp_x.png' })).res).toEqual({
      errMsg: 'downloadFile:fail permission denied, open wxfile://tmp_x.png',
      errCode: 1300013,
    })
    expect((await invoke(host.api.downloadFile, { url: URL, filePath: `${host.userDataPath}/x.png` })).res).toEqual({
      errMsg: 'downloadFile:fail the maximum size of the file storage limit is exceeded',
      errCode: 1300202,
    })
    expect(host.userFiles()).toEqual([])
  })

  it('Douyin before base library 2.42.0, Feishu before 3.43.0 and QQ ignore filePath: a temp file of their own', async () => {
    const hosts = [
      createHost('qq'),
      createHost('tt', { sdkVersion: '2.41.9' }),
      createHost('lark', { version: '3.42.0' }),
    ]
    for (const host of hosts) {
      host.downloads.set(URL, { body: fixtures.png, contentType: 'image/png' })
      const { res } = await invoke(host.api.downloadFile, { url: URL, filePath: `${host.userDataPath}/x.png` })
      expect(res).not.toHaveProperty('filePath')
      expect(String(res.tempFilePath)).toMatch(/\.png$/)
      expect(host.userFiles()).toEqual([])
    }
  })

  it('Baidu, Douyin from base library 2.42.0 and Feishu from 3.43.0 write to the filePath they are given [D]', async () => {
    for (const host of [createHost('swan'), createHost('tt'), createHost('lark', { version: '3.43.0' })]) {
      host.downloads.set(URL, { body: fixtures.png, contentType: 'image/png' })
      const filePath = `${host.userDataPath}/x.png`
      const { res } = await invoke(host.api.downloadFile, { url: URL, filePath })
      expect(res).toMatchObject({ filePath, statusCode: 200 })
      expect(host.userFiles()).toEqual([filePath])
    }
  })

  it('an old Feishu names its temp file after the URL, so a path without an image extension gets none [I]', async () => {
    const host = createHost('lark', { version: '3.42.0' })
    host.downloads.set('https://cdn.example.com/poster?id=7', { body: fixtures.png, contentType: 'image/png' })
    const { res } = await invoke(host.api.downloadFile, { url: 'https://cdn.example.com/poster?id=7' })
    expect(String(res.tempFilePath)).toMatch(/^ttfile:\/\/temp\/[0-9a-f]+$/)
  })

  it('Alipay downloads a data URI into https://resource/<id>.image, which then saves', async () => {
    const host = createHost('alipay', { permission: 'granted' })
    const { ok, res } = await invoke(host.api.downloadFile, { url: toDataUri(fixtures.webp, 'image/webp') })
    expect(ok).toBe(true)
    expect(res.apFilePath).toBe('https://resource/00000001.image')
    expect(res.tempFilePath).toBe(res.apFilePath)
    expect(host.files.get(String(res.apFilePath))).toEqual(fixtures.webp)
    expect((await invoke(host.api.saveImageToPhotosAlbum, { filePath: res.apFilePath, hideToast: true })).ok).toBe(true)
    expect(host.album[0].format).toBe('webp')
    expect(host.count('downloadFile')).toBe(1)
  })

  it('Alipay: a malformed data URI fails 12; non-image content gets the .other extension', async () => {
    const host = createHost('alipay')
    expect((await invoke(host.api.downloadFile, { url: 'data:image/png;base64,@@@' })).res.error).toBe(12)
    expect((await invoke(host.api.downloadFile, { url: 'data:image/png,plain' })).res.error).toBe(12)
    host.downloads.set(URL, { body: fixtures.html, contentType: 'text/html' })
    expect((await invoke(host.api.downloadFile, { url: URL })).res.apFilePath).toMatch(
      /^https:\/\/resource\/[0-9a-f]+\.other$/,
    )
  })

  it('data URIs are not special outside Alipay', async () => {
    expect((await invoke(createHost('weapp').api.downloadFile, { url: toDataUri(fixtures.png, 'image/png') })).ok).toBe(
      false,
    )
  })

  it('abort() fails a pending or hanging download with the host’s abort payload', async () => {
    const host = createHost('weapp')
    host.downloads.set(URL, { body: fixtures.png, delay: 20 })
    host.downloads.set(GONE, { hang: true })
    const results: HostResult[] = []
    const slow = host.api.downloadFile({
      url: URL,
      fail: (res) => results.push(res),
      success: (res) => results.push(res),
    }) as DownloadTask
    const stuck = host.api.downloadFile({ url: GONE, complete: (res) => results.push(res) }) as DownloadTask
    slow.abort()
    await host.idle()
    stuck.abort()
    stuck.abort()
    expect(results).toHaveLength(1) // abort answers asynchronously
    await host.idle()
    expect(results).toEqual([{ errMsg: 'downloadFile:fail abort' }, { errMsg: 'downloadFile:fail abort' }])
    expect(host.files.size).toBe(0)
  })

  it('response.delay holds the callback back', async () => {
    const host = createHost('tt')
    host.downloads.set(URL, { body: fixtures.png, delay: 25 })
    let done = false
    host.api.downloadFile({ url: URL, complete: () => (done = true) })
    await new Promise((resolve) => setTimeout(resolve, 5))
    expect(done).toBe(false)
    await host.idle()
    expect(done).toBe(true)
  })
})
