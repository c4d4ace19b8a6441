import { afterEach, describe, expect, it } from 'vitest'
import {
  createAppHost,
  fixtures,
  toBase64,
  type FakePlusDownload,
  type FakePlusEntry,
  type FakePlusWriter,
  type SimulatedAppHost,
} from '../../src/testing'

// The simulated uni-app App host itself, against docs/en/hosts/app.md (tags there and in src/testing/app.ts).

let host: SimulatedAppHost | undefined
afterEach(() => {
  host?.uninstall()
  host = undefined
})

const open = (...args: Parameters<typeof createAppHost>) => (host = createAppHost(...args).install())

function download(h: SimulatedAppHost, url: string, filename?: string) {
  return new Promise<[FakePlusDownload, number]>((resolve) =>
    h.plus.downloader.createDownload(url, filename ? { filename } : {}, (d, status) => resolve([d, status])).start(),
  )
}

const resolvePath = (h: SimulatedAppHost, url: string) =>
  new Promise<FakePlusEntry>((resolve, reject) => h.plus.io.resolveLocalFileSystemURL(url, resolve, reject))

describe('simulated uni-app App host', () => {
  it('installs `uni` and `plus` on the global and restores them', () => {
    const scope = globalThis as Record<string, unknown>
    const h = open()
    expect(scope.uni).toBe(h.api)
    expect(scope.plus).toBe(h.plus)
    h.uninstall()
    expect('uni' in scope || 'plus' in scope).toBe(false)
  })

  it('getAppAuthorizeSetting reports albumAuthorized on iOS only [D uni.d.ts]', () => {
    expect(open({ client: 'ios', permission: 'denied' }).api.getAppAuthorizeSetting()).toMatchObject({
      albumAuthorized: 'denied',
    })
    host!.state.permission = 'not-asked'
    expect(host!.api.getAppAuthorizeSetting()).toMatchObject({ albumAuthorized: 'not determined' })
    host!.uninstall()
    expect(
      open({ client: 'android', permission: 'denied' }).api.getAppAuthorizeSetting().albumAuthorized,
    ).toBeUndefined()
  })

  it('the downloader: a directory filename names the file from the URL, extension or not; a taken name gets "(1)" [D plus.d.ts]', async () => {
    const h = open()
    h.downloads.set('https://x.example/qr', { body: fixtures.png, contentType: 'image/png' })
    expect((await download(h, 'https://x.example/qr', '_doc/dl/'))[0].filename).toBe('_doc/dl/qr')
    expect((await download(h, 'https://x.example/qr', '_doc/a.png'))[0].filename).toBe('_doc/a.png')
    expect((await download(h, 'https://x.example/qr', '_doc/a.png'))[0].filename).toBe('_doc/a(1).png')
    expect((await download(h, 'https://x.example/qr'))[0].filename).toBe('_downloads/qr')
  })

  it('the downloader reports the HTTP status, 0 for a failed request [F uni downloadFile]', async () => {
    const h = open()
    h.downloads.set('https://x.example/404', { status: 404, body: fixtures.html })
    expect((await download(h, 'https://x.example/404', '_doc/b.png'))[1]).toBe(404)
    expect((await download(h, 'https://x.example/none', '_doc/c.png'))[1]).toBe(0)
    expect(h.files.has('_doc/c.png')).toBe(false)
  })

  it('writeAsBinary writes the decoded bytes into a file created under _doc; the package folder is read-only', async () => {
    const h = open()
    const doc = await resolvePath(h, '_doc')
    const file = await new Promise<FakePlusEntry>((resolve, reject) =>
      doc.getFile('p.png', { create: true }, resolve, reject),
    )
    const writer = await new Promise<FakePlusWriter>((resolve, reject) => file.createWriter(resolve, reject))
    await new Promise((resolve, reject) => {
      writer.onwrite = resolve
      writer.onerror = reject
      writer.writeAsBinary(toBase64(fixtures.jpeg))
    })
    expect(h.files.get('_doc/p.png')).toEqual(fixtures.jpeg)
    const www = await resolvePath(h, '_www')
    await expect(
      new Promise((resolve, reject) => www.getFile('x.png', { create: true }, resolve, reject)),
    ).rejects.toMatchObject({ code: 6 })
    await new Promise((resolve, reject) => file.remove(() => resolve(undefined), reject))
    expect(h.userFiles()).toEqual([])
  })

  it('Android reports success for a file without an image extension and the album stays empty [O uni-app#2429]; iOS saves it', async () => {
    for (const client of ['android', 'ios'] as const) {
      const h = open({ client, permission: 'granted' })
      h.addFile('_doc/noext', fixtures.png)
      const res = await (h.api.saveImageToPhotosAlbum({ filePath: '_doc/noext' }) as Promise<unknown>)
      expect(res).toMatchObject({ errMsg: 'saveImageToPhotosAlbum:ok' })
      expect(h.album).toHaveLength(client === 'ios' ? 1 : 0)
      h.uninstall()
    }
  })

  it('the first save asks the OS; a refusal sticks until the settings page, and the app resumes after it', async () => {
    const h = open({ prompt: 'deny' })
    h.addFile('/static/a.png', fixtures.png)
    await expect(h.api.saveImageToPhotosAlbum({ filePath: '/static/a.png' })).rejects.toMatchObject({
      errMsg: 'saveImageToPhotosAlbum:fail No Permission',
    })
    await expect(h.api.saveImageToPhotosAlbum({ filePath: '/static/a.png' })).rejects.toBeTruthy()
    expect(h.ui.filter((event) => event.type === 'permission-prompt')).toHaveLength(1)
    const events: string[] = []
    h.plus.globalEvent.addEventListener('pause', () => events.push('pause'))
    h.plus.globalEvent.addEventListener('resume', () => events.push('resume'))
    await h.api.openAppAuthorizeSetting({})
    await h.idle()
    expect(events).toEqual(['pause', 'resume'])
    await expect(h.api.saveImageToPhotosAlbum({ filePath: '/static/a.png' })).resolves.toMatchObject({
      errMsg: 'saveImageToPhotosAlbum:ok',
    })
  })
})
