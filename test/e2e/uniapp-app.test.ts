import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { BATCH, CANVAS_DATA_URI, POSTER_URL } from '../../example-uniapp/src/images'
import { adaptersIn, dynamicCodeIn, install, outputText, runtimeBuildIn } from '../../scripts/examples.mjs'
import type { AppHostOptions, SimulatedAppHost } from '../../src/testing'
import { mountUniApp, type MountedUniApp } from './uniapp/app-harness'
import { exampleDir, uniBuild, type UniBuildResult } from './uniapp/build'

// example-uniapp built for the uni-app App (`uni build -p app`, @dcloudio/uni-app-plus at the pinned version)
// against the packed package, then its app-service.js run in Node on the simulated App host.

type Testing = typeof import('../../src/testing')

const CONFIGURED_GUIDE = { title: '保存到相册', content: '需要“添加到相册”权限才能保存海报，去设置里打开吧', confirmText: '去设置', cancelText: '暂不' }
const CONFIGURED_LOADING = '正在保存'

let testing: Testing
let build: UniBuildResult
let app: MountedUniApp | undefined
let host: SimulatedAppHost | undefined

beforeAll(async () => {
  install('example-uniapp')
  testing = (await import(pathToFileURL(join(exampleDir, 'node_modules/mp-save-image/dist/testing.mjs')).href)) as Testing
  build = await uniBuild('app')
  if (!build.ok) throw new Error(`uni build -p app failed:\n${build.log.slice(-3000)}`)
}, 10 * 60_000)

afterEach(async () => {
  app?.unload()
  app = undefined
  if (host) {
    await host.idle()
    const left = host.userFiles()
    host.uninstall()
    host = undefined
    expect(left, 'files left under _doc').toEqual([])
  }
})

function open(options: AppHostOptions = {}) {
  host = testing.installAppHost({ permission: 'granted', ...options })
  host.downloads.set(POSTER_URL, { status: 200, body: testing.fixtures.png, contentType: 'image/png' })
  for (const url of BATCH) host.downloads.set(url, { status: 200, body: testing.fixtures.jpeg, contentType: 'image/jpeg' })
  app = mountUniApp(build.dir, host)
  return { app, host }
}

describe('uni build -p app', () => {
  it('builds without a warning, holding only the App adapter and the production runtime', () => {
    expect(build.log).not.toContain('[mp-save-image]')
    expect(adaptersIn(build.dir)).toEqual(['app'])
    expect(runtimeBuildIn(build.dir)).toBe('production')
    expect(dynamicCodeIn(build.dir)).toEqual([])
    expect(outputText(build.dir).split(CONFIGURED_GUIDE.content).length - 1).toBe(1)
  })

  it('saves from each button: a URL, a base64 canvas, a batch of 3', async () => {
    const { app, host } = open()
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

  it.each(['ios', 'android'] as const)('%s, album denied → the configured guide → app settings → back in the app → saved', async (client) => {
    const { app, host } = open({ client, permission: 'denied', settings: 'enable' })
    app.tap('Save poster')
    expect(await app.waitForStatus(/^poster: (?!saving)/)).toMatch(/^poster: saved /)
    expect(host.ui.filter((event) => event.type === 'modal')).toEqual([{ type: 'modal', ...CONFIGURED_GUIDE }])
    expect(host.count('openAppAuthorizeSetting')).toBe(1)
    expect(host.album).toHaveLength(1)
  })

  it('headless, denied: AUTH_DENIED with no modal; "Open settings" → album allowed → saved', async () => {
    const { app, host } = open({ client: 'ios', permission: 'denied', settings: 'enable' })
    app.tap('Save headless')
    expect(await app.waitForStatus(/^headless: (?!saving)/)).toBe('headless: AUTH_DENIED')
    expect(app.detail()).toBe('saveImageToAlbum:fail AUTH_DENIED')
    expect(host.ui.filter((event) => event.type === 'modal')).toEqual([])
    app.tap('Open settings')
    expect(await app.waitForStatus(/^settings: (?!saving)/)).toBe('settings: album allowed')
    app.tap('Save headless')
    expect(await app.waitForStatus(/^headless: (?!saving)/)).toMatch(/^headless: saved /)
  })

  it('a poster that is not there (404) → DOWNLOAD_FAILED, its file removed', async () => {
    const { app, host } = open()
    host.downloads.set(POSTER_URL, { status: 404, body: testing.fixtures.html, contentType: 'text/html' })
    app.tap('Save poster')
    expect(await app.waitForStatus(/^poster: (?!saving)/)).toBe('poster: DOWNLOAD_FAILED')
    expect(host.count('saveImageToPhotosAlbum')).toBe(0)
  })
})
