// A Taro app built by the real CLI, and what every Taro e2e suite checks of it: it launches through Taro's own
// hooks, and adding the plugin changed nothing else in its `Taro` object.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, vi } from 'vitest'
import { fixtures, type HostOptions, type SimulatedPlatform } from '../../src/testing'
import { HOSTS } from '../../src/hosts'
import { PROFILES } from '../../src/testing/profiles'
import { buildTaro, exampleDir, loadTaroApp, type BuildResult, type LoadedApp, type TaroBuild } from '../harness/taro'
import { launchChromium, routeImages, serve, UA } from '../browser/chromium'
import { exportsLoadedFrom, taroKeys } from './taro-object'
import { BATCH, POSTER_URL, QR_SVG_URL, VIDEO_URL } from '../../example-taro/src/images'
import type { Page } from 'playwright-core'

// the example's images; the other Taro apps use the same URLs
export { BATCH, POSTER_URL } from '../../example-taro/src/images'
export const BUILD_MS = 5 * 60_000

/** What each app's `.lifecycle` line shows once its page's Taro hooks ran: useLoad, then useDidShow. */
export const LIFECYCLE = 'loaded shown'

/**
 * What an app logs when it starts, as `taro init` writes it: React, Preact and Solid apps from `useLaunch`,
 * a Vue 3 app from its `onShow` option.
 */
export type Launched = 'App launched.' | 'App onShow.'

const builds = new Map<string, Promise<BuildResult>>()

/** Each build once per test file: suites and the with/without comparisons share them. */
export function built(build: TaroBuild): Promise<BuildResult> {
  const key = JSON.stringify(build)
  if (!builds.has(key)) builds.set(key, buildTaro(build))
  return builds.get(key)!
}

/** A build that must have succeeded. */
export async function builtOk(build: TaroBuild): Promise<BuildResult> {
  const result = await built(build)
  if (!result.ok) throw new Error(`taro build --type ${build.platform} failed:\n${result.log.slice(-3000)}`)
  return result
}

let current: LoadedApp | undefined

/** Unloads the app `openApp` loaded last; for `afterEach`. */
export function closeApp(): void {
  current?.unload()
  current = undefined
}

/**
 * Loads a mini-program build on the simulated host, with the posters of POSTER_URL and BATCH on its network and a
 * Canvas 2D `#poster` on its page. It must launch (`launched` logged) and its page's hooks must have run.
 */
export async function openApp(
  dist: string,
  platform: SimulatedPlatform,
  options: HostOptions = {},
  launched: Launched = 'App launched.',
): Promise<LoadedApp> {
  closeApp()
  const log = vi.spyOn(console, 'log')
  try {
    current = await loadTaroApp(dist, platform, { permission: 'granted', latency: 5, ...options })
    expect(log).toHaveBeenCalledWith(launched)
  } finally {
    log.mockRestore()
  }
  // the hooks' re-render reaches the page in a later setData: on a loaded machine, some ticks later
  const { texts } = current
  await expect.poll(texts, { timeout: 5_000 }).toContain(LIFECYCLE)
  // the example page's <Canvas type='2d' id='poster'>: a host renders it, so SelectorQuery finds its node
  current.host.addCanvas('poster', { width: 240, height: 320 })
  current.host.downloads.set(QR_SVG_URL, { status: 200, body: fixtures.svg, contentType: 'image/svg+xml' })
  current.host.downloads.set(VIDEO_URL, { status: 200, body: fixtures.mp4, contentType: 'video/mp4' })
  for (const url of [POSTER_URL, ...BATCH]) {
    current.host.downloads.set(
      url,
      url === POSTER_URL
        ? { status: 200, body: fixtures.png, contentType: 'image/png' }
        : { status: 200, body: fixtures.jpeg, contentType: 'image/jpeg' },
    )
  }
  return current
}

/** Taro's keys in a mini-program build, loaded on the simulated WeChat. */
export async function miniKeys(build: TaroBuild, launched?: Launched): Promise<string[]> {
  const { dir } = await builtOk(build)
  await openApp(dir, 'weapp', {}, launched)
  const keys = await taroKeys(exportsLoadedFrom(dir))
  closeApp()
  return keys
}

/**
 * An H5 build served on localhost and opened in desktop Chromium, with POSTER_URL on its network. It must launch
 * and run its page's hooks; then `use` gets the page.
 */
export async function withH5App<T>(dir: string, launched: Launched, use: (page: Page) => Promise<T>): Promise<T> {
  const [server, browser] = await Promise.all([serve(dir), launchChromium()])
  try {
    const context = await browser.newContext({ userAgent: UA.desktopChrome, acceptDownloads: true })
    await routeImages(context, { [POSTER_URL]: { body: fixtures.png, type: 'image/png' } })
    const page = await context.newPage()
    const logged: string[] = []
    page.on('console', (message) => logged.push(message.text()))
    await page.goto(`${server.url}/`)
    await expect.poll(() => page.locator('.lifecycle').first().textContent(), { timeout: 15_000 }).toBe(LIFECYCLE)
    expect(logged).toContain(launched)
    return await use(page)
  } finally {
    await browser.close()
    await server.close()
  }
}

/** Taro's keys in an H5 build, opened in Chromium. */
export async function h5Keys(build: TaroBuild, launched: Launched = 'App launched.'): Promise<string[]> {
  const { dir } = await builtOk(build)
  return withH5App(dir, launched, (page) => page.evaluate(taroKeys, []))
}

const exampleScripts = (
  JSON.parse(readFileSync(join(exampleDir, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
).scripts
/** Taro targets of the host table that have a simulated host and a `build:<target>` script in example-taro. */
export const MINI_TARGETS = HOSTS.flatMap((host) =>
  host.id in PROFILES
    ? host.taro
        .filter((target) => exampleScripts[`build:${target}`])
        .map((target) => ({ target, platform: host.id as SimulatedPlatform }))
    : [],
)
/**
 * The targets built with the vite compiler too: Taro's own platform plugins. Its vite runner 4.2.0 cannot build
 * alipay at all (an upstream bug in emitting .browserslistrc), and the community plugins are webpack5's.
 */
const VITE_TARGETS = ['weapp', 'tt', 'swan']

export const TARO_BUILDS: (TaroBuild & { platform: SimulatedPlatform })[] = [
  // Taro's targets are the platform ids (src/hosts.ts)
  ...MINI_TARGETS.map(({ platform }) => ({ platform })),
  ...MINI_TARGETS.filter(({ target }) => VITE_TARGETS.includes(target)).map(({ platform }) => ({
    platform,
    compiler: 'vite' as const,
  })),
  // the dev loop most apps run: WeChat, --watch
  { platform: 'weapp', watch: true },
]

/** What a build's title says: its compiler (webpack5 unless it says vite), its target, and --watch. */
export const titleOf = ({ compiler = 'webpack5', platform, watch }: TaroBuild) =>
  `Taro ${compiler} build for ${platform}${watch ? ' (--watch)' : ''}`
