import { describe, expect, it } from 'vitest'
import { USER_WAIT_MS } from '../../src/core/save'
import { fixtures, toBase64, toDataUri } from '../../src/testing'
import { APP_SAVE_FAILURES, APP_WRITE_FAILURES } from '../host-payloads'
import { JPEG_URL, LOCAL_PATH, modals, outcome, POSTER_URL, setupApp, FORMATS } from '../helpers'

// The uni-app App adapter (platforms/app.ts) on its simulated host: `uni` for the save and the UI,
// `plus` for files, downloads and the return from the settings page (docs/en/hosts/app.md).

const EXTENSIONLESS_URL = 'https://cdn.example.com/qr?id=7'
const saves = (host: ReturnType<typeof setupApp>['host']) => host.count('saveImageToPhotosAlbum')

describe('uni-app App: sources', () => {
  it('downloads a URL to its own file named with an image extension, saves it, and removes it', async () => {
    const { host, api } = setupApp({ permission: 'granted' })
    const result = await api.saveImageToAlbum(POSTER_URL)
    await host.idle()
    // two calls for the save; the cleanup is fire-and-forget (it never delays or fails the result)
    expect(host.asyncCalls()).toEqual([
      'downloader.createDownload',
      'saveImageToPhotosAlbum',
      'io.resolveLocalFileSystemURL',
      'io.remove',
    ])
    const download = host.calls.find((call) => call.api === 'downloader.createDownload')?.args as {
      options: { filename: string }
    }
    expect(download.options.filename).toMatch(/^_doc\/msi-\w+\.png$/)
    expect(result).toEqual({
      errMsg: 'saveImageToAlbum:ok',
      platform: 'app',
      mode: 'album',
      filePath: download.options.filename,
    })
    expect(host.album.map((entry) => entry.format)).toEqual(['png'])
    await host.idle()
    expect(host.userFiles()).toEqual([])
  })

  it('a URL without an extension still reaches the album: Android would report success and drop it (uni-app#2429)', async () => {
    const { host, api } = setupApp({ permission: 'granted', client: 'android' })
    host.downloads.set(EXTENSIONLESS_URL, { status: 200, body: fixtures.jpeg, contentType: 'image/jpeg' })
    await api.saveImageToAlbum(EXTENSIONLESS_URL)
    expect(host.album).toHaveLength(1)
    // the quirk itself, which the adapter avoids: the host's own default file name has no extension
    host.addFile('_downloads/qr', fixtures.jpeg)
    ;(host.api.saveImageToPhotosAlbum as (o: object) => void)({ filePath: '_downloads/qr', success: () => undefined })
    await host.idle()
    expect(host.album).toHaveLength(1)
  })

  it('forwards request headers to the downloader', async () => {
    const { host, api } = setupApp({ permission: 'granted' })
    await api.saveImageToAlbum({ src: JPEG_URL, headers: { Authorization: 'Bearer t' } })
    const download = host.calls.find((call) => call.api === 'downloader.createDownload')?.args as {
      headers: object
      options: { filename: string }
    }
    expect(download.headers).toEqual({ Authorization: 'Bearer t' })
    expect(download.options.filename).toMatch(/\.jpg$/)
  })

  it.each(FORMATS)(
    'writes a %s data URI and raw base64 byte for byte (no Bitmap re-encode), then removes the file',
    async (format, mime) => {
      const { host, api } = setupApp({ permission: 'granted' })
      const bytes = fixtures[format]
      await api.saveImageToAlbum(toDataUri(bytes, mime))
      await api.saveImageToAlbum({ base64: toBase64(bytes) })
      expect(host.album.map((entry) => entry.format)).toEqual([format, format])
      expect(host.album[0]!.bytes).toEqual(bytes)
      expect(host.album[1]!.bytes).toEqual(bytes)
      expect(host.count('io.writeAsBinary')).toBe(2)
      await host.idle()
      expect(host.userFiles()).toEqual([])
    },
  )

  it.each(['/static/poster.png', '_doc/app-own.png', '_www/static/a.png', 'file:///storage/emulated/0/DCIM/a.png'])(
    'saves the local path %s with one host call',
    async (path) => {
      const { host, api } = setupApp({ permission: 'granted' })
      host.addFile(path, fixtures.png)
      await expect(api.saveImageToAlbum(path)).resolves.toMatchObject({ filePath: path, mode: 'album' })
      expect(host.asyncCalls()).toEqual(['saveImageToPhotosAlbum'])
      host.files.delete(path) // the app's own file, not ours
    },
  )
})

describe('uni-app App: failures', () => {
  it.each(APP_SAVE_FAILURES)('save failing with %s → %s, the payload kept', async (_name, payload, code) => {
    const { host, api } = setupApp({ permission: 'granted', client: 'android' })
    host.fault('saveImageToPhotosAlbum', { kind: 'fail', payload })
    const result = await outcome(api.saveImageToAlbum({ src: LOCAL_PATH, guide: false }))
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error).toMatchObject({ code, platform: 'app' })
    expect(result.error.raw).toBe(payload)
    expect(result.error.errMsg).toMatch(
      __DEV__ ? new RegExp(`^saveImageToAlbum:fail ${code} save: `) : new RegExp(`^saveImageToAlbum:fail ${code}$`),
    )
  })

  it.each(APP_WRITE_FAILURES)('the writer failing with %s → %s', async (_name, payload, code) => {
    const { host, api } = setupApp({ permission: 'granted' })
    host.fault('io.writeAsBinary', { kind: 'fail', payload })
    await expect(api.saveImageToAlbum({ base64: toBase64(fixtures.png) })).rejects.toMatchObject({ code })
  })

  it.each([
    ['a 404', { status: 404, body: fixtures.html, contentType: 'text/html' }],
    ['a failed request (status 0)', { fail: {} }],
  ])('%s → DOWNLOAD_FAILED, the partial file removed, no save', async (_name, response) => {
    const { host, api } = setupApp({ permission: 'granted' })
    host.downloads.set('https://cdn.example.com/gone.png', response)
    const result = await outcome(api.saveImageToAlbum('https://cdn.example.com/gone.png'))
    expect(result.ok || result.error.code).toBe('DOWNLOAD_FAILED')
    expect(saves(host)).toBe(0)
  })

  it('an unknown URL (no response at all) → DOWNLOAD_FAILED with the raw status kept', async () => {
    const { api } = setupApp({ permission: 'granted' })
    const result = await outcome(api.saveImageToAlbum('https://cdn.example.com/nothing.png'))
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error).toMatchObject({ code: 'DOWNLOAD_FAILED', platform: 'app' })
    expect(result.error.raw).toMatchObject({ errMsg: 'downloadFile:fail statusCode: 0' })
  })

  it('a full _doc on write → FILE_WRITE_FAILED, nothing left', async () => {
    const { api } = setupApp({ permission: 'granted', userDataQuota: 16 })
    await expect(api.saveImageToAlbum({ base64: toBase64(fixtures.png) })).rejects.toMatchObject({
      code: 'FILE_WRITE_FAILED',
    })
  })

  it.each(['io.resolveLocalFileSystemURL', 'io.getFile', 'io.createWriter', 'io.writeAsBinary'])(
    '%s failing → FILE_WRITE_FAILED with its payload',
    async (api_) => {
      const { host, api } = setupApp({ permission: 'granted' })
      host.fault(api_, { kind: 'fail', payload: { code: 9, message: 'io error' } })
      const result = await outcome(api.saveImageToAlbum(toDataUri(fixtures.png, 'image/png')))
      expect(result.ok || result.error.code).toBe('FILE_WRITE_FAILED')
      expect(saves(host)).toBe(0)
    },
  )

  it.each([
    ['missing file', LOCAL_PATH + '.gone', 'FILE_NOT_FOUND'],
    ['not an image', '_doc/page.png', 'UNKNOWN'],
  ])('a save of a %s keeps the host payload', async (_name, path, code) => {
    const { host, api } = setupApp({ permission: 'granted', client: 'ios' })
    if (path === '_doc/page.png') host.addFile(path, fixtures.html)
    const result = await outcome(api.saveImageToAlbum({ src: path, guide: false }))
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.code).toBe(code)
    expect(result.error.raw).toMatchObject({ errMsg: expect.stringMatching(/^saveImageToPhotosAlbum:fail /) })
    host.files.delete(path)
  })

  it('no plus global (not an App) → UNSUPPORTED_PLATFORM without a host call', async () => {
    const { host, api } = setupApp()
    delete (globalThis as Record<string, unknown>).plus
    await expect(api.saveImageToAlbum(POSTER_URL)).rejects.toMatchObject({
      code: 'UNSUPPORTED_PLATFORM',
      platform: 'app',
    })
    expect(host.calls).toEqual([])
  })

  it.each(['hang', 'throw'] as const)(
    'a downloader that does %s → DOWNLOAD_FAILED or TIMEOUT, never a hang',
    async (kind) => {
      const { host, api } = setupApp({ permission: 'granted' })
      host.fault('downloader.createDownload', kind === 'hang' ? { kind } : { kind, error: new Error('native crash') })
      await expect(api.saveImageToAlbum({ src: POSTER_URL, timeout: 50 })).rejects.toMatchObject({
        code: kind === 'hang' ? 'TIMEOUT' : 'DOWNLOAD_FAILED',
      })
    },
  )
})

describe('uni-app App: permission', () => {
  it.each(['ios', 'android'] as const)('first save on %s asks the OS once; allowed, it saves', async (client) => {
    const { host, api } = setupApp({ client })
    await api.saveImageToAlbum(LOCAL_PATH)
    expect(host.ui.filter((event) => event.type === 'permission-prompt')).toHaveLength(1)
    expect(host.album).toHaveLength(1)
  })

  it.each(['ios', 'android'] as const)(
    'denied on %s → the guide → the app settings page → retried when the app resumes',
    async (client) => {
      const { host, api } = setupApp({ client, permission: 'denied', settings: 'enable' })
      const result = await api.saveImageToAlbum({
        src: POSTER_URL,
        guide: { title: '去设置', content: '允许访问相册' },
      })
      expect(result.mode).toBe('album')
      await host.idle()
      expect(modals(host)).toEqual([expect.objectContaining({ title: '去设置', content: '允许访问相册' })])
      expect(host.asyncCalls()).toEqual([
        'downloader.createDownload',
        'saveImageToPhotosAlbum',
        'showModal',
        'openAppAuthorizeSetting',
        'saveImageToPhotosAlbum',
        'io.resolveLocalFileSystemURL',
        'io.remove',
      ])
      // the listener for the return is removed once it fired
      expect(host.count('globalEvent.addEventListener')).toBe(1)
      expect(host.count('globalEvent.removeEventListener')).toBe(1)
    },
  )

  it('iOS: a save failing with any text while the album reads denied is AUTH_DENIED (getAppAuthorizeSetting)', async () => {
    const { host, api } = setupApp({ client: 'ios', permission: 'denied' })
    host.fault('saveImageToPhotosAlbum', {
      kind: 'fail',
      payload: { errMsg: 'saveImageToPhotosAlbum:fail 保存失败', code: -100 },
    })
    await expect(api.saveImageToAlbum({ src: LOCAL_PATH, guide: false })).rejects.toMatchObject({ code: 'AUTH_DENIED' })
  })

  it('the same failure with the album authorized stays UNKNOWN, its payload kept', async () => {
    const { host, api } = setupApp({ client: 'ios', permission: 'granted' })
    const payload = { errMsg: 'saveImageToPhotosAlbum:fail 保存失败', code: -100 }
    host.fault('saveImageToPhotosAlbum', { kind: 'fail', payload })
    await expect(api.saveImageToAlbum({ src: LOCAL_PATH, guide: false })).rejects.toMatchObject({
      code: 'UNKNOWN',
      raw: payload,
    })
  })

  it('settings left off: Android cannot tell, so one retry, then AUTH_DENIED', async () => {
    const { host, api } = setupApp({ client: 'android', permission: 'denied', settings: 'keep' })
    await expect(api.saveImageToAlbum(LOCAL_PATH)).rejects.toMatchObject({ code: 'AUTH_DENIED' })
    expect(saves(host)).toBe(2)
  })

  it('settings left off: iOS reads the album state on return and does not retry', async () => {
    const { host, api } = setupApp({ client: 'ios', permission: 'denied', settings: 'keep' })
    await expect(api.saveImageToAlbum(LOCAL_PATH)).rejects.toMatchObject({ code: 'AUTH_DENIED' })
    expect(saves(host)).toBe(1)
  })

  it('guide cancelled → AUTH_DENIED, settings never opened', async () => {
    const { host, api } = setupApp({ permission: 'denied', modal: 'cancel' })
    await expect(api.saveImageToAlbum(LOCAL_PATH)).rejects.toMatchObject({ code: 'AUTH_DENIED' })
    expect(host.count('openAppAuthorizeSetting')).toBe(0)
  })

  it('openAppAuthorizeSetting failing → its failure, the resume listener removed', async () => {
    const { host, api } = setupApp({ permission: 'denied' })
    const payload = { errMsg: 'openAppAuthorizeSetting:fail' }
    host.fault('openAppAuthorizeSetting', { kind: 'fail', payload })
    await expect(api.saveImageToAlbum(LOCAL_PATH)).rejects.toMatchObject({ raw: payload })
    expect(host.count('globalEvent.removeEventListener')).toBe(1)
  })

  it('a user who never comes back from settings → TIMEOUT after the user wait, not a hang', async () => {
    const { vi } = await import('vitest')
    vi.useFakeTimers()
    try {
      const { host, api } = setupApp({ permission: 'denied', returnsFromSettings: false })
      const pending = outcome(api.saveImageToAlbum(LOCAL_PATH))
      await vi.advanceTimersByTimeAsync(USER_WAIT_MS + 1)
      const result = await pending
      expect(result.ok || result.error.code).toBe('TIMEOUT')
      expect(host.count('openAppAuthorizeSetting')).toBe(1)
    } finally {
      vi.useRealTimers()
    }
  })

  it('openAlbumSetting opens the app settings page and resolves on return (iOS: the album state)', async () => {
    const { host, api } = setupApp({ client: 'ios', permission: 'denied', settings: 'enable' })
    await expect(api.openAlbumSetting()).resolves.toBe(true)
    host.state.settings = 'keep'
    host.state.permission = 'denied'
    await expect(api.openAlbumSetting()).resolves.toBe(false)
  })

  it('a batch with the album denied shows one guide and saves every image after the return', async () => {
    const { host, api } = setupApp({ permission: 'denied' })
    const outcomes = await api.saveImagesToAlbum([POSTER_URL, JPEG_URL, toDataUri(fixtures.gif, 'image/gif')])
    expect(outcomes.map((item) => item.ok)).toEqual([true, true, true])
    expect(modals(host)).toHaveLength(1)
    expect(host.album.map((entry) => entry.format).sort()).toEqual(['gif', 'jpeg', 'png'])
  })
})
