import { join } from 'node:path'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { adaptersIn, dynamicCodeIn, outputText } from '../harness/examples'
import { HOSTS } from '../../src/hosts'
import * as testing from '../../src/testing'
import type { HarmonyHybridOptions, HarmonyHybridState } from '../../src/testing'
import { buildTaro, type BuildResult } from '../harness/taro'
import * as images from '../../example-taro/src/images'
import { chromiumSuite, routeImages, serve } from '../browser/chromium'
import { BUILD_MS, closeApp } from './taro-app'

// example-taro built for HarmonyOS NEXT: the web app in its ArkWeb shell, and the ArkTS target without an adapter.

afterEach(closeApp)

// HarmonyOS NEXT through Taro (harmony-hybrid): an H5 build whose ArkWeb shell answers a JS bridge, MethodChannel.
// In Chromium the page gets the simulated bridge of mp-save-image/testing, modelled on Taro's sources, before Taro's
// code runs; without it (the same build in a plain browser) the entry's H5 fallback saves (docs/en/hosts/harmony-hybrid.md).
describe("Taro harmony-hybrid: the album through the shell's bridge, H5 without one", () => {
  let result: BuildResult

  beforeAll(async () => {
    result = await buildTaro({ platform: 'harmony-hybrid' })
  }, BUILD_MS)

  it('builds without a warning, holding its adapter and its H5 fallback only', () => {
    expect(result.ok, result.log.slice(-2000)).toBe(true)
    expect(result.log).not.toContain('[mp-save-image]')
    expect(adaptersIn(result.dir)).toEqual(['harmony-hybrid', 'h5'])
    expect(dynamicCodeIn(result.dir)).toEqual([])
  })

  const chromium = chromiumSuite(() => serve(result.dir))

  /** The built app in a page, its images served, with the simulated bridge installed first unless `bridge` is false. */
  async function open(bridge: HarmonyHybridOptions | false) {
    const context = await chromium.newContext()
    if (bridge) await context.addInitScript(testing.installMethodChannel, bridge)
    await routeImages(context, { [images.POSTER_URL]: { body: testing.fixtures.png, type: 'image/png' } })
    const page = await context.newPage()
    await page.goto(`${chromium.url}/`)
    const status = page.locator('.status').first()
    const tap = async (button: string, label: string) => {
      await page.getByText(button, { exact: true }).first().click()
      await expect.poll(() => status.textContent(), { timeout: 10_000 }).toMatch(new RegExp(`^${label}: (?!saving)`))
      return (await status.textContent()) as string
    }
    const shell = () =>
      page.evaluate(() => (window as unknown as { __msiHarmonyHybrid: HarmonyHybridState }).__msiHarmonyHybrid)
    return { page, tap, shell }
  }

  it('the poster URL and the canvas data URI reach the album through the bridge: a plain msi-<unique>.png of the right bytes', async () => {
    const { tap, shell } = await open({})
    expect(await tap('Save poster (URL)', 'poster')).toMatch(/^poster: saved internal:\/\/files\/msi-\w+\.png$/)
    expect(await tap('Save canvas (base64)', 'canvas')).toMatch(/^canvas: saved internal:\/\/files\/msi-\w+\.png$/)
    const { album, files, calls } = await shell()
    expect(album.map((entry) => [entry.filePath.split('.').pop(), entry.type])).toEqual([
      ['png', 'image/png'],
      ['png', 'image/png'],
    ])
    expect(Buffer.from(album[0]!.base64, 'base64')).toEqual(Buffer.from(testing.fixtures.png))
    expect(album[1]!.base64).toBe(images.CANVAS_DATA_URI.split(',')[1])
    // every file of ours removed through the bridge
    expect(files).toEqual({})
    expect(calls.filter((call) => call.method === 'removeSavedFile')).toHaveLength(2)
  })

  it('the dialog cancelled → USER_CANCELLED; a file the shell lacks → FILE_NOT_FOUND; settings → UNSUPPORTED_PLATFORM', async () => {
    const cancelled = await open({ answer: 'cancel' })
    expect(await cancelled.tap('Save poster (URL)', 'poster')).toBe('poster: USER_CANCELLED')
    expect((await cancelled.shell()).files).toEqual({})
    expect(await cancelled.tap('Open settings', 'settings')).toBe('settings: UNSUPPORTED_PLATFORM')
    const lost = await open({
      failures: { saveImageToPhotosAlbum: { errMsg: 'saveImageToPhotosAlbum:fail file not exists' } },
    })
    expect(await lost.tap('Save poster (URL)', 'poster')).toBe('poster: FILE_NOT_FOUND')
  })

  it('opened in a plain browser (no bridge), the same build falls back to H5 and says so in mode', async () => {
    const { page, tap } = await open(false)
    const download = page.waitForEvent('download')
    expect(await tap('Save poster (URL)', 'poster')).toBe('poster: download poster.png')
    expect((await download).suggestedFilename()).toBe('poster.png')
  })
})

// Taro's ArkTS target (`@tarojs/plugin-platform-harmony-ets`, vite only): Taro's own saveImageToPhotosAlbum there is
// "temporarily not supported", and a save would need native ArkTS code, so no adapter: the build must still succeed,
// with one warning, and the calls reject UNSUPPORTED_PLATFORM (docs/en/hosts/harmony-hybrid.md#quirks).
describe('Taro harmony (ArkTS): a target without an adapter builds, warns once, and ships the adapter-less entry', () => {
  it(
    'builds into its ArkTS project, the warning exactly once, no adapter, every call rejecting with the target named',
    async () => {
      const WARNING = `[mp-save-image] Taro target "harmony" has no adapter yet, so saveImageToAlbum rejects UNSUPPORTED_PLATFORM there. Supported targets: ${HOSTS.flatMap((host) => host.taro).join(', ')}.`
      const result = await buildTaro({ platform: 'harmony', compiler: 'vite', output: 'dist/harmony-project' })
      expect(result.ok, result.log.slice(-2000)).toBe(true)
      expect(result.log.split(WARNING).length - 1).toBe(1)
      const ets = join(result.dir, 'entry/src/main/ets')
      expect(adaptersIn(ets)).toEqual([])
      expect(outputText(ets)).toContain('Taro target "harmony" has no adapter yet')
    },
    BUILD_MS,
  )
})
