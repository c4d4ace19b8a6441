import { describe, expect, it } from 'vitest'
import type { SimulatedPlatform } from '../../src/testing'
import { DOWNLOAD_FAILURES, SAVE_FAILURES } from '../host-payloads'
import { fixtures, toBase64 } from '../../src/testing'
import { LOCAL_PATH, modals, outcome, POSTER_URL, setup, inAlipayContainer, NO_BASE64 } from '../helpers'

describe.each(Object.keys(SAVE_FAILURES) as SimulatedPlatform[])(
  '%s error table (docs/en/hosts/<id>.md#errors)',
  (platform) => {
    it.each(SAVE_FAILURES[platform])('save failing with %s → %s', async (_name, payload, code) => {
      const { host, api } = setup(platform, { permission: 'granted' })
      host.fault('saveImageToPhotosAlbum', { kind: 'fail', payload })
      const result = await outcome(api.saveImageToAlbum({ src: LOCAL_PATH, guide: false }))
      expect(result.ok).toBe(false)
      if (result.ok) return
      expect(result.error.code).toBe(code)
      expect(result.error.raw).toBe(payload)
      expect(result.error.platform).toBe(platform)
      // the development build says what the host said; the production build keeps only the code, and what an
      // undeclared privacy type must be declared as (a configuration error first seen on real devices)
      const production =
        code === 'PRIVACY_SCOPE_UNDECLARED' ? `${code} declare "[^"]+" in the app's privacy agreement` : code
      expect(result.error.errMsg).toMatch(
        __DEV__
          ? new RegExp(`^saveImageToAlbum:fail ${code} \\S`)
          : new RegExp(`^saveImageToAlbum:fail ${production}$`),
      )
      expect(modals(host)).toHaveLength(0)
    })

    it.each(DOWNLOAD_FAILURES[platform])('download failing with %o → DOWNLOAD_FAILED', async (payload) => {
      const { host, api } = setup(platform, { permission: 'granted' })
      host.fault('downloadFile', { kind: 'fail', payload })
      await expect(api.saveImageToAlbum(POSTER_URL)).rejects.toMatchObject({ code: 'DOWNLOAD_FAILED', raw: payload })
    })

    // Alipay's base64 route downloads the data URI into a host temp file: no user-folder write to fill
    it.runIf(!inAlipayContainer(platform) && !NO_BASE64.includes(platform))(
      'a full user data folder on write → FILE_WRITE_FAILED (the hosts’ quota errors)',
      async () => {
        const { api } = setup(platform, { permission: 'granted', userDataQuota: 16 })
        await expect(api.saveImageToAlbum({ base64: toBase64(fixtures.png) })).rejects.toMatchObject({
          code: 'FILE_WRITE_FAILED',
        })
      },
    )

    it.runIf(!NO_BASE64.includes(platform))(
      '"base64 encode error" from the host write → INVALID_ARGUMENT',
      async () => {
        const { host, api } = setup(platform, { permission: 'granted' })
        const payload = inAlipayContainer(platform)
          ? { error: 2, errorMessage: 'base64 encode error' }
          : { errMsg: 'writeFile:fail base64 encode error' }
        host.fault(inAlipayContainer(platform) ? 'downloadFile' : 'fs.writeFile', { kind: 'fail', payload })
        await expect(api.saveImageToAlbum({ base64: toBase64(fixtures.png) })).rejects.toMatchObject({
          code: 'INVALID_ARGUMENT',
          raw: payload,
        })
      },
    )
  },
)

describe('state-driven host errors (the simulator produces them, the adapter maps them)', () => {
  it.each<[SimulatedPlatform, 'devtools' | 'android' | 'ios']>([
    ['weapp', 'devtools'],
    ['weapp', 'android'],
    ['weapp', 'ios'],
    ['tt', 'android'],
    ['alipay', 'android'],
    ['swan', 'android'],
  ])('%s %s: each denial string is AUTH_DENIED, first and repeat', async (platform, client) => {
    const { api } = setup(platform, { client, permission: 'not-asked', prompt: 'deny' })
    await expect(api.saveImageToAlbum({ src: LOCAL_PATH, guide: false })).rejects.toMatchObject({ code: 'AUTH_DENIED' })
    await expect(api.saveImageToAlbum({ src: LOCAL_PATH, guide: false })).rejects.toMatchObject({ code: 'AUTH_DENIED' })
  })

  it('weapp openSetting outside a tap → NEEDS_USER_GESTURE with the host text kept', async () => {
    const { api } = setup('weapp', { permission: 'denied' })
    await expect(api.openAlbumSetting()).rejects.toMatchObject({
      code: 'NEEDS_USER_GESTURE',
      raw: { errMsg: 'openSetting:fail can only be invoked by user TAP gesture.' },
    })
  })

  it('a missing file on every host → FILE_NOT_FOUND or the host’s documented code', async () => {
    for (const platform of ['weapp', 'tt', 'swan', 'alipay'] as SimulatedPlatform[]) {
      const { api } = setup(platform, { permission: 'granted' })
      const result = await outcome(api.saveImageToAlbum({ src: '/static/missing.png', guide: false }))
      // Alipay reports a bad path as 17 "other error" (its doc: usually a bad filePath)
      expect(result.ok ? null : result.error.code).toBe(platform === 'alipay' ? 'UNKNOWN' : 'FILE_NOT_FOUND')
    }
  })
})
