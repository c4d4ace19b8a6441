// The uni-app e2e suites' shared part: example-uniapp built by the real uni-app CLI against the packed package, then
// run in Node on the package's own simulated hosts (mp-save-image/testing, from the same tarball).
import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, afterEach, beforeAll, expect } from 'vitest'
import { BATCH, POSTER_URL, QR_SVG_URL, VIDEO_URL } from '../../../example-uniapp/src/images'
import type {
  AppHostOptions,
  HostOptions,
  SimulatedAppHost,
  SimulatedHost,
  SimulatedPlatform,
} from '../../../src/testing'
import { cleanEnv, exampleDir } from './build'
import { mountUniApp, type MountedUniApp } from './app-harness'
import { denied } from '../../helpers'
import { adaptersIn, mountApp, TARGETS, type MountedApp, type UniTarget } from './harness'

type Testing = typeof import('../../../src/testing')

export const CONFIGURED_GUIDE = {
  title: '保存到相册',
  content: '需要“添加到相册”权限才能保存海报，去设置里打开吧',
  confirmText: '去设置',
  cancelText: '暂不',
}
export const CONFIGURED_LOADING = '正在保存'
export const BUILD_MS = 5 * 60_000

export let testing: Testing
export const buildTimes: Record<string, number> = {}

/**
 * The hooks every uni-app e2e file runs: the simulated hosts from the installed tarball (test/global-setup.ts
 * installed example-uniapp with it), each test's app and host cleaned up after it, and the build times logged.
 */
export function useUniSuite(): void {
  beforeAll(async () => {
    const entry = join(exampleDir, 'node_modules/mp-save-image/dist/testing.mjs')
    testing = (await import(pathToFileURL(entry).href)) as Testing
  })

  afterAll(() => {
    const times = Object.entries(buildTimes).map(([name, ms]) => `${name} ${(ms / 1000).toFixed(1)} s`)
    if (times.length) console.log(`uni build wall times: ${times.join(', ')}`)
  })

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
}

let app: MountedApp | MountedUniApp | undefined
let host: SimulatedHost | SimulatedAppHost | undefined

/** An app and a host a test made itself, unloaded and checked for files left behind after it. */
export function track(made: { app?: MountedApp | MountedUniApp; host?: SimulatedHost | SimulatedAppHost }): void {
  if (made.app) app = made.app
  if (made.host) host = made.host
}

/** The example's images, online on a simulated host. */
export function serveImages<H extends Pick<SimulatedHost, 'downloads'>>(simulated: H): H {
  simulated.downloads.set(POSTER_URL, { status: 200, body: testing.fixtures.png, contentType: 'image/png' })
  simulated.downloads.set(QR_SVG_URL, { status: 200, body: testing.fixtures.svg, contentType: 'image/svg+xml' })
  simulated.downloads.set(VIDEO_URL, { status: 200, body: testing.fixtures.mp4, contentType: 'video/mp4' })
  for (const url of BATCH)
    simulated.downloads.set(url, { status: 200, body: testing.fixtures.jpeg, contentType: 'image/jpeg' })
  return simulated
}

/** A fresh simulated host with the example's images online, and the built app loaded against it. */
export function open(
  dir: string,
  target: UniTarget,
  options: HostOptions = {},
  beforeMount?: (host: SimulatedHost) => void,
) {
  const simulated = serveImages(testing.installHost(TARGETS[target].platform, { permission: 'granted', ...options }))
  host = simulated
  beforeMount?.(simulated)
  const mounted = mountApp(dir, target, simulated)
  app = mounted
  return { app: mounted, host: simulated }
}

/** The same for the App build: the simulated App host (`uni` + `plus`) and app-service.js run against it. */
export function openApp(dir: string, options: AppHostOptions = {}) {
  const simulated = serveImages(testing.installAppHost({ permission: 'granted', ...options }))
  host = simulated
  const mounted = mountUniApp(dir, simulated)
  app = mounted
  return { app: mounted, host: simulated }
}

/** Denied: the headless button reports AUTH_DENIED with no modal; "Open settings" turns the album on; it then saves. */
export async function expectHeadlessRecovery(app: MountedApp | MountedUniApp, host: SimulatedHost | SimulatedAppHost) {
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

/** A build of `target` opened on a host that refused the album, whose user confirms the guide and turns it on. */
export const openRefused = (dir: string, target: UniTarget) =>
  open(dir, target, { permission: denied(TARGETS[target]!.platform), modal: 'confirm', settings: 'enable' })

/** No album scope (DingTalk): the iOS album off is SYSTEM_PERMISSION_DENIED, with no modal of ours. */
export async function expectSystemRefusal(dir: string, target: UniTarget) {
  const { app, host } = open(dir, target, { client: 'ios', systemPermission: false })
  app.tap('Save poster')
  expect(await app.waitForStatus(/^poster: (?!saving)/)).toBe('poster: SYSTEM_PERMISSION_DENIED')
  expect(host.ui.filter((event) => event.type === 'modal')).toEqual([])
  return app
}

/** Refused: "Save poster" shows the guide with the configured texts once, opens the settings page, and saves. */
export async function expectGuidedSave(app: MountedApp, host: SimulatedHost) {
  app.tap('Save poster')
  expect(await app.waitForStatus(/^poster: (?!saving)/)).toMatch(/^poster: saved /)
  const modals = host.ui.filter((event) => event.type === 'modal')
  expect(modals).toHaveLength(1)
  expect(modals[0]).toMatchObject(CONFIGURED_GUIDE)
  expect(host.ui.filter((event) => event.type === 'settings')).toHaveLength(1)
  expect(host.album).toHaveLength(1)
}

/** The marker check: the adapters a build output holds must be exactly its own host's. */
export function expectOnlyOwnAdapter(dir: string, platform: SimulatedPlatform) {
  expect(adaptersIn(dir), 'adapters found in the build output').toEqual([platform])
}

export const run = (file: string, args: string[], cwd: string) => {
  try {
    return { ok: true, out: execFileSync(file, args, { cwd, env: cleanEnv(), encoding: 'utf8', stdio: 'pipe' }) }
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string }
    return { ok: false, out: `${e.stdout ?? ''}${e.stderr ?? ''}` }
  }
}
