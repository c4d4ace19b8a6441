import { execFileSync } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { BATCH, CANVAS_DATA_URI, POSTER_URL, QR_SVG_URL, VIDEO_URL } from '../../example-uniapp/src/images'
import { dynamicCodeIn, install, outputText, runtimeBuildIn } from '../harness/examples'
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
import type { AppHostOptions, HostOptions, SimulatedAppHost, SimulatedHost, SimulatedPlatform } from '../../src/testing'
import { HOSTS, uniTargetName } from '../../src/hosts'
import { profileOf } from '../../src/testing/profiles'
import * as images from '../../example-uniapp/src/images'
import { describeH5App } from './h5-app'
import { cleanEnv, exampleDir, uniBuild, uniVariant, type UniBuildResult } from './uniapp/build'
import { mountUniApp, type MountedUniApp } from './uniapp/app-harness'
import { adaptersIn, mountApp, outputJs, TARGETS, type MountedApp, type UniTarget } from './uniapp/harness'

// example-uniapp, built by the real uni-app CLI against the packed package, then run in Node on the
// package's own simulated hosts (mp-save-image/testing, from the same tarball).

type Testing = typeof import('../../src/testing')

/** The guide set in example-uniapp/vite.config.ts: seeing it at run time proves the plugin options became defaults. */
const CONFIGURED_GUIDE = {
  title: '保存到相册',
  content: '需要“添加到相册”权限才能保存海报，去设置里打开吧',
  confirmText: '去设置',
  cancelText: '暂不',
}
const CONFIGURED_LOADING = '正在保存'
const INSTALL_MS = 10 * 60_000
const BUILD_MS = 5 * 60_000

let testing: Testing
const buildTimes: Record<string, number> = {}

// test/global-setup.ts has packed the package once for every example
beforeAll(async () => {
  install('example-uniapp')
  const entry = join(exampleDir, 'node_modules/mp-save-image/dist/testing.mjs')
  testing = (await import(pathToFileURL(entry).href)) as Testing
}, INSTALL_MS)

afterAll(() => {
  const times = Object.entries(buildTimes).map(([name, ms]) => `${name} ${(ms / 1000).toFixed(1)} s`)
  if (times.length) console.log(`uni build wall times: ${times.join(', ')}`)
})

let app: MountedApp | MountedUniApp | undefined
let host: SimulatedHost | SimulatedAppHost | undefined
afterEach(async () => {
  app?.unload()
  app = undefined
  if (host) {
    await host.idle()
    const left = host.userFiles()
    host.uninstall()
    host = undefined
    expect(left, 'files left under USER_DATA_PATH').toEqual([])
  }
})

/** The example's images, online on a simulated host. */
function serveImages<H extends Pick<SimulatedHost, 'downloads'>>(simulated: H): H {
  simulated.downloads.set(POSTER_URL, { status: 200, body: testing.fixtures.png, contentType: 'image/png' })
  simulated.downloads.set(QR_SVG_URL, { status: 200, body: testing.fixtures.svg, contentType: 'image/svg+xml' })
  simulated.downloads.set(VIDEO_URL, { status: 200, body: testing.fixtures.mp4, contentType: 'video/mp4' })
  for (const url of BATCH)
    simulated.downloads.set(url, { status: 200, body: testing.fixtures.jpeg, contentType: 'image/jpeg' })
  return simulated
}

/** A fresh simulated host with the example's images online, and the built app loaded against it. */
function open(dir: string, target: UniTarget, options: HostOptions = {}, beforeMount?: (host: SimulatedHost) => void) {
  const simulated = serveImages(testing.installHost(TARGETS[target].platform, { permission: 'granted', ...options }))
  host = simulated
  beforeMount?.(simulated)
  const mounted = mountApp(dir, target, simulated)
  app = mounted
  return { app: mounted, host: simulated }
}

/** The same for the App build: the simulated App host (`uni` + `plus`) and app-service.js run against it. */
function openApp(dir: string, options: AppHostOptions = {}) {
  const simulated = serveImages(testing.installAppHost({ permission: 'granted', ...options }))
  host = simulated
  const mounted = mountUniApp(dir, simulated)
  app = mounted
  return { app: mounted, host: simulated }
}

/** Denied: the headless button reports AUTH_DENIED with no modal; "Open settings" turns the album on; it then saves. */
async function expectHeadlessRecovery(app: MountedApp | MountedUniApp, host: SimulatedHost | SimulatedAppHost) {
  app.tap('Save headless')
  expect(await app.waitForStatus(/^headless: (?!saving)/)).toBe('headless: AUTH_DENIED')
  // a production build: the code, platform and raw payload, without the developer's explanation
  expect(app.detail()).toBe('saveImageToAlbum:fail AUTH_DENIED')
  expect(host.ui.filter((event) => event.type === 'modal')).toEqual([])
  // openSetting must run inside the tap (WeChat): the button has data-eventsync="true", or uni defers the handler
  app.tap('Open settings')
  expect(await app.waitForStatus(/^settings: (?!saving)/)).toBe('settings: album allowed')
  app.tap('Save headless')
  expect(await app.waitForStatus(/^headless: (?!saving)/)).toMatch(/^headless: saved /)
  expect(host.album).toHaveLength(1)
}

/** The marker check: the adapters a build output holds must be exactly its own host's. */
function expectOnlyOwnAdapter(dir: string, platform: SimulatedPlatform) {
  expect(adaptersIn(dir), 'adapters found in the build output').toEqual([platform])
}

const run = (file: string, args: string[], cwd: string) => {
  try {
    return { ok: true, out: execFileSync(file, args, { cwd, env: cleanEnv(), encoding: 'utf8', stdio: 'pipe' }) }
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string }
    return { ok: false, out: `${e.stdout ?? ''}${e.stderr ?? ''}` }
  }
}

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
      expect(typeof app.uni.saveImageToAlbum).toBe('function')

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
      expect(app.uni.saveImageToAlbum).toBe(app.vendor.saveImageToAlbum)
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
        const { app, host } = open(build.dir, target, { client: 'ios', systemPermission: false })
        app.tap('Save poster')
        expect(await app.waitForStatus(/^poster: (?!saving)/)).toBe('poster: SYSTEM_PERMISSION_DENIED')
        expect(host.ui.filter((event) => event.type === 'modal')).toEqual([])
        app.tap('Open settings')
        expect(await app.waitForStatus(/^settings: (?!saving)/)).toBe(
          NO_SETTINGS_PAGE.includes(platform) ? 'settings: UNSUPPORTED_PLATFORM' : 'settings: album allowed',
        )
      },
    )

    it.runIf(!GUIDES_ITSELF.includes(platform) && !NO_SCOPE.includes(platform))(
      'permission denied → the guide modal with the configured texts → settings → saved',
      async () => {
        const { app, host } = open(build.dir, target, {
          permission: denied(platform),
          modal: 'confirm',
          settings: 'enable',
        })
        app.tap('Save poster')
        expect(await app.waitForStatus(/^poster: (?!saving)/)).toMatch(/^poster: saved /)
        const modals = host.ui.filter((event) => event.type === 'modal')
        expect(modals).toHaveLength(1)
        expect(modals[0]).toMatchObject(CONFIGURED_GUIDE)
        expect(host.ui.filter((event) => event.type === 'settings')).toHaveLength(1)
        expect(host.album).toHaveLength(1)
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

describe('a development build (the dev server of uni -p mp-weixin, its first build)', () => {
  let build: UniBuildResult

  beforeAll(async () => {
    build = await uniBuild('mp-weixin', { name: 'mp-weixin-dev', watch: true })
    buildTimes['mp-weixin dev'] = build.ms
    if (!build.ok) throw new Error(`uni -p mp-weixin failed:\n${build.log.slice(-3000)}`)
  }, BUILD_MS)

  it('holds the development runtime, whose errors say why, and saves like the production build', async () => {
    expectOnlyOwnAdapter(build.dir, 'weapp')
    expect(dynamicCodeIn(build.dir)).toEqual([])
    expect(runtimeBuildIn(build.dir)).toBe('development')
    const { app, host } = open(build.dir, 'mp-weixin', { permission: denied('weapp') })
    app.tap('Save headless')
    expect(await app.waitForStatus(/^headless: (?!saving)/)).toBe('headless: AUTH_DENIED')
    expect(app.detail()).toMatch(/^saveImageToAlbum:fail AUTH_DENIED save: saveImageToPhotosAlbum:fail/)
    expect(host.album).toHaveLength(0)
  })
})

describe('negative control: mp-weixin built without the plugin (a copy of the example whose vite.config.ts has only uni())', () => {
  let build: UniBuildResult

  beforeAll(async () => {
    build = await uniBuild('mp-weixin', { name: 'mp-weixin-without-plugin' }, uniVariant('no-plugin'))
    buildTimes['mp-weixin without plugin'] = build.ms
    if (!build.ok) throw new Error(`uni build failed:\n${build.log.slice(-3000)}`)
  }, BUILD_MS)

  it('fails the marker check: every host adapter ships', () => {
    expect(adaptersIn(build.dir)).toEqual(HOSTS.map((host) => host.id))
    expect(() => expectOnlyOwnAdapter(build.dir, 'weapp')).toThrow(/adapters found in the build output/)
  })

  it('has no uni.saveImageToAlbum; the direct import still works (universal build)', async () => {
    const attached = /\bindex\.(saveImageToAlbum|saveImagesToAlbum|openAlbumSetting)\s*=/.exec(outputJs(build.dir))
    expect(attached?.[0], 'an assignment onto uni').toBeUndefined()
    const { app, host } = open(build.dir, 'mp-weixin')
    expect(app.uni.saveImageToAlbum).toBeUndefined()
    expect(app.uni.openAlbumSetting).toBeUndefined()
    app.tap('Save headless')
    expect(await app.waitForStatus(/^headless: (?!saving)/)).toMatch(/^headless: saved /)
    expect(host.album).toHaveLength(1)
  })
})

describe('mp-weixin with the plugin leaving the privacy step, the guide and canvases out', () => {
  let build: UniBuildResult
  let everything: UniBuildResult

  beforeAll(async () => {
    const config = `import uni from '@dcloudio/vite-plugin-uni'
import saveImage from 'mp-save-image/vite'
import { defineConfig } from 'vite'
export default defineConfig({ plugins: [uni(), saveImage({ guide: false, canvas: false })] })
`
    build = await uniBuild('mp-weixin', { name: 'mp-weixin-features-off' }, uniVariant('features-off', config))
    buildTimes['mp-weixin, features off'] = build.ms
    if (!build.ok) throw new Error(`uni build failed:\n${build.log.slice(-3000)}`)
    everything = await uniBuild('mp-weixin', { name: 'mp-weixin-everything' })
    if (!everything.ok) throw new Error(`uni build failed:\n${everything.log.slice(-3000)}`)
  }, BUILD_MS * 2)

  it('ships none of their code: the default guide and the privacy step are in the full build only, and it is smaller', () => {
    const off = outputJs(build.dir)
    const full = outputJs(everything.dir)
    // the example's own build sets guide texts; the runtime's default ones still ship with the guide
    for (const mark of ['保存图片需要访问您的相册', 'requirePrivacyAuthorize']) {
      expect(full, mark).toContain(mark)
      expect(off, mark).not.toContain(mark)
    }
    expect(off.length).toBeLessThan(full.length)
  })

  it('saves a URL; a refusal is AUTH_DENIED with no modal; a canvas is INVALID_ARGUMENT', async () => {
    const { app, host } = open(build.dir, 'mp-weixin')
    app.tap('Save poster')
    expect(await app.waitForStatus(/^poster: (?!saving)/)).toMatch(/^poster: saved \S+$/)
    app.tap('Draw and save')
    expect(await app.waitForStatus(/^drawn: (?!saving)/)).toBe('drawn: INVALID_ARGUMENT')
    host.state.permission = 'denied'
    app.tap('Save poster')
    expect(await app.waitForStatus(/^poster: (?!saving)/)).toBe('poster: AUTH_DENIED')
    expect(host.ui.filter((event) => event.type === 'modal')).toEqual([])
    expect(host.album).toHaveLength(1)
  })
})

describeH5App('uni-app h5', images, async () => {
  const build = await uniBuild('h5')
  buildTimes.h5 = build.ms
  if (!build.ok) throw new Error(`uni build (h5) failed:\n${build.log.slice(-3000)}`)
  expect(adaptersIn(build.dir)).toEqual(['h5'])
  return build.dir
})

describe('a target without an adapter (quickapp-webview) builds, warns once, and the API rejects UNSUPPORTED_PLATFORM there', () => {
  const WARNING = `[mp-save-image] uni-app target "quickapp-webview" has no adapter yet, so saveImageToAlbum rejects UNSUPPORTED_PLATFORM there. Supported targets: ${HOSTS.flatMap((host) => host.uni.map(uniTargetName)).join(', ')}.`
  let build: UniBuildResult

  beforeAll(async () => {
    build = await uniBuild('quickapp-webview')
    buildTimes['quickapp-webview'] = build.ms
  }, BUILD_MS)

  it('the build succeeds with the warning exactly once, and holds no adapter', () => {
    expect(build.ok, build.log.slice(-2000)).toBe(true)
    expect(build.log.split(WARNING).length - 1).toBe(1)
    expect(adaptersIn(build.dir)).toEqual([])
    expect(dynamicCodeIn(build.dir)).toEqual([])
  })

  it('run on its host (qa), uni.saveImageToAlbum and the direct import reject UNSUPPORTED_PLATFORM naming the target, with no host call', async () => {
    host = testing.createHost('weapp', { permission: 'granted' })
    app = mountApp(build.dir, 'quickapp-webview', host)
    for (const [button, label] of [
      ['Save poster', 'poster'],
      ['Save headless', 'headless'],
      ['Save batch', 'batch'],
      ['Open settings', 'settings'],
    ] as const) {
      app.tap(button)
      // a batch too rejects as a whole there: nothing can be saved, so no image is judged
      expect(await app.waitForStatus(new RegExp(`^${label}: (?!saving)`))).toBe(`${label}: UNSUPPORTED_PLATFORM`)
    }
    expect(app.detail()).toContain('uni-app target "quickapp-webview" has no adapter yet')
    // the host sees uni's own start-up calls (canIUse…), and none of ours
    const ours = [
      'downloadFile',
      'saveImageToPhotosAlbum',
      'openSetting',
      'showModal',
      'showLoading',
      'getFileSystemManager',
    ]
    expect(host.calls.filter((call) => ours.includes(call.api))).toEqual([])
  })
})

describe('the plugin refuses wrong options', () => {
  it('a wrong option fails, naming the option (the vite.config.ts call, through require as Vite loads it)', () => {
    const load = createRequire(join(exampleDir, 'vite.config.ts'))
    const saveImage = (load('mp-save-image/vite') as { default: (options: unknown) => unknown }).default
    const previous = process.env.UNI_PLATFORM
    process.env.UNI_PLATFORM = 'mp-weixin'
    try {
      expect(() => saveImage({ timeout: 'soon' })).toThrow(
        /^\[mp-save-image\] invalid mp-save-image\/vite option: .*timeout/,
      )
      expect(() => saveImage({ guide: 'yes' })).toThrow(/invalid mp-save-image\/vite option: .*guide/)
      expect(() => saveImage({ hint: 1 })).toThrow(/invalid mp-save-image\/vite option: hint must be a string/)
      expect(() => saveImage({ timeut: 1000 })).toThrow(/unknown option "timeut"/)
      const plugin = saveImage({ timeout: 1000 }) as { name: string; buildEnd(this: unknown, error?: Error): void }
      expect(plugin).toMatchObject({ name: 'mp-save-image:platform', enforce: 'pre' })
      // run from the repository, there is no src/main.ts to attach to: the build warns rather than silently shipping without uni.*
      const warnings: string[] = []
      plugin.buildEnd.call({ warn: (message: string) => warnings.push(message) })
      expect(warnings).toEqual([
        expect.stringMatching(/main file .* was not built, so uni.saveImageToAlbum is not attached/),
      ])
    } finally {
      if (previous === undefined) delete process.env.UNI_PLATFORM
      else process.env.UNI_PLATFORM = previous
    }
  })
})

// The App: `uni build -p app` (@dcloudio/uni-app-plus at the pinned version); its app-service.js runs in Node on the
// simulated App host, with real Vue rendering the page.
describe('uni build -p app', () => {
  let build: UniBuildResult

  beforeAll(async () => {
    build = await uniBuild('app')
    buildTimes.app = build.ms
    if (!build.ok) throw new Error(`uni build -p app failed:\n${build.log.slice(-3000)}`)
  }, BUILD_MS)

  it('builds without a warning, holding only the App adapter and the production runtime', () => {
    expect(build.log).not.toContain('[mp-save-image]')
    expect(adaptersIn(build.dir)).toEqual(['app'])
    expect(runtimeBuildIn(build.dir)).toBe('production')
    expect(dynamicCodeIn(build.dir)).toEqual([])
    expect(outputText(build.dir).split(CONFIGURED_GUIDE.content).length - 1).toBe(1)
  })

  it('saves from each button: a URL, a base64 canvas, a batch of 3', async () => {
    const { app, host } = openApp(build.dir)
    expect(app.status()).toBe('ready')
    app.tap('Save poster')
    expect(await app.waitForStatus(/^poster: (?!saving)/)).toMatch(/^poster: saved _doc\/msi-\w+\.png$/)
    expect(host.ui).toContainEqual({ type: 'loading', title: CONFIGURED_LOADING })
    app.tap('Save canvas')
    expect(await app.waitForStatus(/^canvas: (?!saving)/)).toMatch(/^canvas: saved _doc\/msi-\w+\.png$/)
    expect(Buffer.from(host.album[1]!.bytes)).toEqual(Buffer.from(CANVAS_DATA_URI.split(',')[1]!, 'base64'))
    app.tap('Save batch')
    expect(await app.waitForStatus(/^batch: (?!saving)/)).toBe('batch: 3/3 saved')
    expect(host.album.map((entry) => entry.format)).toEqual(['png', 'png', 'jpeg', 'jpeg', 'jpeg'])
  })

  it('draws a poster on its canvas; uni exports it by canvasId into its temp folder, and it is saved', async () => {
    const { app, host } = openApp(build.dir)
    app.tap('Draw and save')
    expect(await app.waitForStatus(/^drawn: (?!saving)/)).toMatch(
      /^drawn: saved _doc\/uniapp_temp_\d+\/canvas\/1\.png$/,
    )
    expect(host.asyncCalls()).toEqual(['canvasToTempFilePath', 'saveImageToPhotosAlbum'])
  })

  it.each(['ios', 'android'] as const)(
    '%s, album denied → the configured guide → app settings → back in the app → saved',
    async (client) => {
      const { app, host } = openApp(build.dir, { client, permission: 'denied', settings: 'enable' })
      app.tap('Save poster')
      expect(await app.waitForStatus(/^poster: (?!saving)/)).toMatch(/^poster: saved /)
      expect(host.ui.filter((event) => event.type === 'modal')).toEqual([{ type: 'modal', ...CONFIGURED_GUIDE }])
      expect(host.count('openAppAuthorizeSetting')).toBe(1)
      expect(host.album).toHaveLength(1)
    },
  )

  it('headless, denied: AUTH_DENIED with no modal; "Open settings" → album allowed → saved', async () => {
    const { app, host } = openApp(build.dir, { client: 'ios', permission: 'denied', settings: 'enable' })
    await expectHeadlessRecovery(app, host)
  })

  it('a poster that is not there (404) → DOWNLOAD_FAILED, its file removed', async () => {
    const { app, host } = openApp(build.dir)
    host.downloads.set(POSTER_URL, { status: 404, body: testing.fixtures.html, contentType: 'text/html' })
    app.tap('Save poster')
    expect(await app.waitForStatus(/^poster: (?!saving)/)).toBe('poster: DOWNLOAD_FAILED')
    expect(host.count('saveImageToPhotosAlbum')).toBe(0)
  })
})

// HarmonyOS NEXT: `uni build -p app-harmony` (@dcloudio/uni-app-harmony at the pinned version). Its ArkTS shell needs
// DevEco Studio; its app-service.js, the app's JavaScript, runs in Node on the simulated HarmonyOS NEXT `uni`, as the
// App's does (docs/en/hosts/app-harmony.md).
describe('uni build -p app-harmony', () => {
  let build: UniBuildResult

  beforeAll(async () => {
    build = await uniBuild('app-harmony')
    if (!build.ok) throw new Error(`uni build -p app-harmony failed:\n${build.log.slice(-3000)}`)
  }, BUILD_MS)

  const openHarmony = (options: HostOptions = {}) => {
    const simulated = serveImages(testing.installHost('app-harmony', options))
    host = simulated
    const mounted = mountUniApp(build.dir, simulated)
    app = mounted
    return { app: mounted, host: simulated }
  }

  it('builds without a warning, holding only the HarmonyOS NEXT adapter and the production runtime', () => {
    expect(build.log).not.toContain('[mp-save-image]')
    expect(adaptersIn(build.dir)).toEqual(['app-harmony'])
    expect(runtimeBuildIn(build.dir)).toBe('production')
    expect(dynamicCodeIn(build.dir)).toEqual([])
  })

  it('saves from each button through the system dialog: a URL, a base64 canvas, a drawn canvas, a batch of 3', async () => {
    const { app, host } = openHarmony()
    expect(app.status()).toBe('ready')
    app.tap('Save poster')
    const poster = await app.waitForStatus(/^poster: (?!saving)/)
    // a plain name with the image's extension: the album title is the part before the first `.`
    expect(poster).toMatch(/^poster: saved \/data\/storage\/\S+\/msi-\w+\.png$/)
    app.tap('Save canvas')
    expect(await app.waitForStatus(/^canvas: (?!saving)/)).toMatch(/\/msi-\w+\.png$/)
    expect(Buffer.from(host.album[1]!.bytes)).toEqual(Buffer.from(CANVAS_DATA_URI.split(',')[1]!, 'base64'))
    app.tap('Draw and save')
    expect(await app.waitForStatus(/^drawn: (?!saving)/)).toMatch(/^drawn: saved /)
    app.tap('Save batch')
    expect(await app.waitForStatus(/^batch: (?!saving)/)).toBe('batch: 3/3 saved')
    // one dialog per image: uni's API takes one file
    expect(host.ui.filter((event) => event.type === 'save-confirm')).toHaveLength(6)
    expect(host.album.map((entry) => entry.format)).toEqual(['png', 'png', 'png', 'jpeg', 'jpeg', 'jpeg'])
    expect(host.userFiles()).toEqual([])
  })

  it('the dialog closed: USER_CANCELLED, no guide; "Open settings" says the host has no settings page', async () => {
    const { app, host } = openHarmony({ prompt: 'deny' })
    app.tap('Save poster')
    expect(await app.waitForStatus(/^poster: (?!saving)/)).toBe('poster: USER_CANCELLED')
    expect(host.ui.filter((event) => event.type === 'modal')).toEqual([])
    app.tap('Open settings')
    expect(await app.waitForStatus(/^settings: (?!saving)/)).toBe('settings: UNSUPPORTED_PLATFORM')
    expect(host.userFiles()).toEqual([])
  })

  it('a poster that is not there (404) → DOWNLOAD_FAILED, nothing saved, its file removed', async () => {
    const { app, host } = openHarmony()
    host.downloads.set(POSTER_URL, { status: 404, body: testing.fixtures.html, contentType: 'text/html' })
    app.tap('Save poster')
    expect(await app.waitForStatus(/^poster: (?!saving)/)).toBe('poster: DOWNLOAD_FAILED')
    expect(host.count('saveImageToPhotosAlbum')).toBe(0)
    expect(host.userFiles()).toEqual([])
  })
})
