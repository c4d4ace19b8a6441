import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { adaptersIn, dynamicCodeIn, outputText, runtimeBuildIn } from '../harness/examples'
import { trackSavesInFlight } from './saves'
import { denied, GUIDES_ITSELF, NO_SCOPE, PRIVACY, SAVES_MANY } from '../helpers'
import { HOSTS } from '../../src/hosts'
import * as testing from '../../src/testing'
import type { HostOptions, SimulatedPlatform } from '../../src/testing'
import { profileOf } from '../../src/testing/profiles'
import { taroVariant, type BuildResult } from '../harness/taro'
import * as images from '../../example-taro/src/images'
import { BUILD_MS, built, closeApp, LIFECYCLE, miniKeys, openApp, TARO_BUILDS, titleOf } from './taro-app'
import { withOurKeys } from './taro-object'

// The example app, built by the real Taro CLI from the packed package, then run in Node on a simulated host.
/** The guide title set in example-taro/config/index.ts: seeing it proves plugin options became runtime defaults. */
const CONFIGURED_TITLE = '保存到相册'
/** The guide text set there: the plugin's define puts it into the app once. */
const CONFIGURED_CONTENT = '需要“添加到相册”权限才能保存海报，去设置里打开吧'

afterEach(closeApp)

let noPlugin: string | undefined
/** example-taro without the plugin (under .tmp/variants), made once. */
const withoutPlugin = () => (noPlugin ??= taroVariant('no-plugin'))

const open = (dist: string, platform: SimulatedPlatform, options: HostOptions = {}) => openApp(dist, platform, options)

describe.each(TARO_BUILDS.map((build) => [titleOf(build), build] as const))('%s', (_title, build) => {
  const { platform } = build
  let result: BuildResult

  beforeAll(async () => {
    result = await built(build)
    if (!result.ok) throw new Error(`taro build failed:\n${result.log.slice(-3000)}`)
  }, BUILD_MS)

  it('launches with Taro’s hooks: useLaunch in the app, useLoad and useDidShow in the page', async () => {
    const { texts } = await open(result.dir, platform)
    expect(texts()).toEqual(expect.arrayContaining(['ready', LIFECYCLE]))
  })

  it('contains this platform’s adapter and no other host’s, in the runtime build of the app’s mode, with the options once', () => {
    expect(adaptersIn(result.dir)).toEqual([platform])
    expect(dynamicCodeIn(result.dir)).toEqual([])
    // Taro builds for production unless --watch: the runtime's developer messages go with it
    expect(runtimeBuildIn(result.dir)).toBe(build.watch ? 'development' : 'production')
    // once in a production build; a watch build's esbuild prebundle repeats defines per prebundled chunk
    if (!build.watch) expect(outputText(result.dir).split(CONFIGURED_CONTENT).length - 1).toBe(1)
  })

  it('saves a poster URL, a canvas data URI and a batch of three when their buttons are tapped', async () => {
    const { host, tap, status } = await open(result.dir, platform)
    tap('Save poster (URL)')
    expect(await status('poster')).toMatch(/^poster: saved /)
    tap('Save canvas (base64)')
    expect(await status('canvas')).toMatch(/^canvas: saved /)
    tap('Save batch of 3')
    expect(await status('batch')).toBe('batch: 3/3 saved')
    expect(host.album.map((entry) => entry.format)).toEqual(['png', 'png', 'jpeg', 'jpeg', 'jpeg'])
    expect(host.userFiles()).toEqual([])
  })

  it('draws a poster on its Canvas 2D and saves it straight from the canvas', async () => {
    const { host, tap, status } = await open(result.dir, platform)
    tap('Draw and save (canvas)')
    expect(await status('drawn')).toMatch(/^drawn: saved /)
    const node = host.calls.find((call) => call.api === 'createSelectorQuery')
    expect(node).toBeDefined()
    expect(host.album.map((entry) => entry.format)).toEqual(['png'])
    expect(host.userFiles()).toEqual([])
  })

  it('saves a video, and a poster with a video: one saveMediaToPhotosAlbum call where the host has it', async () => {
    const { host, tap, status } = await open(result.dir, platform)
    tap('Save video')
    expect(await status('video')).toMatch(/^video: saved /)
    tap('Save image + video')
    expect(await status('media')).toBe('media: 2/2 saved')
    expect(host.album.map((entry) => entry.kind)).toEqual(['video', 'image', 'video'])
    expect(host.count('saveMediaToPhotosAlbum')).toBe(profileOf(platform).saveMany ? 1 : 0)
    expect(host.userFiles()).toEqual([])
  })

  // an SVG from an API: redrawn where the host documents a 2D canvas (WeChat's offscreen canvas), refused elsewhere
  it('the QR code SVG is saved as PNG where the host can redraw it, UNSUPPORTED_FORMAT with no host call elsewhere', async () => {
    const { host, tap, status } = await open(result.dir, platform)
    tap('Save QR code (SVG)')
    if (profileOf(platform).offscreenCanvas) {
      expect(await status('qr')).toMatch(/^qr: saved .+ \(as png\)$/)
      expect(host.album.map((entry) => entry.format)).toEqual(['png'])
    } else {
      expect(await status('qr')).toBe('qr: UNSUPPORTED_FORMAT')
      expect(host.count('downloadFile')).toBe(0)
    }
    expect(host.userFiles()).toEqual([])
  })

  it('a CDN’s HTML page served with 200 for the poster is DOWNLOAD_FAILED: never saved, its file removed', async () => {
    const { host, tap, status } = await open(result.dir, platform)
    host.downloads.set(images.POSTER_URL, { status: 200, body: testing.fixtures.html, contentType: 'text/html' })
    tap('Save poster (URL)')
    expect(await status('poster')).toBe('poster: DOWNLOAD_FAILED')
    expect(host.album).toEqual([])
    await host.idle()
    expect(host.userFiles()).toEqual([])
  })

  it.runIf(!!profileOf(platform).opensAppSettings)(
    'the phone refusing WeChat itself: the guide to the phone’s settings, confirmed in the modal, then saved',
    async () => {
      const { host, tap, status } = await open(result.dir, platform, { systemPermission: false, client: 'ios' })
      tap('Save poster (URL)')
      expect(await status('poster')).toMatch(/^poster: saved /)
      expect(host.ui.filter((event) => event.type === 'modal')).toHaveLength(1)
      expect(host.ui.filter((event) => event.type === 'system-settings')).toHaveLength(1)
      expect(host.count('saveImageToPhotosAlbum')).toBe(2)
    },
  )

  // Feishu on iOS saves png, jpg and gif only, and documents no canvas to redraw a webp
  const iosTakes = profileOf(platform).saveExtensions?.ios
  it.runIf(!!iosTakes && !iosTakes.includes('webp'))('a webp on iOS is UNSUPPORTED_FORMAT, nothing saved', async () => {
    const { host, tap, status } = await open(result.dir, platform, { client: 'ios' })
    host.downloads.set(images.POSTER_URL, { status: 200, body: testing.fixtures.webp, contentType: 'image/webp' })
    tap('Save poster (URL)')
    expect(await status('poster')).toBe('poster: UNSUPPORTED_FORMAT')
    expect(host.album).toEqual([])
  })

  it.runIf(SAVES_MANY.includes(platform))(
    'WeChat ≥ 3.17.2 saves the batch with one saveMediaToPhotosAlbum call',
    async () => {
      const { host, tap, status } = await open(result.dir, platform)
      tap('Save batch of 3')
      expect(await status('batch')).toBe('batch: 3/3 saved')
      expect(host.count('saveMediaToPhotosAlbum')).toBe(1)
      expect(host.count('saveImageToPhotosAlbum')).toBe(0)
    },
  )

  it.runIf(PRIVACY.includes(platform))(
    'privacy: true in the plugin: a save refused for the privacy agreement asks for it, then saves',
    async () => {
      const { host, tap, status } = await open(result.dir, platform, { privacy: 'not-agreed', privacyAnswer: 'agree' })
      tap('Save poster (URL)')
      expect(await status('poster')).toMatch(/^poster: saved /)
      expect(host.ui.filter((event) => event.type === 'privacy-popup')).toHaveLength(1)
      expect(host.count('requirePrivacyAuthorize')).toBe(1)
    },
  )

  it('shares one core between Taro.saveImageToAlbum and the direct import: their saves never overlap', async () => {
    const { host, tap } = await open(result.dir, platform, { latency: 20 })
    const mostInFlight = trackSavesInFlight(host)
    tap('Save poster (URL)')
    tap('Save headless')
    await expect.poll(() => host.album.length, { timeout: 10_000 }).toBe(2)
    expect(mostInFlight()).toBe(1)
  })

  it.runIf(GUIDES_ITSELF.includes(platform))(
    'a denied user gets AUTH_DENIED and the host’s own settings dialog, no modal of ours',
    async () => {
      const { host, tap, status } = await open(result.dir, platform, { permission: 'denied' })
      tap('Save poster (URL)')
      expect(await status('poster')).toBe('poster: AUTH_DENIED')
      expect(host.ui.filter((event) => event.type === 'modal')).toEqual([])
      expect(host.ui.filter((event) => event.type === 'host-guide')).toHaveLength(1)
    },
  )

  it.runIf(GUIDES_ITSELF.includes(platform))(
    'a refused batch: one save call and the host’s dialog once; every image AUTH_DENIED',
    async () => {
      const { host, tap, status } = await open(result.dir, platform, { permission: 'denied' })
      tap('Save batch of 3')
      expect(await status('batch')).toBe('batch: 0/3 saved (AUTH_DENIED, AUTH_DENIED, AUTH_DENIED)')
      expect(host.count('saveImageToPhotosAlbum')).toBe(1)
      expect(host.ui.filter((event) => event.type === 'host-guide')).toHaveLength(1)
      expect(host.userFiles()).toEqual([])
    },
  )

  it.runIf(NO_SCOPE.includes(platform))(
    'no album scope: the iOS album off is SYSTEM_PERMISSION_DENIED, with no modal',
    async () => {
      const { host, tap, status } = await open(result.dir, platform, { client: 'ios', systemPermission: false })
      tap('Save poster (URL)')
      expect(await status('poster')).toBe('poster: SYSTEM_PERMISSION_DENIED')
      expect(host.ui.filter((event) => event.type === 'modal')).toEqual([])
    },
  )

  it.runIf(!GUIDES_ITSELF.includes(platform) && !NO_SCOPE.includes(platform))(
    'guides a denied user to settings with the configured texts, then saves',
    async () => {
      const { host, tap, status } = await open(result.dir, platform, {
        permission: denied(platform),
        modal: 'confirm',
        settings: 'enable',
      })
      tap('Save poster (URL)')
      expect(await status('poster')).toMatch(/^poster: saved /)
      const modals = host.ui.filter((event) => event.type === 'modal')
      expect(modals.map((event) => event.type === 'modal' && event.title)).toEqual([CONFIGURED_TITLE])
      expect(host.ui.some((event) => event.type === 'settings')).toBe(true)
      expect(host.album).toHaveLength(1)
    },
  )

  it.runIf(!NO_SCOPE.includes(platform))(
    'headless: reports AUTH_DENIED with no modal, and the open-settings button turns the album on',
    async () => {
      const { host, tap, status, texts } = await open(result.dir, platform, {
        permission: denied(platform),
        settings: 'enable',
      })
      tap('Save headless')
      expect(await status('headless')).toBe('headless: AUTH_DENIED')
      expect(host.ui.filter((event) => event.type === 'modal')).toEqual([])
      expect(texts()).toContain('Album access is off.')
      tap('Open settings')
      expect(await status('settings')).toBe('settings: album allowed')
      tap('Save headless')
      expect(await status('headless')).toMatch(/^headless: saved /)
    },
  )
})

describe('what the plugin changes, shown by building without it', () => {
  it(
    'without the plugin the same check finds every host’s adapter, and Taro has no saveImageToAlbum',
    async () => {
      const result = await built({ platform: 'weapp', project: withoutPlugin() })
      expect(result.ok).toBe(true)
      expect(adaptersIn(result.dir)).toEqual(HOSTS.map((host) => host.id))
      const { tap } = await open(result.dir, 'weapp')
      expect(() => tap('Save poster (URL)')).toThrow(/saveImageToAlbum is not a function/)
    },
    BUILD_MS,
  )
})

describe('Taro webpack5 for weapp with the plugin leaving the privacy step, the guide and canvases out', () => {
  let off: BuildResult
  let full: BuildResult

  beforeAll(async () => {
    const plugins = [['mp-save-image/taro', { guide: false, canvas: false }]]
    off = await built({ platform: 'weapp', project: taroVariant('features-off', { plugins }) })
    if (!off.ok) throw new Error(`taro build failed:\n${off.log.slice(-3000)}`)
    full = await built({ platform: 'weapp' })
    if (!full.ok) throw new Error(`taro build failed:\n${full.log.slice(-3000)}`)
  }, BUILD_MS * 2)

  // Taro's terser folds no constant across modules (no reduce_vars): only a flag read in place goes
  it('ships none of their code: the default guide and the privacy step are in the full build only', () => {
    for (const mark of ['保存图片需要访问您的相册', 'requirePrivacyAuthorize']) {
      expect(outputText(full.dir), mark).toContain(mark)
      expect(outputText(off.dir), mark).not.toContain(mark)
    }
    expect(outputText(off.dir).length).toBeLessThan(outputText(full.dir).length)
  })

  it('saves a URL; a refusal is AUTH_DENIED with no modal; a canvas is INVALID_ARGUMENT', async () => {
    const { host, tap, status } = await open(off.dir, 'weapp')
    tap('Save poster (URL)')
    expect(await status('poster')).toMatch(/^poster: saved /)
    tap('Draw and save (canvas)')
    expect(await status('drawn')).toBe('drawn: INVALID_ARGUMENT')
    host.state.permission = 'denied'
    tap('Save poster (URL)')
    expect(await status('poster')).toBe('poster: AUTH_DENIED')
    expect(host.ui.filter((event) => event.type === 'modal')).toEqual([])
    expect(host.album).toHaveLength(1)
  })
})

describe('adding the plugin changes nothing else in the app: Taro keeps every key it had without it, plus ours', () => {
  it.each([['webpack5'], ['vite']] as const)(
    'weapp, %s: the hooks (useLaunch, useLoad, useDidShow…) and every other key stay',
    async (compiler) => {
      const without = await miniKeys({ platform: 'weapp', compiler, project: withoutPlugin() })
      expect(without).toEqual(expect.arrayContaining(['useLaunch', 'useLoad', 'useDidShow', 'saveImageToPhotosAlbum']))
      expect(await miniKeys({ platform: 'weapp', compiler })).toEqual(withOurKeys(without))
    },
    2 * BUILD_MS,
  )
})
