import { describe, expect, it } from 'vitest'
import { fixtures } from '../../src/testing'
import { profileOf } from '../../src/testing/profiles'
import { adapterOf, denied, GUIDES_ITSELF, LOCAL_PATH, modals, NO_SCOPE, PLATFORMS, setup, setupApp } from '../helpers'

// The features a build plugin can leave out (src/core/features.ts). Every production variant runs this suite
// (vitest.config.mts), each with one feature left out, which the project names in MP_SAVE_IMAGE_OFF: the expectations
// come from the project, never from the flag the code is built with, so a define that stopped working fails here.
// A feature left out is absent from every adapter, its options are INVALID_ARGUMENT before any host call, and what
// remains works without it.

const OFF = process.env.MP_SAVE_IMAGE_OFF
const PRIVACY = OFF !== 'privacy'
const GUIDE = OFF !== 'guide'
const CANVAS = OFF !== 'canvas'
const CONVERT = OFF !== 'convert'
const VIDEO = OFF !== 'video'
const variant = OFF ? `${OFF} left out` : 'every feature in'

describe.each(PLATFORMS)(`%s, ${variant}`, (platform) => {
  const adapter = adapterOf(platform)

  it('its adapter holds exactly the features of the build', () => {
    expect(typeof adapter.files.exportCanvas === 'function').toBe(CANVAS)
    expect(typeof adapter.recovery.authorizePrivacy === 'function').toBe(PRIVACY && !!profileOf(platform).privacyLayer)
    // a host whose own dialog follows a refusal (Feishu) keeps its modal for nothing else either
    if (!GUIDE) expect(adapter.recovery.confirm).toBeUndefined()
    expect(typeof adapter.files.redraw === 'function').toBe(CONVERT && !!profileOf(platform).offscreenCanvas)
    expect(typeof adapter.album.saveVideo === 'function').toBe(VIDEO)
  })

  it.runIf(!CONVERT && !!profileOf(platform).offscreenCanvas)(
    'an SVG is UNSUPPORTED_FORMAT before any host call: nothing is redrawn',
    async () => {
      const { host, api } = setup(platform, { permission: 'granted' })
      host.downloads.set('https://cdn.example.com/qr.svg', { body: fixtures.svg, contentType: 'image/svg+xml' })
      await expect(api.saveImageToAlbum('https://cdn.example.com/qr.svg')).rejects.toMatchObject({
        code: 'UNSUPPORTED_FORMAT',
      })
      expect(host.count('createOffscreenCanvas')).toBe(0)
      expect(host.album).toEqual([])
    },
  )

  it.runIf(!PRIVACY)('privacy: true is INVALID_ARGUMENT, with no host call', async () => {
    const { host, api } = setup(platform, { permission: 'granted' })
    await expect(api.saveImageToAlbum({ src: LOCAL_PATH, privacy: true })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      platform,
    })
    const batch = api.saveImagesToAlbum([LOCAL_PATH], { privacy: true })
    await expect(batch).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' })
    expect(host.calls).toEqual([])
  })

  it.runIf(!PRIVACY && !!profileOf(platform).privacyLayer)(
    'a privacy refusal stands: PRIVACY_NOT_AUTHORIZED after one save, no privacy step',
    async () => {
      const { host, api } = setup(platform, { permission: 'granted', privacy: 'not-agreed', privacyAnswer: 'agree' })
      await expect(api.saveImageToAlbum({ src: LOCAL_PATH, privacy: false })).rejects.toMatchObject({
        code: 'PRIVACY_NOT_AUTHORIZED',
      })
      expect(host.asyncCalls()).toEqual(['saveImageToPhotosAlbum'])
    },
  )

  it.runIf(!GUIDE).each([[true], [{ title: '去设置' }]])(
    'guide %j is INVALID_ARGUMENT, with no host call',
    async (guide) => {
      const { host, api } = setup(platform, { permission: 'granted' })
      await expect(api.saveImageToAlbum({ src: LOCAL_PATH, guide })).rejects.toMatchObject({
        code: 'INVALID_ARGUMENT',
      })
      await expect(api.saveImagesToAlbum([LOCAL_PATH], { guide })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' })
      expect(host.calls).toEqual([])
    },
  )

  it.runIf(!GUIDE && !NO_SCOPE.includes(platform) && !GUIDES_ITSELF.includes(platform))(
    'a refusal is AUTH_DENIED at once, with no modal; openAlbumSetting still opens the settings page',
    async () => {
      const { host, api } = setup(platform, { permission: denied(platform), modal: 'confirm', settings: 'enable' })
      await expect(api.saveImageToAlbum(LOCAL_PATH)).rejects.toMatchObject({ code: 'AUTH_DENIED' })
      await expect(api.saveImageToAlbum({ src: LOCAL_PATH, guide: false })).rejects.toMatchObject({
        code: 'AUTH_DENIED',
      })
      expect(modals(host)).toEqual([])
      expect(host.count('openSetting')).toBe(0)
      await expect(host.tap(() => api.openAlbumSetting())).resolves.toBe(true)
      await api.saveImageToAlbum(LOCAL_PATH)
      expect(host.album).toHaveLength(1)
    },
  )

  it.runIf(!CANVAS).each([
    ['a Canvas 2D node', { canvas: { getContext: () => null } }],
    ['a canvas id', { canvasId: 'poster' }],
  ])('%s is INVALID_ARGUMENT, with no host call; a batch fails that image alone', async (_name, source) => {
    const { host, api } = setup(platform, { permission: 'granted' })
    await expect(api.saveImageToAlbum(source)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' })
    expect(host.calls).toEqual([])
    const [canvas, local] = await api.saveImagesToAlbum([source, LOCAL_PATH])
    expect(canvas).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } })
    expect(local!.ok).toBe(true)
  })

  it.runIf(!VIDEO)('a video is INVALID_ARGUMENT, with no host call', async () => {
    const { host, api } = setup(platform, { permission: 'granted' })
    await expect(api.saveVideoToAlbum('https://cdn.example.com/a.mp4')).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    })
    await expect(api.saveMediaToAlbum([LOCAL_PATH])).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' })
    expect(host.calls).toEqual([])
  })
})

describe(`the uni-app App, ${variant}`, () => {
  it('its adapter holds exactly the features of the build', () => {
    const adapter = adapterOf('app')
    expect(typeof adapter.files.exportCanvas === 'function').toBe(CANVAS)
    expect(typeof adapter.recovery.confirm === 'function').toBe(GUIDE)
  })

  it.runIf(!GUIDE)('a refusal is AUTH_DENIED at once, with no modal', async () => {
    const { host, api } = setupApp({ client: 'android', permission: 'denied', settings: 'enable' })
    await expect(api.saveImageToAlbum(LOCAL_PATH)).rejects.toMatchObject({ code: 'AUTH_DENIED' })
    expect(modals(host)).toEqual([])
  })

  it.runIf(!CANVAS)('a canvas id is INVALID_ARGUMENT, with no host call', async () => {
    const { host, api } = setupApp({ permission: 'granted' })
    await expect(api.saveImageToAlbum({ canvasId: 'poster' })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' })
    expect(host.calls).toEqual([])
  })
})
