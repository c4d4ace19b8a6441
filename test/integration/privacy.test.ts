import { describe, expect, it } from 'vitest'
import { parseDefaults } from '../../src/core/validate'
import type { SimulatedHost } from '../../src/testing'
import type { PrivacyListener } from '../../src/testing/privacy'
import { LOCAL_PATH, modals, PLATFORMS, POSTER_URL, setup } from '../helpers'
import { profileOf } from '../../src/testing/profiles'

// The privacy step (docs/en/guide/privacy.md): with `privacy` on, PRIVACY_NOT_AUTHORIZED runs the host's
// requirePrivacyAuthorize (WeChat 2.32.3, Douyin 3.19.0 [D]) and retries the save once if the user agreed.

const PRIVACY_HOSTS = PLATFORMS.filter((platform) => profileOf(platform).privacyLayer)
/** What each host's 112 / 10202 message tells the developer to declare. */
const PRIVACY_TYPES: Record<string, string> = { weapp: '相册（仅写入）权限', tt: '相册' }

const popups = (host: SimulatedHost) => host.ui.filter((event) => event.type === 'privacy-popup')

/** The app's own popup, answering after the user "taps" (a tick later). */
function appPopup(host: SimulatedHost, event: 'agree' | 'disagree') {
  const listener: PrivacyListener = (resolve) =>
    setTimeout(() => resolve(event === 'agree' ? { event, buttonId: 'agree-btn' } : { event }), 1)
  ;(host.api.onNeedPrivacyAuthorization as (l: PrivacyListener) => void)(listener)
}

describe.each(PRIVACY_HOSTS)('privacy on %s', (platform) => {
  it('is opt-in: without it, PRIVACY_NOT_AUTHORIZED after one save and no privacy call', async () => {
    const { host, api } = setup(platform, { permission: 'granted', privacy: 'not-agreed' })
    await expect(api.saveImageToAlbum(LOCAL_PATH)).rejects.toMatchObject({ code: 'PRIVACY_NOT_AUTHORIZED' })
    expect(host.asyncCalls()).toEqual(['saveImageToPhotosAlbum'])
  })

  it('asks through requirePrivacyAuthorize (the official popup without a listener), then saves on a retry', async () => {
    const { host, api } = setup(platform, { permission: 'granted', privacy: 'not-agreed', privacyAnswer: 'agree' })
    await api.saveImageToAlbum({ src: LOCAL_PATH, privacy: true })
    expect(host.asyncCalls()).toEqual(['saveImageToPhotosAlbum', 'requirePrivacyAuthorize', 'saveImageToPhotosAlbum'])
    expect(popups(host)).toHaveLength(1)
    expect(host.album).toHaveLength(1)
  })

  it('lets the app’s own onNeedPrivacyAuthorization popup answer', async () => {
    const { host, api } = setup(platform, { permission: 'granted', privacy: 'not-agreed', privacyAnswer: 'disagree' })
    appPopup(host, 'agree')
    await api.saveImageToAlbum({ src: POSTER_URL, privacy: true })
    expect(host.album).toHaveLength(1)
  })

  it('a user who disagrees gets PRIVACY_NOT_AUTHORIZED (the save’s own payload), with no second save', async () => {
    const { host, api } = setup(platform, { permission: 'granted', privacy: 'not-agreed' })
    appPopup(host, 'disagree')
    const error = await api.saveImageToAlbum({ src: LOCAL_PATH, privacy: true }).catch((e: unknown) => e)
    expect(error).toMatchObject({
      code: 'PRIVACY_NOT_AUTHORIZED',
      raw: { errMsg: 'saveImageToPhotosAlbum:fail privacy permission is not authorized' },
    })
    expect(host.count('saveImageToPhotosAlbum')).toBe(1)
    expect(host.count('requirePrivacyAuthorize')).toBe(1)
  })

  it('a batch asks once, however many images are refused together', async () => {
    const { host, api } = setup(platform, {
      permission: 'granted',
      privacy: 'not-agreed',
      privacyAnswer: 'disagree',
      saveMedia: false,
    })
    const results = await api.saveImagesToAlbum([LOCAL_PATH, LOCAL_PATH, POSTER_URL, LOCAL_PATH], { privacy: true })
    expect(results.every((r) => !r.ok && r.error.code === 'PRIVACY_NOT_AUTHORIZED')).toBe(true)
    expect(popups(host)).toHaveLength(1)
    host.state.privacyAnswer = 'agree'
    const again = await api.saveImagesToAlbum([LOCAL_PATH, LOCAL_PATH, POSTER_URL], { privacy: true })
    expect(again.every((r) => r.ok)).toBe(true)
    expect(popups(host)).toHaveLength(2)
  })

  it('the privacy step and the album guide chain: privacy, then the denial’s guide and settings, then the save', async () => {
    const { host, api } = setup(platform, { permission: 'not-asked', prompt: 'deny', privacy: 'not-agreed' })
    await api.saveImageToAlbum({ src: LOCAL_PATH, privacy: true })
    expect(popups(host)).toHaveLength(1)
    expect(modals(host)).toHaveLength(1)
    expect(host.album).toHaveLength(1)
  })

  it('a client without requirePrivacyAuthorize (base library < 2.32.3) keeps the refusal', async () => {
    const { host, api } = setup(platform, { permission: 'granted', privacy: 'not-agreed' })
    delete (host.api as Record<string, unknown>).requirePrivacyAuthorize
    await expect(api.saveImageToAlbum({ src: LOCAL_PATH, privacy: true })).rejects.toMatchObject({
      code: 'PRIVACY_NOT_AUTHORIZED',
    })
  })

  it('PRIVACY_SCOPE_UNDECLARED names the privacy type to declare, and is never retried', async () => {
    const { host, api } = setup(platform, { permission: 'granted', privacy: 'undeclared' })
    const error = (await api.saveImageToAlbum({ src: LOCAL_PATH, privacy: true }).catch((e: unknown) => e)) as SaveError
    expect(error.code).toBe('PRIVACY_SCOPE_UNDECLARED')
    expect(error.errMsg).toContain(`declare "${PRIVACY_TYPES[platform]}" in the app's privacy agreement`)
    expect(error.errMsg).not.toMatch(/WeChat|Douyin|wx\.|tt\./)
    expect(host.asyncCalls()).toEqual(['saveImageToPhotosAlbum'])
  })
})

type SaveError = { code: string; errMsg: string }

describe('privacy elsewhere', () => {
  it.each(PLATFORMS.filter((p) => !profileOf(p).privacyLayer))(
    '%s has no privacy step: a privacy refusal stands, with no second host call',
    async (platform) => {
      const { host, api } = setup(platform, { permission: 'granted' })
      host.fault(
        'saveImageToPhotosAlbum',
        { kind: 'fail', payload: { errMsg: 'saveImageToPhotosAlbum:fail privacy permission is not authorized' } },
        1,
      )
      await expect(api.saveImageToAlbum({ src: LOCAL_PATH, privacy: true })).rejects.toMatchObject({
        code: 'PRIVACY_NOT_AUTHORIZED',
      })
      expect(host.asyncCalls()).toEqual(['saveImageToPhotosAlbum'])
      // and the option does not get in the way of a save
      await api.saveImageToAlbum({ src: LOCAL_PATH, privacy: true })
      expect(host.album).toHaveLength(1)
    },
  )

  it.each([['yes'], [1], [null]])('privacy %s is INVALID_ARGUMENT before any host call', async (value) => {
    const { host, api } = setup('weapp')
    await expect(api.saveImageToAlbum({ src: LOCAL_PATH, privacy: value as never })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    })
    expect(host.calls).toEqual([])
  })

  // the plugin checks its options in Node, where every feature is in
  it('is an app-wide default of the build plugins', () => {
    expect(parseDefaults({ privacy: true })).toEqual({ privacy: true })
    expect(() => parseDefaults({ privacy: 'on' })).toThrow(/INVALID_ARGUMENT/)
  })
})
