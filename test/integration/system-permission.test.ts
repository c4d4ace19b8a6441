import { describe, expect, it } from 'vitest'
import { profileOf } from '../../src/testing/profiles'
import { LOCAL_PATH, modals, outcome, PLATFORMS, setup } from '../helpers'

// The phone's OS refused the host app the photo library (SYSTEM_PERMISSION_DENIED): where the host documents a page
// of the phone's settings for the app (WeChat openAppAuthorizeSetting, docs/en/hosts/weapp.md#system), one modal leads
// there, and the save is retried once; elsewhere the refusal stands at once.

const OPENS = PLATFORMS.filter((platform) => profileOf(platform).opensAppSettings)
const REST = PLATFORMS.filter((platform) => !profileOf(platform).opensAppSettings)

describe.each(OPENS)('%s: the guide to the phone’s settings', (platform) => {
  it.each(['ios', 'android'] as const)(
    'on %s: one modal with its own texts, the page opened in the tap, one retry',
    async (client) => {
      const { host, api } = setup(platform, { permission: 'granted', systemPermission: false, client })
      const result = await api.saveImageToAlbum(LOCAL_PATH)
      expect(result.mode).toBe('album')
      expect(modals(host)).toHaveLength(1)
      expect(modals(host)[0]!.content).toMatch(/手机/)
      expect(host.ui.filter((event) => event.type === 'system-settings')).toHaveLength(1)
      expect(host.count('saveImageToPhotosAlbum')).toBe(2)
    },
  )

  it('on iOS, a switch still off after the page is reported without a second save', async () => {
    const { host, api } = setup(platform, {
      permission: 'granted',
      systemPermission: false,
      client: 'ios',
      settings: 'keep',
    })
    await expect(api.saveImageToAlbum(LOCAL_PATH)).rejects.toMatchObject({ code: 'SYSTEM_PERMISSION_DENIED' })
    expect(host.count('saveImageToPhotosAlbum')).toBe(1)
  })

  it('on Android, which cannot tell, the save is retried once and the refusal stands', async () => {
    const { host, api } = setup(platform, { permission: 'granted', systemPermission: false, settings: 'keep' })
    await expect(api.saveImageToAlbum(LOCAL_PATH)).rejects.toMatchObject({ code: 'SYSTEM_PERMISSION_DENIED' })
    expect(host.count('saveImageToPhotosAlbum')).toBe(2)
    expect(modals(host)).toHaveLength(1)
  })

  it('guide.system overrides the texts; a declined modal opens nothing', async () => {
    const { host, api } = setup(platform, { permission: 'granted', systemPermission: false, modal: 'cancel' })
    const system = {
      title: 'Photos are off',
      content: 'Allow Photos for WeChat in Settings',
      confirmText: 'Open',
      cancelText: 'No',
    }
    await expect(api.saveImageToAlbum({ src: LOCAL_PATH, guide: { system } })).rejects.toMatchObject({
      code: 'SYSTEM_PERMISSION_DENIED',
    })
    expect(modals(host)[0]).toMatchObject(system)
    expect(host.count('openAppAuthorizeSetting')).toBe(0)
  })

  it('one modal for calls and a batch refused together', async () => {
    const { host, api } = setup(platform, { permission: 'granted', systemPermission: false, saveMedia: false })
    const [single, batch] = await Promise.all([
      outcome(api.saveImageToAlbum(LOCAL_PATH)),
      api.saveImagesToAlbum([LOCAL_PATH, LOCAL_PATH]),
    ])
    expect(single.ok).toBe(true)
    expect(batch.every((item) => item.ok)).toBe(true)
    expect(modals(host)).toHaveLength(1)
  })

  it('a client without the page (base library < 2.20.1) keeps the refusal, with no modal', async () => {
    const { host, api } = setup(platform, { permission: 'granted', systemPermission: false })
    Object.defineProperty(host.api, 'openAppAuthorizeSetting', { value: undefined })
    await expect(api.saveImageToAlbum(LOCAL_PATH)).rejects.toMatchObject({ code: 'SYSTEM_PERMISSION_DENIED' })
    expect(modals(host)).toHaveLength(0)
  })
})

describe.each(REST)('%s: no page of the phone’s settings is documented', (platform) => {
  it('rejects SYSTEM_PERMISSION_DENIED at once, with no modal', async () => {
    const { host, api } = setup(platform, { permission: 'granted', systemPermission: false })
    await expect(api.saveImageToAlbum(LOCAL_PATH)).rejects.toMatchObject({ code: 'SYSTEM_PERMISSION_DENIED' })
    expect(modals(host)).toHaveLength(0)
  })
})
