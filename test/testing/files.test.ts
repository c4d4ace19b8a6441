import { describe, expect, it } from 'vitest'
import type { SimulatedPlatform } from '../../src/testing'
import { createHost, fixtures, toBase64, toDataUri, type HostResult } from '../../src/testing'
import { invoke } from './invoke'

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
