import { describe, expect, it, vi } from 'vitest'
import { USER_WAIT_MS } from '../../src/core/save'
import { fixtures, toBase64 } from '../../src/testing'
import { profileOf } from '../../src/testing/profiles'
import { SAVE_FAILURES } from '../host-payloads'
import {
  denied,
  GUIDES_ITSELF,
  inAlipayContainer,
  NO_SCOPE,
  NO_SETTINGS_PAGE,
  JPEG_URL,
  LOCAL_PATH,
  modals,
  outcome,
  PLATFORMS,
  PRIVACY,
  POSTER_URL,
  saves,
  setup,
} from '../helpers'

// The contract on every host: a refused album permission, the guide, the user's wait, the settings page.

describe.each(PLATFORMS)('contract on %s', (platform) => {
  const scoped = !NO_SCOPE.includes(platform)
  const guides = scoped && !GUIDES_ITSELF.includes(platform)
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
})
