import { beforeAll, describe, expect, it } from 'vitest'
import { CANVAS_DATA_URI, POSTER_URL } from '../../example-uniapp/src/images'
import { dynamicCodeIn, outputText, runtimeBuildIn } from '../harness/examples'
import type { HostOptions } from '../../src/testing'
import { uniBuild, type UniBuildResult } from './uniapp/build'
import { mountUniApp } from './uniapp/app-harness'
import { adaptersIn } from './uniapp/harness'
import {
  BUILD_MS,
  buildTimes,
  CONFIGURED_GUIDE,
  CONFIGURED_LOADING,
  expectHeadlessRecovery,
  openApp,
  serveImages,
  testing,
  track,
  useUniSuite,
} from './uniapp/suite'

useUniSuite()

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
    track({ host: simulated })
    const mounted = mountUniApp(build.dir, simulated)
    track({ app: mounted })
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
