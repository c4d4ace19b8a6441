import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { CANVAS_DATA_URI, POSTER_URL } from '../../example-uniapp/src/images'
import { dynamicCodeIn, outputText, runtimeBuildIn } from '../harness/examples'
import { trackSavesInFlight } from './saves'
import {
  denied,
  GUIDES_ITSELF,
  inAlipayContainer,
  NO_BASE64,
  NO_SCOPE,
  NO_SETTINGS_PAGE,
  PRIVACY,
  SAVES_MANY,
} from '../helpers'
import { profileOf } from '../../src/testing/profiles'
import * as images from '../../example-uniapp/src/images'
import { describeH5App } from './h5-app'
import { exampleDir, uniBuild, type UniBuildResult } from './uniapp/build'
import { adaptersIn, outputJs, TARGETS, type UniTarget } from './uniapp/harness'
import {
  BUILD_MS,
  buildTimes,
  CONFIGURED_GUIDE,
  CONFIGURED_LOADING,
  expectGuidedSave,
  expectHeadlessRecovery,
  expectOnlyOwnAdapter,
  expectSystemRefusal,
  open,
  openRefused,
  run,
  testing,
  useUniSuite,
} from './uniapp/suite'

// example-uniapp, built by the real uni-app CLI for every mini-program target and H5, run on the simulated hosts.

useUniSuite()

describe('types: vue-tsc on example-uniapp', () => {
  const vueTsc = join(exampleDir, 'node_modules/.bin/vue-tsc')

  it('type-checks uni.saveImageToAlbum with "mp-save-image/vite" in compilerOptions.types', () => {
    const result = run(vueTsc, ['--noEmit', '-p', 'tsconfig.json'], exampleDir)
    expect(result.out).toBe('')
    expect(result.ok).toBe(true)
  }, 120_000)

  it('fails with TS2339 without that types entry (the README setup step is what makes it pass)', () => {
    const config = join(exampleDir, 'dist/e2e/tsconfig.without-types.json')
    mkdirSync(join(exampleDir, 'dist/e2e'), { recursive: true })
    const own = JSON.parse(readFileSync(join(exampleDir, 'tsconfig.json'), 'utf8'))
    expect(own.compilerOptions.types).toEqual(['@dcloudio/types', 'mp-save-image/vite'])
    writeFileSync(
      config,
      JSON.stringify({ extends: '../../tsconfig.json', compilerOptions: { types: ['@dcloudio/types'] } }),
    )
    const result = run(vueTsc, ['--noEmit', '-p', config], exampleDir)
    expect(result.ok).toBe(false)
    expect(result.out).toContain("error TS2339: Property 'saveImageToAlbum' does not exist on type 'Uni'.")
  }, 120_000)
})

describe.each(Object.entries(TARGETS) as [UniTarget, (typeof TARGETS)[UniTarget]][])(
  'uni build -p %s',
  (target, { platform }) => {
    let build: UniBuildResult

    beforeAll(async () => {
      build = await uniBuild(target)
      buildTimes[target] = build.ms
      if (!build.ok) throw new Error(`uni build -p ${target} failed:\n${build.log.slice(-3000)}`)
    }, BUILD_MS)

    it(`holds only the ${platform} adapter, and the plugin's defaults inlined`, () => {
      expectOnlyOwnAdapter(build.dir, platform)
      const js = outputJs(build.dir)
      expect(js).not.toContain('__MP_SAVE_IMAGE_DEFAULTS__')
      // the options once (a define read behind a flag), and the production runtime in a production build
      expect(outputText(build.dir).split(CONFIGURED_GUIDE.content).length - 1).toBe(1)
      expect(runtimeBuildIn(build.dir)).toBe('production')
      expect(dynamicCodeIn(build.dir)).toEqual([])
      // the plugin's transform of src/main.ts puts the API on uni
      expect(/\b(index|uni)\.saveImageToAlbum\s*=/.test(js), 'uni.saveImageToAlbum assigned').toBe(true)
    })

    it('saves from each button: a URL, a base64 canvas, a batch of 3', async () => {
      const { app, host } = open(build.dir, target)
      expect(app.status()).toBe('ready')
      expect(typeof app.uni?.saveImageToAlbum).toBe('function')

      app.tap('Save poster')
      expect(await app.waitForStatus(/^poster: (?!saving)/)).toMatch(/^poster: saved \S+$/)
      expect(host.album.map((entry) => entry.format)).toEqual(['png'])
      // the plugin's `loading` became the default title
      expect(host.ui).toContainEqual({ type: 'loading', title: CONFIGURED_LOADING })

      app.tap('Save canvas')
      if (NO_BASE64.includes(platform)) {
        // Xiaohongshu cannot write base64 to a file: a clear refusal, nothing saved
        expect(await app.waitForStatus(/^canvas: (?!saving)/)).toBe('canvas: UNSUPPORTED_PLATFORM')
      } else {
        expect(await app.waitForStatus(/^canvas: (?!saving)/)).toMatch(/^canvas: saved \S+/)
        expect(Buffer.from(host.album[1]!.bytes)).toEqual(Buffer.from(CANVAS_DATA_URI.split(',')[1]!, 'base64'))
      }
      const first = NO_BASE64.includes(platform) ? ['png'] : ['png', 'png']
      expect(host.album.map((entry) => entry.format)).toEqual(first)

      app.tap('Save batch')
      expect(await app.waitForStatus(/^batch: (?!saving)/)).toBe('batch: 3/3 saved')
      expect(host.album.map((entry) => entry.format)).toEqual([...first, 'jpeg', 'jpeg', 'jpeg'])
    })

    it('saves a video, and a poster with a video: one saveMediaToPhotosAlbum call where the host has it', async () => {
      const { app, host } = open(build.dir, target)
      app.tap('Save video')
      expect(await app.waitForStatus(/^video: (?!saving)/)).toMatch(/^video: saved /)
      app.tap('Save image + video')
      expect(await app.waitForStatus(/^media: (?!saving)/)).toBe('media: 2/2 saved')
      expect(host.album.map((entry) => entry.kind)).toEqual(['video', 'image', 'video'])
      expect(host.count('saveMediaToPhotosAlbum')).toBe(profileOf(platform).saveMany ? 1 : 0)
    })

    it('the QR code SVG is saved as PNG where the host can redraw it, UNSUPPORTED_FORMAT with no host call elsewhere', async () => {
      const { app, host } = open(build.dir, target)
      app.tap('Save QR code')
      if (profileOf(platform).offscreenCanvas) {
        expect(await app.waitForStatus(/^qr: (?!saving)/)).toMatch(/^qr: saved \S+ \(as png\)$/)
        expect(host.album.map((entry) => entry.format)).toEqual(['png'])
      } else {
        expect(await app.waitForStatus(/^qr: (?!saving)/)).toBe('qr: UNSUPPORTED_FORMAT')
        expect(host.count('downloadFile')).toBe(0)
      }
    })

    it('a CDN’s HTML page served with 200 for the poster is DOWNLOAD_FAILED, never saved', async () => {
      const { app, host } = open(build.dir, target)
      host.downloads.set(POSTER_URL, { status: 200, body: testing.fixtures.html, contentType: 'text/html' })
      app.tap('Save poster')
      expect(await app.waitForStatus(/^poster: (?!saving)/)).toBe('poster: DOWNLOAD_FAILED')
      expect(host.album).toEqual([])
    })

    it.runIf(!!profileOf(platform).opensAppSettings)(
      'the phone refusing WeChat itself: the guide to the phone’s settings, confirmed, then saved',
      async () => {
        const { app, host } = open(build.dir, target, { systemPermission: false, client: 'ios' })
        app.tap('Save poster')
        expect(await app.waitForStatus(/^poster: (?!saving)/)).toMatch(/^poster: saved /)
        expect(host.ui.filter((event) => event.type === 'modal')).toHaveLength(1)
        expect(host.ui.filter((event) => event.type === 'system-settings')).toHaveLength(1)
      },
    )

    it('draws a poster on its legacy canvas and saves it straight from the canvas, with the page as the component', async () => {
      const { app, host } = open(build.dir, target)
      app.tap('Draw and save')
      expect(await app.waitForStatus(/^drawn: (?!saving)/)).toMatch(/^drawn: saved \S+$/)
      expect(host.album.map((entry) => entry.format)).toEqual(['png'])
      const drawnOn = host.calls.find((call) => call.api === 'createCanvasContext')!.args as unknown[]
      const exported = host.calls.find((call) => call.api === 'canvasToTempFilePath')!.args
      // the canvas is found inside the page it was drawn in (the Alipay container's ids are page-wide: no component there)
      if (inAlipayContainer(platform)) expect(Array.isArray(exported)).toBe(false)
      else expect((exported as unknown[])[1]).toBe(drawnOn[1])
      expect(host.userFiles()).toEqual([])
    })

    it.runIf(SAVES_MANY.includes(platform))(
      'WeChat ≥ 3.17.2 saves the batch with one saveMediaToPhotosAlbum call',
      async () => {
        const { app, host } = open(build.dir, target)
        app.tap('Save batch')
        expect(await app.waitForStatus(/^batch: (?!saving)/)).toBe('batch: 3/3 saved')
        expect(host.count('saveMediaToPhotosAlbum')).toBe(1)
        expect(host.count('saveImageToPhotosAlbum')).toBe(0)
      },
    )

    it.runIf(PRIVACY.includes(platform))(
      'privacy: true in the plugin: a save refused for the privacy agreement asks for it, then saves',
      async () => {
        const { app, host } = open(build.dir, target, { privacy: 'not-agreed', privacyAnswer: 'agree' })
        app.tap('Save poster')
        expect(await app.waitForStatus(/^poster: (?!saving)/)).toMatch(/^poster: saved /)
        expect(host.ui.filter((event) => event.type === 'privacy-popup')).toHaveLength(1)
        expect(host.count('requirePrivacyAuthorize')).toBe(1)
      },
    )

    it('uni.saveImageToAlbum and the direct import share one core: one save in flight at a time', async () => {
      let most = () => 0
      const { app, host } = open(build.dir, target, { latency: 20 }, (h) => (most = trackSavesInFlight(h)))
      // one function object: uni.saveImageToAlbum is the export the page imports directly
      expect(app.uni!.saveImageToAlbum).toBe(app.vendor.saveImageToAlbum)
      // the same moment: the poster button (uni.saveImageToAlbum) and the headless one (import from 'mp-save-image')
      app.tap('Save poster')
      app.tap('Save headless')
      await app.waitForStatus(/^poster: (?!saving)/)
      expect(await app.waitForStatus(/^headless: (?!saving)/)).toMatch(/^headless: saved /)
      expect(host.album).toHaveLength(2)
      expect(most()).toBe(1)
    })

    it.runIf(GUIDES_ITSELF.includes(platform))(
      'permission denied → AUTH_DENIED, no modal of ours: the host shows its own settings dialog',
      async () => {
        const { app, host } = open(build.dir, target, { permission: 'denied' })
        app.tap('Save poster')
        expect(await app.waitForStatus(/^poster: (?!saving)/)).toBe('poster: AUTH_DENIED')
        expect(host.ui.filter((event) => event.type === 'modal')).toEqual([])
        expect(host.ui.filter((event) => event.type === 'host-guide')).toHaveLength(1)
      },
    )

    it.runIf(GUIDES_ITSELF.includes(platform))(
      'a refused batch: one save call and the host’s dialog once; every image AUTH_DENIED',
      async () => {
        const { app, host } = open(build.dir, target, { permission: 'denied' })
        app.tap('Save batch')
        expect(await app.waitForStatus(/^batch: (?!saving)/)).toMatch(/^batch: 0\/3 saved/)
        expect(host.count('saveImageToPhotosAlbum')).toBe(1)
        expect(host.ui.filter((event) => event.type === 'host-guide')).toHaveLength(1)
        expect(host.userFiles()).toEqual([])
      },
    )

    it.runIf(NO_SCOPE.includes(platform))(
      'no album scope: the iOS album off is SYSTEM_PERMISSION_DENIED with no modal; "Open settings" opens what the host has',
      async () => {
        const app = await expectSystemRefusal(build.dir, target)
        app.tap('Open settings')
        expect(await app.waitForStatus(/^settings: (?!saving)/)).toBe(
          NO_SETTINGS_PAGE.includes(platform) ? 'settings: UNSUPPORTED_PLATFORM' : 'settings: album allowed',
        )
      },
    )

    it.runIf(!GUIDES_ITSELF.includes(platform) && !NO_SCOPE.includes(platform))(
      'permission denied → the guide modal with the configured texts → settings → saved',
      async () => {
        const { app, host } = openRefused(build.dir, target)
        await expectGuidedSave(app, host)
      },
    )

    it.runIf(!NO_SCOPE.includes(platform))(
      'headless, permission denied: AUTH_DENIED with no modal, then "Open settings" from the tap → album allowed',
      async () => {
        const { app, host } = open(build.dir, target, { permission: denied(platform), settings: 'enable' })
        await expectHeadlessRecovery(app, host)
      },
    )
  },
)

describeH5App('uni-app h5', images, async () => {
  const build = await uniBuild('h5')
  buildTimes.h5 = build.ms
  if (!build.ok) throw new Error(`uni build (h5) failed:\n${build.log.slice(-3000)}`)
  expect(adaptersIn(build.dir)).toEqual(['h5'])
  return build.dir
})
