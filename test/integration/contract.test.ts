import { describe, expect, it, vi } from 'vitest'
import { USER_WAIT_MS } from '../../src/core/save'
import { SaveImageError } from '../../src/core/errors'
import { fixtures, toBase64, toDataUri } from '../../src/testing'
import { profileOf } from '../../src/testing/profiles'
import { SAVE_FAILURES } from '../host-payloads'
import {
  denied,
  GUIDES_ITSELF,
  inAlipayContainer,
  NO_BASE64,
  NO_SCOPE,
  NO_SETTINGS_PAGE,
  JPEG_URL,
  LOCAL_PATH,
  modals,
  outcome,
  PLATFORMS,
  PRIVACY,
  POSTER_URL,
  refusedFormats,
  saves,
  setup,
  FORMATS,
} from '../helpers'

/** The host-local paths of each host that look like URLs (docs/en/guide/sources.md#local). */
const URL_LIKE_LOCAL: Record<string, string[]> = {
  weapp: ['wxfile://tmp_abc.png', 'http://tmp/abc.png', 'http://usr/poster.png'],
  tt: ['ttfile://temp/abc.png', 'ttfile://user/poster.png'],
  alipay: ['https://resource/abc.image', 'https://usr/poster.png'],
  swan: ['bdfile://tmp/abc.png', 'bdfile://usr/poster.png'],
  lark: ['ttfile://temp/abc.png', 'ttfile://user/poster.png'],
  dd: ['https://resource/abc.image', 'https://usr/poster.png'],
  ascf: ['internal://tmp/abc.png', 'internal://files/poster.png'],
  qq: ['qqfile://tmp_abc.png', 'qqfile://usr/poster.png'],
  kwai: ['ksfile://temp/abc.png', 'ksfile://usr/poster.png'],
  xhs: ['xhsfile://tmp/abc.png'],
  jd: ['jdfile://tmp_abc.png', 'jdfile://usr/poster.png'],
  'app-harmony': ['file:///data/storage/el2/base/haps/entry/cache/abc.png'],
}

describe.each(PLATFORMS)('contract on %s', (platform) => {
  const scoped = !NO_SCOPE.includes(platform)
  const base64 = !NO_BASE64.includes(platform)
  const guides = scoped && !GUIDES_ITSELF.includes(platform)
  describe('sources', () => {
    it('saves a URL with one download and one save, and resolves the contract result', async () => {
      const { host, api } = setup(platform, { permission: 'granted' })
      const result = await api.saveImageToAlbum(POSTER_URL)
      expect(host.asyncCalls()).toEqual(['downloadFile', 'saveImageToPhotosAlbum'])
      expect(host.album).toHaveLength(1)
      expect(host.album[0].format).toBe('png')
      expect(result).toEqual({ errMsg: 'saveImageToAlbum:ok', filePath: host.album[0].path, platform, mode: 'album' })
    })

    it('saves a local path with exactly one host call', async () => {
      const { host, api } = setup(platform, { permission: 'granted' })
      const result = await api.saveImageToAlbum(LOCAL_PATH)
      expect(host.asyncCalls()).toEqual(['saveImageToPhotosAlbum'])
      expect(result.filePath).toBe(LOCAL_PATH)
      expect(host.album.map((entry) => entry.path)).toEqual([LOCAL_PATH])
    })

    it.each(URL_LIKE_LOCAL[platform])('treats the host-local %s as a path, not a URL', async (path) => {
      const { host, api } = setup(platform, { permission: 'granted' })
      host.addFile(path, fixtures.png)
      await expect(api.saveImageToAlbum(path)).resolves.toMatchObject({ filePath: path })
      expect(host.count('downloadFile')).toBe(0)
      if (path.startsWith(host.userDataPath)) host.files.delete(path) // the app's own file, not ours
    })

    it('accepts the url and filePath aliases', async () => {
      const { host, api } = setup(platform, { permission: 'granted' })
      await api.saveImageToAlbum({ url: POSTER_URL })
      await api.saveImageToAlbum({ filePath: LOCAL_PATH })
      expect(host.album).toHaveLength(2)
    })

    it('forwards request headers to the download', async () => {
      const { host, api } = setup(platform, { permission: 'granted' })
      await api.saveImageToAlbum({ src: POSTER_URL, headers: { Authorization: 'Bearer t' } })
      const download = host.calls.find((call) => call.api === 'downloadFile')
      expect(download?.args).toMatchObject({ url: POSTER_URL, header: { Authorization: 'Bearer t' } })
    })

    it.each(FORMATS.filter(([format]) => base64 && !refusedFormats(platform).includes(format)))(
      'saves a %s data URI and a raw %s base64, leaving no file behind',
      async (format, mime) => {
        const { host, api } = setup(platform, { permission: 'granted' })
        const bytes = fixtures[format]
        await api.saveImageToAlbum(toDataUri(bytes, mime))
        await api.saveImageToAlbum({ base64: toBase64(bytes) })
        expect(host.album.map((entry) => entry.format)).toEqual([format, format])
        expect(host.album[0].bytes).toEqual(bytes)
        expect(host.asyncCalls()).toHaveLength(4) // one write and one save each
        expect(host.userFiles()).toEqual([])
      },
    )

    it.runIf(base64)('trusts the bytes over a data URI’s declared type', async () => {
      const { host, api } = setup(platform, { permission: 'granted' })
      await api.saveImageToAlbum(toDataUri(fixtures.gif, 'image/png'))
      expect(host.album[0].format).toBe('gif')
    })

    it.runIf(base64)('accepts MIME-wrapped and URL-safe base64', async () => {
      const { host, api } = setup(platform, { permission: 'granted' })
      const wrapped = toBase64(fixtures.jpeg).replace(/(.{20})/g, '$1\n')
      const urlSafe = toBase64(fixtures.webp).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
      await api.saveImageToAlbum({ base64: wrapped })
      await api.saveImageToAlbum({ base64: urlSafe })
      expect(host.album.map((entry) => entry.format)).toEqual(['jpeg', 'webp'])
    })

    it.runIf(base64)(
      'writes each base64 image to its own file directly under USER_DATA_PATH with its extension',
      async () => {
        const { host, api } = setup(platform, { permission: 'granted' })
        // settled, not all: a host may refuse a format by extension (Feishu: bmp), after the write
        await Promise.allSettled(
          FORMATS.map(([format]) => api.saveImageToAlbum({ base64: toBase64(fixtures[format]) })),
        )
        const written = host.calls
          .filter((call) => call.api === 'fs.writeFile')
          .map((call) => (call.args as { filePath: string }).filePath)
        if (inAlipayContainer(platform)) {
          // Alipay's documented route: download the data URI into a host temp file (user files need client 10.2.70)
          expect(written).toEqual([])
          expect(host.count('downloadFile')).toBe(5)
          return
        }
        expect(new Set(written).size).toBe(5)
        for (const path of written)
          expect(path).toMatch(
            new RegExp(`^${host.userDataPath.replace(/[/.]/g, '\\$&')}/[^/]+\\.(png|jpg|gif|webp|bmp)$`),
          )
      },
    )
  })

  describe('downloads', () => {
    it('rejects DOWNLOAD_FAILED on a non-2xx status, never saves, and leaves no file', async () => {
      const { host, api } = setup(platform, { permission: 'granted' })
      host.downloads.set('https://cdn.example.com/gone.png', {
        status: 404,
        body: fixtures.html,
        contentType: 'text/html',
      })
      const result = await outcome(api.saveImageToAlbum('https://cdn.example.com/gone.png'))
      expect(result.ok ? null : result.error.code).toBe('DOWNLOAD_FAILED')
      expect(saves(host)).toBe(0)
      expect(host.userFiles()).toEqual([])
    })

    it('rejects DOWNLOAD_FAILED when the host cannot download', async () => {
      const { host, api } = setup(platform, { permission: 'granted' })
      await expect(api.saveImageToAlbum('https://not-whitelisted.example.com/a.png')).rejects.toMatchObject({
        code: 'DOWNLOAD_FAILED',
        platform,
      })
      expect(saves(host)).toBe(0)
    })

    it('keeps the URL’s own image extension for the saved file', async () => {
      const { host, api } = setup(platform, { permission: 'granted' })
      await api.saveImageToAlbum(JPEG_URL)
      expect(host.album[0].format).toBe('jpeg')
      // a host that downloads to a file of ours gets the URL's extension
      if (profileOf(platform).downloadsToFile) expect(host.album[0].path).toMatch(/\.jpg$/)
    })
  })

  it.runIf(!base64)(
    'refuses data URIs and base64 with UNSUPPORTED_PLATFORM before any host call: its file system cannot write them',
    async () => {
      const { host, api } = setup(platform, { permission: 'granted' })
      for (const source of [toDataUri(fixtures.png, 'image/png'), { base64: toBase64(fixtures.jpeg) }]) {
        await expect(api.saveImageToAlbum(source as string)).rejects.toMatchObject({
          code: 'UNSUPPORTED_PLATFORM',
          platform,
        })
      }
      expect(host.calls).toEqual([])
    },
  )

  it.each(FORMATS.filter(([format]) => refusedFormats(platform).includes(format)))(
    'a %s image, which this host refuses by extension, rejects UNSUPPORTED_FORMAT and leaves no file',
    async (format, mime) => {
      const { host, api } = setup(platform, { permission: 'granted' })
      await expect(api.saveImageToAlbum(toDataUri(fixtures[format], mime))).rejects.toMatchObject({
        code: 'UNSUPPORTED_FORMAT',
      })
      await host.idle()
      expect(host.userFiles()).toEqual([])
    },
  )

  describe.runIf(GUIDES_ITSELF.includes(platform))('a host with its own settings dialog after a refusal', () => {
    it('rejects AUTH_DENIED without a guide of ours; the host shows its dialog once; openAlbumSetting still recovers', async () => {
      const { host, api } = setup(platform, { permission: 'not-asked', prompt: 'deny', settings: 'enable' })
      await expect(api.saveImageToAlbum(LOCAL_PATH)).rejects.toMatchObject({ code: 'AUTH_DENIED' })
      expect(modals(host)).toEqual([])
      expect(host.ui.filter((event) => event.type === 'host-guide')).toHaveLength(1)
      expect(host.count('openSetting')).toBe(0)
      await expect(api.openAlbumSetting()).resolves.toBe(true)
      await expect(api.saveImageToAlbum(LOCAL_PATH)).resolves.toMatchObject({ mode: 'album' })
    })

    it('a refused batch: one save call and one dialog of the host; every image AUTH_DENIED, no file left', async () => {
      const { host, api } = setup(platform, { permission: 'denied' })
      const outcomes = await api.saveImagesToAlbum([
        LOCAL_PATH,
        POSTER_URL,
        { base64: toBase64(fixtures.png) },
        JPEG_URL,
      ])
      expect(outcomes.map((o) => !o.ok && o.error.code)).toEqual([
        'AUTH_DENIED',
        'AUTH_DENIED',
        'AUTH_DENIED',
        'AUTH_DENIED',
      ])
      expect(saves(host)).toBe(1)
      expect(host.ui.filter((event) => event.type === 'host-guide')).toHaveLength(1)
      expect(modals(host)).toEqual([])
      await host.idle()
      expect(host.userFiles()).toEqual([])
    })

    it('concurrent single calls share the first refusal while its dialog is the answer; a call after it asks the host again', async () => {
      const { host, api } = setup(platform, { permission: 'denied' })
      const results = await Promise.allSettled([1, 2, 3].map(() => api.saveImageToAlbum(LOCAL_PATH)))
      expect(results.map((r) => r.status === 'rejected' && r.reason.code)).toEqual([
        'AUTH_DENIED',
        'AUTH_DENIED',
        'AUTH_DENIED',
      ])
      expect(saves(host)).toBe(1)
      expect(host.ui.filter((event) => event.type === 'host-guide')).toHaveLength(1)
      // the user followed the host's dialog and turned the album on
      host.state.permission = 'granted'
      await expect(api.saveImageToAlbum(LOCAL_PATH)).resolves.toMatchObject({ mode: 'album' })
      expect(saves(host)).toBe(2)
    })
  })

  describe.runIf(guides)('permission recovery', () => {
    it('saves first: the happy path asks no setting and calls no authorize', async () => {
      const { host, api } = setup(platform, { permission: 'not-asked', prompt: 'allow' })
      await api.saveImageToAlbum(LOCAL_PATH)
      expect(host.count('getSetting') + host.count('authorize')).toBe(0)
      expect(host.asyncCalls()).toEqual(['saveImageToPhotosAlbum'])
    })

    it('denied → one guide modal → settings → retried once → saved', async () => {
      const { host, api } = setup(platform, { permission: denied(platform), modal: 'confirm', settings: 'enable' })
      await expect(api.saveImageToAlbum(POSTER_URL)).resolves.toMatchObject({ platform })
      expect(modals(host)).toHaveLength(1)
      expect(host.ui.filter((event) => event.type === 'settings')).toHaveLength(1)
      expect(saves(host)).toBe(2)
      expect(host.album).toHaveLength(1)
    })

    it('a first-time refusal of the host’s own prompt is recovered the same way', async () => {
      const { host, api } = setup(platform, { permission: 'not-asked', prompt: 'deny' })
      await api.saveImageToAlbum(LOCAL_PATH)
      expect(host.album).toHaveLength(1)
      expect(modals(host)).toHaveLength(1)
    })

    it('cancelling the guide rejects AUTH_DENIED and never opens settings', async () => {
      const { host, api } = setup(platform, { permission: denied(platform), modal: 'cancel' })
      await expect(api.saveImageToAlbum(LOCAL_PATH)).rejects.toMatchObject({ code: 'AUTH_DENIED' })
      expect(host.ui.some((event) => event.type === 'settings')).toBe(false)
      expect(saves(host)).toBe(1)
    })

    it('leaving the permission off in settings rejects AUTH_DENIED without a retry', async () => {
      const { host, api } = setup(platform, { permission: denied(platform), settings: 'keep' })
      await expect(api.saveImageToAlbum(LOCAL_PATH)).rejects.toMatchObject({ code: 'AUTH_DENIED' })
      expect(saves(host)).toBe(1)
    })

    it('a retry that is still denied rejects AUTH_DENIED with no second modal', async () => {
      const { host, api } = setup(platform, { permission: denied(platform), settings: 'enable' })
      // the host's own denial payload, as the payload table has it
      const denial = SAVE_FAILURES[platform].find(([, , code]) => code === 'AUTH_DENIED')![1]
      host.fault('saveImageToPhotosAlbum', { kind: 'fail', payload: denial })
      await expect(api.saveImageToAlbum(LOCAL_PATH)).rejects.toMatchObject({ code: 'AUTH_DENIED' })
      expect(modals(host)).toHaveLength(1)
      expect(saves(host)).toBe(2)
    })

    it('guide: false rejects AUTH_DENIED at once, with no modal', async () => {
      const { host, api } = setup(platform, { permission: denied(platform) })
      await expect(api.saveImageToAlbum({ src: LOCAL_PATH, guide: false })).rejects.toMatchObject({
        code: 'AUTH_DENIED',
      })
      expect(modals(host)).toHaveLength(0)
    })

    it('shows the app’s own guide texts', async () => {
      const { host, api } = setup(platform, { permission: denied(platform) })
      const guide = { title: '需要相册权限', content: '请允许保存到相册', confirmText: '打开设置', cancelText: '算了' }
      await api.saveImageToAlbum({ src: LOCAL_PATH, guide })
      expect(modals(host)[0]).toMatchObject(guide)
    })

    it('never guides for privacy errors, nor for system-permission ones where the host has no page for them', async () => {
      const { host, api } = setup(platform, { permission: 'granted', systemPermission: false, settings: 'keep' })
      await expect(api.saveImageToAlbum(LOCAL_PATH)).rejects.toMatchObject({ code: 'SYSTEM_PERMISSION_DENIED' })
      if (PRIVACY.includes(platform)) {
        host.state.systemPermission = true
        host.state.privacy = 'not-agreed'
        await expect(api.saveImageToAlbum(LOCAL_PATH)).rejects.toMatchObject({ code: 'PRIVACY_NOT_AUTHORIZED' })
        host.state.privacy = 'undeclared'
        await expect(api.saveImageToAlbum(LOCAL_PATH)).rejects.toMatchObject({ code: 'PRIVACY_SCOPE_UNDECLARED' })
      }
      // the phone's settings page, where the host documents one (test/integration/system-permission.test.ts)
      expect(modals(host)).toHaveLength(profileOf(platform).opensAppSettings ? 1 : 0)
    })

    it('shows one modal for many calls denied together, and all of them save after settings', async () => {
      const { host, api } = setup(platform, { permission: denied(platform) })
      const results = await Promise.all(Array.from({ length: 8 }, () => api.saveImageToAlbum(LOCAL_PATH)))
      expect(results).toHaveLength(8)
      expect(modals(host)).toHaveLength(1)
      expect(host.album).toHaveLength(8)
    })

    it('calls waiting while the guide was declined share that outcome instead of prompting again', async () => {
      const { host, api } = setup(platform, { permission: denied(platform), modal: 'cancel' })
      const results = await Promise.all(Array.from({ length: 6 }, () => outcome(api.saveImageToAlbum(LOCAL_PATH))))
      expect(results.map((r) => (r.ok ? 'ok' : r.error.code))).toEqual(Array(6).fill('AUTH_DENIED'))
      expect(modals(host)).toHaveLength(1)
      // a later tap is a new request and may ask again
      await outcome(api.saveImageToAlbum(LOCAL_PATH))
      expect(modals(host)).toHaveLength(2)
    })
  })

  describe.runIf(guides)('waiting for the user', () => {
    it('the guide may wait longer than the call timeout, but a guide nobody answers ends in TIMEOUT', async () => {
      vi.useFakeTimers()
      try {
        const { host, api } = setup(platform, { permission: denied(platform) })
        host.fault(inAlipayContainer(platform) ? 'confirm' : 'showModal', { kind: 'hang' })
        let settled = false
        const result = outcome(api.saveImageToAlbum({ src: LOCAL_PATH, timeout: 1000 })).finally(() => (settled = true))
        await vi.advanceTimersByTimeAsync(USER_WAIT_MS - 1000)
        expect(settled).toBe(false)
        await vi.advanceTimersByTimeAsync(1000)
        const failed = await result
        expect(failed.ok ? null : failed.error.code).toBe('TIMEOUT')
      } finally {
        vi.useRealTimers()
      }
    })

    it('openAlbumSetting on a settings page that never returns ends in TIMEOUT', async () => {
      vi.useFakeTimers()
      try {
        const { host, api } = setup(platform, { permission: denied(platform) })
        host.fault('openSetting', { kind: 'hang' })
        const result = outcome(host.tap(() => api.openAlbumSetting()))
        await vi.advanceTimersByTimeAsync(USER_WAIT_MS)
        const failed = await result
        expect(failed.ok ? null : failed.error.code).toBe('TIMEOUT')
      } finally {
        vi.useRealTimers()
      }
    })
  })

  describe.runIf(!scoped)('a host with no album scope and no settings page', () => {
    it('saves with no prompt whatever the permission state; an OS refusal is SYSTEM_PERMISSION_DENIED, never guided', async () => {
      const { host, api } = setup(platform, { permission: 'denied', client: 'ios' })
      await expect(api.saveImageToAlbum(LOCAL_PATH)).resolves.toMatchObject({ mode: 'album' })
      expect(host.ui.filter((event) => event.type === 'permission-prompt')).toEqual([])
      host.state.systemPermission = false
      await expect(api.saveImageToAlbum(POSTER_URL)).rejects.toMatchObject({ code: 'SYSTEM_PERMISSION_DENIED' })
      expect(modals(host)).toEqual([])
    })

    it.runIf(NO_SETTINGS_PAGE.includes(platform))(
      'openAlbumSetting rejects UNSUPPORTED_PLATFORM: there is no settings page to open',
      async () => {
        const { host, api } = setup(platform)
        await expect(host.tap(() => api.openAlbumSetting())).rejects.toMatchObject({
          code: 'UNSUPPORTED_PLATFORM',
          platform,
        })
      },
    )

    it.runIf(!NO_SETTINGS_PAGE.includes(platform))(
      'openAlbumSetting opens the settings page and resolves true: no album permission blocks a save',
      async () => {
        const { host, api } = setup(platform)
        await expect(host.tap(() => api.openAlbumSetting())).resolves.toBe(true)
        expect(host.ui).toContainEqual({ type: 'settings' })
      },
    )
  })

  describe.runIf(scoped)('openAlbumSetting', () => {
    it('resolves whether the album permission is on after the settings page', async () => {
      const { host, api } = setup(platform, { permission: denied(platform), settings: 'enable' })
      await expect(host.tap(() => api.openAlbumSetting())).resolves.toBe(true)
      host.state.settings = 'keep'
      host.state.permission = denied(platform)
      await expect(host.tap(() => api.openAlbumSetting())).resolves.toBe(false)
    })

    it(
      profileOf(platform).tapOnlySettings
        ? 'rejects NEEDS_USER_GESTURE outside a tap'
        : 'works outside a tap where the host allows it',
      async () => {
        const { api } = setup(platform, { permission: denied(platform) })
        await Promise.resolve()
        const result = await outcome(api.openAlbumSetting())
        if (profileOf(platform).tapOnlySettings) expect(result.ok ? null : result.error.code).toBe('NEEDS_USER_GESTURE')
        else expect(result).toEqual({ ok: true, value: true })
      },
    )
  })

  describe('loading', () => {
    it('shows the host indicator and hides it before the promise settles', async () => {
      const { host, api } = setup(platform, { permission: 'granted' })
      const result = await api
        .saveImageToAlbum({ src: POSTER_URL, loading: '正在保存' })
        .then(() => host.ui.map((event) => event.type))
      expect(result.filter((type) => type === 'loading' || type === 'hide-loading')).toEqual([
        'loading',
        // the download's progress, where the host reports it: the same indicator, its text updated
        ...result.filter((type) => type === 'loading').slice(1),
        'hide-loading',
      ])
      const titles = host.ui.flatMap((event) => (event.type === 'loading' ? [event.title] : []))
      expect(titles[0]).toBe('正在保存')
      for (const title of titles.slice(1)) expect(title).toMatch(/^正在保存 \d+%$/)
      const failed = await outcome(api.saveImageToAlbum({ src: 'https://cdn.example.com/missing.png', loading: true }))
      expect(failed.ok).toBe(false)
      expect(host.ui.map((event) => event.type).at(-1)).toBe('hide-loading')
    })

    it('shows one indicator for overlapping calls', async () => {
      const { host, api } = setup(platform, { permission: 'granted' })
      await Promise.all([
        api.saveImageToAlbum({ src: POSTER_URL, loading: true }),
        api.saveImageToAlbum({ src: LOCAL_PATH, loading: true }),
      ])
      // shown once; a download's progress only updates its text
      expect(host.ui.filter((event) => event.type === 'loading' && !/%$/.test(event.title ?? ''))).toHaveLength(1)
      expect(host.ui.filter((event) => event.type === 'hide-loading')).toHaveLength(1)
    })
  })

  describe('callbacks', () => {
    it('calls success and complete once each and resolves too', async () => {
      const { api } = setup(platform, { permission: 'granted' })
      const success = vi.fn()
      const fail = vi.fn()
      const complete = vi.fn()
      const result = await api.saveImageToAlbum({ src: LOCAL_PATH, success, fail, complete })
      expect(success).toHaveBeenCalledTimes(1)
      expect(success).toHaveBeenCalledWith(result)
      expect(complete).toHaveBeenCalledWith(result)
      expect(fail).not.toHaveBeenCalled()
    })

    it('a throwing callback changes nothing and is not called twice', async () => {
      const { api } = setup(platform, { permission: 'granted' })
      const error = vi.spyOn(console, 'error').mockImplementation(() => {})
      const success = vi.fn(() => {
        throw new Error('app bug')
      })
      const complete = vi.fn(() => {
        throw new Error('app bug 2')
      })
      await expect(api.saveImageToAlbum({ src: LOCAL_PATH, success, complete })).resolves.toMatchObject({ platform })
      expect(success).toHaveBeenCalledTimes(1)
      expect(complete).toHaveBeenCalledTimes(1)
      expect(error).toHaveBeenCalledTimes(2)
      error.mockRestore()
    })

    it('a callback-style caller that ignores the promise gets no unhandled rejection', async () => {
      const { api } = setup(platform, { permission: 'granted' })
      const fail = vi.fn()
      api.saveImageToAlbum({ src: 'https://cdn.example.com/missing.png', fail })
      await vi.waitFor(() => expect(fail).toHaveBeenCalledTimes(1))
      expect(fail.mock.calls[0][0]).toBeInstanceOf(SaveImageError)
    })
  })

  describe('watchdog', () => {
    it('a save that never calls back rejects TIMEOUT and does not block the next call', async () => {
      const { host, api } = setup(platform, { permission: 'granted' })
      host.fault('saveImageToPhotosAlbum', { kind: 'hang' }, 1)
      const first = api.saveImageToAlbum({ src: LOCAL_PATH, timeout: 30 })
      const second = api.saveImageToAlbum({ src: LOCAL_PATH, timeout: 1000 })
      await expect(first).rejects.toMatchObject({ code: 'TIMEOUT', platform })
      await expect(second).resolves.toMatchObject({ filePath: LOCAL_PATH })
    })

    it('a download that calls back after the watchdog leaves no file behind', async () => {
      const { host, api } = setup(platform, { permission: 'granted' })
      host.fault('downloadFile', { kind: 'delay', ms: 60 }, 1)
      await expect(api.saveImageToAlbum({ src: POSTER_URL, timeout: 20 })).rejects.toMatchObject({ code: 'TIMEOUT' })
      await new Promise((resolve) => setTimeout(resolve, 80))
      await host.idle()
      expect(host.userFiles()).toEqual([])
    })

    it.runIf(base64)('a write that never calls back rejects TIMEOUT', async () => {
      const { host, api } = setup(platform, { permission: 'granted' })
      host.fault(inAlipayContainer(platform) ? 'downloadFile' : 'fs.writeFile', { kind: 'hang' })
      await expect(api.saveImageToAlbum({ base64: toBase64(fixtures.png), timeout: 20 })).rejects.toMatchObject({
        code: 'TIMEOUT',
      })
      expect(saves(host)).toBe(0)
    })

    it('a host API that throws becomes a SaveImageError, not a crash', async () => {
      const { host, api } = setup(platform, { permission: 'granted' })
      host.fault('saveImageToPhotosAlbum', { kind: 'throw', error: new TypeError('boom') }, 1)
      const result = await outcome(api.saveImageToAlbum(LOCAL_PATH))
      expect(result.ok ? null : result.error).toMatchObject({ code: 'UNKNOWN', raw: expect.any(TypeError) })
    })
  })

  describe('batch', () => {
    it('resolves in input order with per-image outcomes and reports progress', async () => {
      const { host, api } = setup(platform, { permission: 'granted' })
      const progress: Array<[number, number, number, boolean]> = []
      const results = await api.saveImagesToAlbum(
        [POSTER_URL, 'https://cdn.example.com/missing.png', { base64: toBase64(fixtures.gif) }, LOCAL_PATH],
        {
          onProgress: (p) => progress.push([p.done, p.total, p.index, !p.error]),
        },
      )
      expect(results.map((r) => (r.ok ? r.result.platform : r.error.code))).toEqual([
        platform,
        'DOWNLOAD_FAILED',
        base64 ? platform : 'UNSUPPORTED_PLATFORM',
        platform,
      ])
      expect(progress.map(([done]) => done)).toEqual([1, 2, 3, 4])
      expect(progress.every(([, total]) => total === 4)).toBe(true)
      expect(progress.map(([, , index]) => index).sort()).toEqual([0, 1, 2, 3])
      expect(host.album).toHaveLength(base64 ? 3 : 2)
    })

    it('downloads at most `concurrency` at a time and saves one at a time', async () => {
      const { host, api } = setup(platform, { permission: 'granted', latency: 5 })
      const urls = Array.from({ length: 7 }, (_, i) => `https://cdn.example.com/p${i}.png`)
      for (const url of urls)
        host.downloads.set(url, { status: 200, body: fixtures.png, contentType: 'image/png', delay: 10 })
      let inFlight = 0
      let peak = 0
      const download = host.api.downloadFile as (options: Record<string, unknown>) => unknown
      host.api.downloadFile = (options: Record<string, unknown>) => {
        peak = Math.max(peak, ++inFlight)
        const done = options.complete as ((res: unknown) => void) | undefined
        return download({
          ...options,
          complete: (res: unknown) => {
            inFlight--
            done?.(res)
          },
        })
      }
      const results = await api.saveImagesToAlbum(urls, { concurrency: 2 })
      expect(results.every((r) => r.ok)).toBe(true)
      expect(peak).toBe(2)
      expect(host.album).toHaveLength(7)
    })

    it.runIf(guides)('asks at most once for the whole batch', async () => {
      const { host, api } = setup(platform, { permission: denied(platform), modal: 'cancel' })
      const results = await api.saveImagesToAlbum([
        LOCAL_PATH,
        LOCAL_PATH,
        POSTER_URL,
        base64 ? { base64: toBase64(fixtures.png) } : JPEG_URL,
      ])
      expect(results.every((r) => !r.ok && r.error.code === 'AUTH_DENIED')).toBe(true)
      expect(modals(host)).toHaveLength(1)
    })

    it.runIf(guides)('after one accepted guide the whole batch is saved', async () => {
      const { host, api } = setup(platform, { permission: denied(platform) })
      const results = await api.saveImagesToAlbum([LOCAL_PATH, POSTER_URL, JPEG_URL], { loading: true })
      expect(results.every((r) => r.ok)).toBe(true)
      expect(modals(host)).toHaveLength(1)
      expect(host.album).toHaveLength(3)
      expect(host.ui.filter((event) => event.type === 'loading' && !/%$/.test(event.title ?? ''))).toHaveLength(1)
    })

    it('an empty batch resolves to an empty array with no host call', async () => {
      const { host, api } = setup(platform)
      await expect(api.saveImagesToAlbum([])).resolves.toEqual([])
      expect(host.calls).toEqual([])
    })
  })
})

describe('host-specific rows', () => {
  it('weapp downloads into a named USER_DATA_PATH file (WeChat rejects extension-less temp files) and removes it', async () => {
    const { host, api } = setup('weapp', { permission: 'granted' })
    host.downloads.set('https://cdn.example.com/render?id=1', { status: 200, body: fixtures.png }) // no content type: temp file would have no extension
    const result = await api.saveImageToAlbum('https://cdn.example.com/render?id=1')
    expect(result.filePath.startsWith(`${host.userDataPath}/`)).toBe(true)
    expect(result.filePath).toMatch(/\.png$/)
    expect(host.count('fs.unlinkSync')).toBe(1)
  })

  it('weapp in devtools: http://usr and http://tmp are local paths', async () => {
    const { host, api } = setup('weapp', { permission: 'granted', client: 'devtools' })
    expect(host.userDataPath).toBe('http://usr')
    await api.saveImageToAlbum(POSTER_URL)
    expect(host.album[0].path.startsWith('http://usr/')).toBe(true)
  })

  it('alipay passes hideToast so no host toast appears', async () => {
    const { host, api } = setup('alipay', { permission: 'granted' })
    await api.saveImageToAlbum(LOCAL_PATH)
    expect(host.calls.find((call) => call.api === 'saveImageToPhotosAlbum')?.args).toMatchObject({ hideToast: true })
    expect(host.ui.some((event) => event.type === 'toast')).toBe(false)
  })

  it('alipay falls back to my.saveImage({ url }) where canIUse says the modern API is missing', async () => {
    const { host, api } = setup('alipay', { permission: 'granted', canIUseSaveImageToPhotosAlbum: false })
    await api.saveImageToAlbum(POSTER_URL)
    expect(host.count('saveImageToPhotosAlbum')).toBe(0)
    expect(host.calls.find((call) => call.api === 'saveImage')?.args).toMatchObject({
      url: expect.stringMatching(/^https:\/\/resource\//),
    })
    expect(host.album).toHaveLength(1)
  })

  it('alipay guide uses my.confirm with its own button names', async () => {
    const { host, api } = setup('alipay', { permission: 'denied-forever' })
    await api.saveImageToAlbum({ src: LOCAL_PATH, guide: { confirmText: '去设置', cancelText: '不了' } })
    expect(host.calls.find((call) => call.api === 'confirm')?.args).toMatchObject({
      confirmButtonText: '去设置',
      cancelButtonText: '不了',
    })
  })

  it('alipay "don’t ask again" (2003, then 2002) is still recovered through settings', async () => {
    const { api } = setup('alipay', { permission: 'not-asked', prompt: 'deny-forever', modal: 'cancel' })
    await expect(api.saveImageToAlbum(LOCAL_PATH)).rejects.toMatchObject({ code: 'AUTH_DENIED', raw: { error: 2003 } })
    await expect(api.saveImageToAlbum(LOCAL_PATH)).rejects.toMatchObject({ code: 'AUTH_DENIED', raw: { error: 2002 } })
  })

  it('swan web rendition reports UNSUPPORTED_PLATFORM', async () => {
    const { api } = setup('swan', { permission: 'granted', web: true })
    await expect(api.saveImageToAlbum(LOCAL_PATH)).rejects.toMatchObject({ code: 'UNSUPPORTED_PLATFORM' })
  })

  it('the WeChat guide opens settings from inside the modal callback (the tap rule holds)', async () => {
    const { host, api } = setup('weapp', { permission: 'denied', gestureRequired: true })
    await expect(api.saveImageToAlbum(LOCAL_PATH)).resolves.toMatchObject({ platform: 'weapp' })
    expect(host.ui.filter((event) => event.type === 'settings')).toHaveLength(1)
  })
})
