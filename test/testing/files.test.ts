import { describe, expect, it } from 'vitest'
import type { SimulatedPlatform } from '../../src/testing'
import { createHost, fixtures, toBase64, toDataUri, type DownloadTask, type HostResult } from '../../src/testing'
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

describe('FileSystemManager.writeFile', () => {
  const png64 = toBase64(fixtures.png)

  it.each<[SimulatedPlatform, HostResult]>([
    ['weapp', { errMsg: 'writeFile:ok' }],
    ['tt', { errMsg: 'writeFile:ok' }],
    ['swan', { errMsg: 'writeFile:ok' }],
    ['alipay', { success: true }],
  ])('%s writes base64 under USER_DATA_PATH → %o', async (platform, payload) => {
    const host = createHost(platform)
    const fs = host.api.getFileSystemManager()
    const filePath = `${host.userDataPath}/a.png`
    expect(await invoke(fs.writeFile, { filePath, data: png64, encoding: 'base64' })).toEqual({
      ok: true,
      res: payload,
    })
    expect(host.files.get(filePath)).toEqual(fixtures.png)
    expect(host.userFiles()).toEqual([filePath])
    expect(host.asyncCalls()).toEqual(['fs.writeFile'])
  })

  it.each<[SimulatedPlatform, HostResult]>([
    ['weapp', { errMsg: 'writeFile:fail base64 encode error', errCode: 1300203 }],
    ['tt', { errMsg: 'writeFile:fail base64 encode error' }],
    ['swan', { errMsg: 'writeFile:fail base64 encode error' }],
    ['alipay', { error: 3, errorMessage: '文件写入失败' }],
  ])('%s: a data: prefix or bad base64 → %o', async (platform, payload) => {
    const host = createHost(platform)
    const fs = host.api.getFileSystemManager()
    const filePath = `${host.userDataPath}/a.png`
    for (const data of [toDataUri(fixtures.png, 'image/png'), '@@not base64@@', 'abcde', 'iVBO-w0K', 'iVBO_w0K']) {
      expect(await invoke(fs.writeFile, { filePath, data, encoding: 'base64' })).toEqual({ ok: false, res: payload })
    }
    expect(host.files.size).toBe(0)
  })

  it.each<[SimulatedPlatform, HostResult]>([
    ['weapp', { errMsg: 'writeFile:fail permission denied, open wxfile://tmp_1.png', errCode: 1300013 }],
    ['alipay', { error: 10024, errorMessage: '指定的路径没有写权限' }],
  ])('%s: writing outside USER_DATA_PATH → %o', async (platform, payload) => {
    const host = createHost(platform)
    const fs = host.api.getFileSystemManager()
    expect(
      (await invoke(fs.writeFile, { filePath: 'wxfile://tmp_1.png', data: png64, encoding: 'base64' })).res,
    ).toEqual(payload)
  })

  it('a missing sub-folder fails until it is created', async () => {
    const host = createHost('swan')
    const fs = host.api.getFileSystemManager()
    const filePath = `${host.userDataPath}/posters/a.png`
    expect((await invoke(fs.writeFile, { filePath, data: png64, encoding: 'base64' })).res).toEqual({
      errMsg: `writeFile:fail no such file or directory ${filePath}`,
    })
    fs.mkdirSync(`${host.userDataPath}/posters`)
    expect((await invoke(fs.writeFile, { filePath, data: png64, encoding: 'base64' })).ok).toBe(true)
    expect(fs.readdirSync(host.userDataPath)).toEqual(['posters'])
    expect(fs.readdirSync(`${host.userDataPath}/posters`)).toEqual(['a.png'])
  })

  it.each<[SimulatedPlatform, HostResult]>([
    ['weapp', { errMsg: 'writeFile:fail the maximum size of the file storage limit is exceeded', errCode: 1300202 }],
    ['tt', { errMsg: 'writeFile:fail the maximum size of the file storage limit is exceeded' }],
    ['swan', { errMsg: 'writeFile:fail the maximum size of the file storage limit is exceeded' }],
    ['alipay', { error: 10028, errorMessage: '文件夹超过 50M' }],
  ])('%s: the user data quota counts every file but the one overwritten → %o', async (platform, payload) => {
    const host = createHost(platform, { userDataQuota: 100 })
    const fs = host.api.getFileSystemManager()
    const data = new Uint8Array(60).buffer
    expect((await invoke(fs.writeFile, { filePath: `${host.userDataPath}/a`, data })).ok).toBe(true)
    expect((await invoke(fs.writeFile, { filePath: `${host.userDataPath}/b`, data })).res).toEqual(payload)
    expect(
      (await invoke(fs.writeFile, { filePath: `${host.userDataPath}/a`, data: new Uint8Array(100).buffer })).ok,
    ).toBe(true)
    host.addFile('ttfile://temp/big', new Uint8Array(500)) // temp files do not count
    fs.unlinkSync(`${host.userDataPath}/a`)
    expect((await invoke(fs.writeFile, { filePath: `${host.userDataPath}/b`, data })).ok).toBe(true)
  })

  it('Alipay refuses a single file over 10 MB', async () => {
    const host = createHost('alipay')
    const fs = host.api.getFileSystemManager()
    const data = new Uint8Array(10 * 1024 * 1024 + 1).buffer
    expect((await invoke(fs.writeFile, { filePath: `${host.userDataPath}/big`, data })).res).toEqual({
      error: 10028,
      errorMessage: '单个文件超过 10M',
    })
  })

  it('utf8 text and sync writes round-trip through readFileSync', () => {
    const host = createHost('weapp')
    const fs = host.api.getFileSystemManager()
    const path = `${host.userDataPath}/note.txt`
    fs.writeFileSync(path, '保存 ok 😀', 'utf8')
    expect(fs.readFileSync(path, 'utf8')).toBe('保存 ok 😀')
    fs.writeFileSync(path, toBase64(fixtures.bmp), 'base64')
    expect(fs.readFileSync(path, 'base64')).toBe(toBase64(fixtures.bmp))
    expect(new Uint8Array(fs.readFileSync(path) as ArrayBuffer)).toEqual(fixtures.bmp)
    expect(() => fs.writeFileSync(path, 'data:image/png;base64,AAAA', 'base64')).toThrow(
      'writeFileSync:fail base64 encode error',
    )
    expect(host.calls.find((call) => call.api === 'fs.readFileSync')?.args).toEqual([path, 'utf8'])
  })
})

describe('FileSystemManager unlink / access', () => {
  it.each<SimulatedPlatform>(['weapp', 'tt', 'alipay', 'swan'])(
    '%s: unlinkSync of a missing file throws "no such file or directory"',
    (platform) => {
      const host = createHost(platform)
      const fs = host.api.getFileSystemManager()
      const path = `${host.userDataPath}/missing.png`
      expect(() => fs.unlinkSync(path)).toThrow(/no such file or directory/)
      try {
        fs.unlinkSync(path)
      } catch (error) {
        expect(error).toBeInstanceOf(Error)
        if (platform === 'alipay') expect(error).toMatchObject({ error: 10022, errorMessage: '文件不存在' })
        else expect(error).toMatchObject({ errMsg: `unlinkSync:fail no such file or directory ${path}` })
      }
      expect(host.count('fs.unlinkSync')).toBe(2)
    },
  )

  it('unlinkSync removes a user or temp file; Alipay answers {success: true}; package files are read-only', () => {
    const host = createHost('alipay')
    const fs = host.api.getFileSystemManager()
    host.addFile(`${host.userDataPath}/a.png`, fixtures.png)
    host.addFile('https://resource/1.image', fixtures.png)
    host.addFile('/static/a.png', fixtures.png)
    expect(fs.unlinkSync(`${host.userDataPath}/a.png`)).toEqual({ success: true })
    expect(fs.unlinkSync({ filePath: 'https://resource/1.image' })).toEqual({ success: true })
    expect(() => fs.unlinkSync('/static/a.png')).toThrow()
    expect([...host.files.keys()]).toEqual(['/static/a.png'])
  })

  it('async unlink and access report the host payloads', async () => {
    const host = createHost('weapp')
    const fs = host.api.getFileSystemManager()
    const path = `${host.userDataPath}/a.png`
    expect((await invoke(fs.unlink, { filePath: path })).res).toEqual({
      errMsg: `unlink:fail no such file or directory ${path}`,
      errCode: 1300002,
    })
    expect((await invoke(fs.access, { path })).ok).toBe(false)
    host.addFile(path, fixtures.png)
    expect((await invoke(fs.access, { path })).ok).toBe(true)
    expect(await invoke(fs.unlink, { filePath: path })).toEqual({ ok: true, res: { errMsg: 'unlink:ok' } })
    expect(host.userFiles()).toEqual([])
    expect(() => fs.accessSync(path)).toThrow(`accessSync:fail no such file or directory ${path}`)
    expect(() => fs.accessSync(host.userDataPath)).not.toThrow()
    expect(() => fs.readdirSync(`${host.userDataPath}/nope`)).toThrow(/no such file or directory/)
  })
})
