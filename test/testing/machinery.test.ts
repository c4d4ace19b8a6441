import { describe, expect, it } from 'vitest'
import { sniffFormat } from '../../src/core/format'
import { createHost, fixtures, toBase64, toDataUri, type DownloadTask, type HostResult } from '../../src/testing'

const FILE = '/static/a.png'

function hostWithFile(options: Parameters<typeof createHost>[1] = {}) {
  const host = createHost('weapp', { permission: 'granted', ...options })
  host.addFile(FILE, fixtures.png)
  return host
}

/** Records every callback of one call, in order. */
function recorder() {
  const events: Array<[string, HostResult]> = []
  return {
    events,
    options: (extra: Record<string, unknown> = {}) => ({
      ...extra,
      success: (res: HostResult) => events.push(['success', res]),
      fail: (res: HostResult) => events.push(['fail', res]),
      complete: (res: HostResult) => events.push(['complete', res]),
    }),
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('faults', () => {
  it('hang: logged, but no success, fail or complete ever', async () => {
    const host = hostWithFile()
    host.fault('saveImageToPhotosAlbum', { kind: 'hang' })
    const rec = recorder()
    host.api.saveImageToPhotosAlbum(rec.options({ filePath: FILE }))
    await host.idle()
    await sleep(5)
    expect(rec.events).toEqual([])
    expect(host.count('saveImageToPhotosAlbum')).toBe(1)
    expect(host.album).toEqual([])
  })

  it('throw: the API throws synchronously (the given error, or a default one)', () => {
    const host = hostWithFile()
    const boom = new TypeError('boom')
    host.fault('saveImageToPhotosAlbum', { kind: 'throw', error: boom }, 1)
    host.fault('saveImageToPhotosAlbum', { kind: 'throw' }, 1)
    expect(() => host.api.saveImageToPhotosAlbum({ filePath: FILE })).toThrow(boom)
    expect(() => host.api.saveImageToPhotosAlbum({ filePath: FILE })).toThrow(
      `${host.globalName}.saveImageToPhotosAlbum: simulated throw`,
    )
    expect(host.count('saveImageToPhotosAlbum')).toBe(2)
  })

  it('fail: fail then complete with the very payload object, overriding the real outcome', async () => {
    const host = hostWithFile()
    const payload = { errMsg: 'saveImageToPhotosAlbum:fail cancel' }
    host.fault('saveImageToPhotosAlbum', { kind: 'fail', payload })
    const rec = recorder()
    host.api.saveImageToPhotosAlbum(rec.options({ filePath: FILE }))
    await host.idle()
    expect(rec.events).toEqual([
      ['fail', payload],
      ['complete', payload],
    ])
    expect(rec.events[0][1]).toBe(payload)
    expect(host.album).toEqual([])
  })

  it('delay: behaves normally, only later', async () => {
    const host = hostWithFile()
    host.fault('saveImageToPhotosAlbum', { kind: 'delay', ms: 30 })
    const rec = recorder()
    host.api.saveImageToPhotosAlbum(rec.options({ filePath: FILE }))
    await sleep(10)
    expect(rec.events).toEqual([])
    await host.idle()
    expect(rec.events.map(([name]) => name)).toEqual(['success', 'complete'])
    expect(host.album).toHaveLength(1)
  })

  it('times: the fault applies to the next N calls, then the next queued fault, then none', async () => {
    const host = hostWithFile()
    host.fault('saveImageToPhotosAlbum', { kind: 'fail', payload: { errMsg: 'one' } }, 2)
    host.fault('saveImageToPhotosAlbum', { kind: 'fail', payload: { errMsg: 'two' } }, 1)
    const rec = recorder()
    for (let i = 0; i < 4; i++) host.api.saveImageToPhotosAlbum(rec.options({ filePath: FILE }))
    await host.idle()
    expect(rec.events.filter(([name]) => name === 'complete').map(([, res]) => res.errMsg)).toEqual([
      'one',
      'one',
      'two',
      'saveImageToPhotosAlbum:ok',
    ])
  })

  it('faults name fs methods as fs.<name>; a sync "fail" throws an Error carrying the payload', () => {
    const host = hostWithFile()
    const fs = host.api.getFileSystemManager()
    host.fault(
      'fs.unlinkSync',
      { kind: 'fail', payload: { errMsg: 'unlinkSync:fail permission denied', errCode: 1300013 } },
      1,
    )
    host.addFile(`${host.userDataPath}/x.png`, fixtures.png)
    let thrown: unknown
    try {
      fs.unlinkSync(`${host.userDataPath}/x.png`)
    } catch (error) {
      thrown = error
    }
    expect(thrown).toBeInstanceOf(Error)
    expect(thrown).toMatchObject({ message: 'unlinkSync:fail permission denied', errCode: 1300013 })
    expect(host.userFiles()).toEqual([`${host.userDataPath}/x.png`])
    fs.unlinkSync(`${host.userDataPath}/x.png`)
    expect(host.userFiles()).toEqual([])
  })

  it('a faulted downloadFile still returns a task; fs.writeFile can hang', async () => {
    const host = hostWithFile()
    host.fault('downloadFile', { kind: 'hang' })
    host.fault('fs.writeFile', { kind: 'hang' })
    const rec = recorder()
    const task = host.api.downloadFile(rec.options({ url: 'https://x/y.png' })) as DownloadTask
    task.abort()
    host.api
      .getFileSystemManager()
      .writeFile(
        rec.options({ filePath: `${host.userDataPath}/a.png`, data: toBase64(fixtures.png), encoding: 'base64' }),
      )
    await host.idle()
    expect(rec.events).toEqual([])
    expect(host.userFiles()).toEqual([])
  })
})

describe('idle() and timing', () => {
  it('callbacks are asynchronous even with latency 0', () => {
    const host = hostWithFile()
    const rec = recorder()
    host.api.saveImageToPhotosAlbum(rec.options({ filePath: FILE }))
    expect(rec.events).toEqual([])
  })

  it('waits for latency and for calls chained from callbacks and promises', async () => {
    const host = hostWithFile({ latency: 15 })
    host.downloads.set('https://cdn/a.png', { body: fixtures.png, contentType: 'image/png' })
    const order: string[] = []
    host.api.downloadFile({
      url: 'https://cdn/a.png',
      success: (res) => {
        order.push('downloaded')
        void Promise.resolve().then(() => {
          host.api.saveImageToPhotosAlbum({ filePath: res.tempFilePath, complete: () => order.push('saved') })
        })
      },
    })
    await host.idle()
    expect(order).toEqual(['downloaded', 'saved'])
    expect(host.album).toHaveLength(1)
  })

  it('resolves at once when nothing is pending, and ignores hanging calls', async () => {
    const host = hostWithFile()
    host.downloads.set('https://cdn/stuck', { hang: true })
    host.api.downloadFile({ url: 'https://cdn/stuck' })
    const started = Date.now()
    await host.idle()
    expect(Date.now() - started).toBeLessThan(200)
  })
})

describe('callbacks and promises', () => {
  it('a throwing success does not break the host: complete still runs, the error is kept', async () => {
    const host = hostWithFile()
    const bug = new Error('app bug')
    let completes = 0
    host.api.saveImageToPhotosAlbum({
      filePath: FILE,
      success: () => {
        throw bug
      },
      complete: () => completes++,
    })
    await host.idle()
    expect(completes).toBe(1)
    expect(host.errors).toEqual([bug])
    const rec = recorder()
    host.api.saveImageToPhotosAlbum(rec.options({ filePath: FILE }))
    await host.idle()
    expect(rec.events.map(([name]) => name)).toEqual(['success', 'complete'])
  })

  it('success and complete receive the same payload object', async () => {
    const host = hostWithFile()
    const rec = recorder()
    host.api.getSetting!(rec.options())
    await host.idle()
    expect(rec.events[0][1]).toBe(rec.events[1][1])
  })

  it('without callbacks, promisified APIs return a Promise (rejecting with the fail payload)', async () => {
    const host = hostWithFile({ permission: 'denied', client: 'devtools' })
    await expect(host.api.showModal({ title: 'x' })).resolves.toMatchObject({ confirm: true })
    await expect(host.api.saveImageToPhotosAlbum({ filePath: FILE })).rejects.toEqual({
      errMsg: 'saveImageToPhotosAlbum:fail auth deny',
    })
    expect(host.api.saveImageToPhotosAlbum({ filePath: FILE, complete: () => undefined })).toBeUndefined()
  })

  it('records each call’s argument (an array for several) in order', () => {
    const host = hostWithFile()
    const options = { filePath: FILE }
    host.api.saveImageToPhotosAlbum(options)
    host.api.getFileSystemManager().readFileSync(FILE, 'base64')
    host.api.hideLoading()
    expect(host.calls).toEqual([
      { api: 'saveImageToPhotosAlbum', kind: 'async', args: options },
      { api: 'getFileSystemManager', kind: 'sync', args: undefined },
      { api: 'fs.readFileSync', kind: 'sync', args: [FILE, 'base64'] },
      { api: 'hideLoading', kind: 'sync', args: undefined },
    ])
    expect(host.asyncCalls()).toEqual(['saveImageToPhotosAlbum'])
  })
})

describe('fixtures', () => {
  it('are small valid images of each format, plus non-images', () => {
    for (const format of ['png', 'jpeg', 'gif', 'webp', 'bmp'] as const) {
      expect(sniffFormat(fixtures[format])).toBe(format)
      expect(fixtures[format].length).toBeLessThan(200)
    }
    expect(sniffFormat(fixtures.svg)).toBeNull()
    expect(sniffFormat(fixtures.html)).toBeNull()
    expect(new TextDecoder().decode(fixtures.svg)).toMatch(/^<svg /)
  })

  it('hand out fresh copies', () => {
    const png = fixtures.png
    png[0] = 0
    expect(fixtures.png[0]).toBe(0x89)
  })

  it('toBase64 and toDataUri encode as the hosts expect', () => {
    expect(toBase64(fixtures.gif)).toBe('R0lGODdhAQABAIEAAP8AAAAAAAAAAAAAACwAAAAAAQABAAAIBAABBAQAOw==')
    expect(toBase64(new Uint8Array([1, 2]))).toBe('AQI=')
    expect(toDataUri(fixtures.gif, 'image/gif')).toBe(`data:image/gif;base64,${toBase64(fixtures.gif)}`)
    expect(Buffer.from(toBase64(fixtures.jpeg), 'base64')).toEqual(Buffer.from(fixtures.jpeg))
  })
})
