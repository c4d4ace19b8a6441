import { beforeAll, describe, expect, it } from 'vitest'
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { adaptersInCode, exampleVariant, outputText, root } from '../harness/examples'
import { denied, NO_SCOPE } from '../helpers'
import { chromiumSuite, routeImages, serve, solidPng, UA } from '../browser/chromium'
import type { UniBuildResult } from './uniapp/build'
import type { SimulatedPlatform } from '../../src/testing'
import { adaptersIn, outputJs, TARGETS } from './uniapp/harness'
import {
  BUILD_MS,
  buildTimes,
  CONFIGURED_GUIDE,
  expectGuidedSave,
  expectOnlyOwnAdapter,
  expectSystemRefusal,
  open,
  openRefused,
  run,
  useUniSuite,
} from './uniapp/suite'
import { hbuilderxVue2Build, hbuilderxVue2Project, VUE2_APP, vue2Build } from './uniapp/vue2'

// uni-app Vue 2: test/apps/uni-vue2, shaped like uni's own Vue 2 CLI template (vue-cli 4, webpack 4), with
// mp-save-image/webpack in its vue.config.js, built by its own npm scripts; then the same sources as an HBuilderX
// project, built the way HBuilderX runs its Vue 2 compiler. Each build is run on the simulated host and tapped.

useUniSuite()

/** The checks every Vue 2 build passes: its own adapter alone, the plugin's options once, the API put on `uni`. */
function expectPluginBuild(build: UniBuildResult, platform: SimulatedPlatform) {
  if (!build.ok) throw new Error(`the Vue 2 build failed:\n${build.log.slice(-3000)}`)
  expect(build.log).not.toContain('[mp-save-image]')
  expectOnlyOwnAdapter(build.dir, platform)
  expect(outputText(build.dir).split(CONFIGURED_GUIDE.content).length - 1).toBe(1)
  // webpack 4 writes the main file's `uni.saveImageToAlbum = …` against uni's module (`t.saveImageToAlbum=o["b"]`)
  expect(/\b\w+\.saveImageToAlbum\s*=/.test(outputJs(build.dir)), 'uni.saveImageToAlbum assigned').toBe(true)
  // vue.config.js leaves videos out (no `video: true`): the feature flags reached the bundle through DefinePlugin
  expect(outputJs(build.dir)).not.toContain('saveVideoToAlbum:ok')
}

const VUE2_TARGETS = [
  ['mp-weixin', false],
  ['mp-toutiao', false],
  ['mp-alipay', false],
  ['mp-baidu', false],
  ['mp-dingtalk', true],
] as const

describe.each(VUE2_TARGETS)('uni-app Vue 2 (vue-cli), npm run build:%s', (target, custom) => {
  const { platform } = TARGETS[target]!
  let build: UniBuildResult

  beforeAll(async () => {
    build = await vue2Build(target, custom)
    buildTimes[`Vue 2 ${target}`] = build.ms
  }, BUILD_MS)

  it('holds only its own adapter and the options of vue.config.js; main.js puts the API on uni', () => {
    expectPluginBuild(build, platform)
  })

  it('saves a URL from uni.saveImageToAlbum', async () => {
    const { app, host } = open(build.dir, target)
    app.tap('Save poster')
    expect(await app.waitForStatus(/^poster: (?!saving)/)).toMatch(/^poster: saved \S+$/)
    expect(host.album.map((entry) => entry.format)).toEqual(['png'])
  })

  it.runIf(!NO_SCOPE.includes(platform))(
    'a refusal: the guide with the configured texts, the settings page, then saved',
    async () => {
      const { app, host } = openRefused(build.dir, target)
      await expectGuidedSave(app, host)
    },
  )

  it.runIf(target === 'mp-weixin')(
    'a batch through uni.saveImagesToAlbum, after "Open settings" from the tap',
    async () => {
      const { app, host } = open(build.dir, target, { permission: denied(platform), settings: 'enable' })
      app.tap('Open settings')
      expect(await app.waitForStatus(/^settings: (?!saving)/)).toBe('settings: album allowed')
      app.tap('Save batch')
      expect(await app.waitForStatus(/^batch: (?!saving)/)).toBe('batch: 2/2 saved')
      expect(host.album.map((entry) => entry.format)).toEqual(['jpeg', 'jpeg'])
    },
  )

  it.runIf(NO_SCOPE.includes(platform))(
    'no album scope: the iOS album off is SYSTEM_PERMISSION_DENIED, with no modal of ours',
    () => expectSystemRefusal(build.dir, target),
  )
})

describe('uni-app Vue 2, other targets', () => {
  it(
    'the App (`app-plus`, as uni’s Vue 2 CLI names it) gets the App’s adapter alone',
    async () => {
      const build = await vue2Build('app-plus')
      expect(build.ok, build.log.slice(-3000)).toBe(true)
      expect(build.log).not.toContain('[mp-save-image]')
      expect(adaptersIn(build.dir)).toEqual(['app'])
    },
    BUILD_MS,
  )
})

describe('uni-app Vue 2, npm run build:h5, in Chromium', () => {
  const POSTER = solidPng(240, 320, [214, 48, 49])
  const chromium = chromiumSuite(async () => {
    const build = await vue2Build('h5')
    buildTimes['Vue 2 h5'] = build.ms
    if (!build.ok) throw new Error(`the Vue 2 h5 build failed:\n${build.log.slice(-3000)}`)
    expect(build.log).not.toContain('[mp-save-image]')
    expect(adaptersIn(build.dir)).toEqual(['h5'])
    return serve(build.dir)
  }, BUILD_MS)

  async function open(userAgent: string) {
    const context = await chromium.newContext({ userAgent, acceptDownloads: true })
    await routeImages(context, { 'https://cdn.example.com/poster.png': { body: POSTER, type: 'image/png' } })
    const page = await context.newPage()
    await page.goto(`${chromium.url}/`)
    const status = page.locator('.status').first()
    await expect.poll(() => status.textContent(), { timeout: 15_000 }).toBe('ready')
    await page.getByText('Save poster (URL)', { exact: true }).click()
    await expect
      .poll(async () => (await status.textContent()) ?? '', { timeout: 15_000 })
      .toMatch(/^poster: (?!saving)/)
    return { page, status: (await status.textContent()) ?? '' }
  }

  it('desktop Chrome: the poster downloads as a typed file', async () => {
    const { status } = await open(UA.desktopChrome)
    expect(status).toBe('poster: download poster.png')
  })

  it('WeChat’s browser: no download, the poster in the overlay for a long press', async () => {
    const { page, status } = await open(UA.wechatAndroid)
    expect(status).toBe('poster: overlay https://cdn.example.com/poster.png')
    expect(await page.locator('.msi-overlay img').getAttribute('src')).toBe('https://cdn.example.com/poster.png')
  })
})

describe('an HBuilderX Vue 2 project (sources and vue.config.js at the root), HBuilderX’s uniapp-cli', () => {
  let project: string
  let build: UniBuildResult

  beforeAll(async () => {
    project = hbuilderxVue2Project()
    build = await hbuilderxVue2Build(project, 'mp-weixin')
    buildTimes['HBuilderX Vue 2 mp-weixin'] = build.ms
  }, BUILD_MS)

  it('builds into its unpackage/ with only its own adapter and its plugin options', () => {
    expect(readFileSync(join(project, 'main.js'), 'utf8')).toContain('new Vue(')
    // uni honoured UNI_OUTPUT_DIR: the mini-program is in the project's unpackage/, as HBuilderX shows it
    expect(existsSync(join(project, 'unpackage', 'dist', 'build', 'mp-weixin', 'app.json'))).toBe(true)
    expectPluginBuild(build, 'weapp')
  })

  it('a refusal: the guide, the settings page, then saved', async () => {
    const { app, host } = openRefused(build.dir, 'mp-weixin')
    await expectGuidedSave(app, host)
  })
})

/** Each webpack major the plugin meets, each from an app that installed the packed package beside it. */
const WEBPACKS = [
  ['webpack 4, the Vue 2 app’s', VUE2_APP, 4],
  ['webpack 5, example-taro’s (as vue-cli 5 brings it)', join(root, 'example-taro'), 5],
] as const

describe.each(WEBPACKS)('mp-save-image/webpack under %s, outside uni', (_name, app, major) => {
  const load = createRequire(join(app, 'package.json'))
  const webpack = load('webpack') as (config: object, done: (error: Error | null, stats: WebpackStats) => void) => void
  const saveImage = load('mp-save-image/webpack') as (options?: object) => object
  const dir = join(root, '.tmp', `webpack${major}`)

  it('is the webpack it says', () => {
    expect((load('webpack/package.json') as { version: string }).version.split('.')[0]).toBe(String(major))
  })

  /** Builds `entry` (a file of dir/src) for UNI_PLATFORM `platform`, the plugin made as vue.config.js would make it. */
  function compile(platform: string, entry: string, source: string, alias?: object) {
    rmSync(dir, { recursive: true, force: true })
    mkdirSync(join(dir, 'src'), { recursive: true })
    // a project of its own: under this repository (`"type": "commonjs"`) webpack 5 would read main.js as CommonJS
    writeFileSync(join(dir, 'package.json'), '{ "name": "webpack-check", "private": true }\n')
    writeFileSync(join(dir, 'src', entry), source)
    const saved = { UNI_PLATFORM: process.env.UNI_PLATFORM, UNI_INPUT_DIR: process.env.UNI_INPUT_DIR }
    Object.assign(process.env, { UNI_PLATFORM: platform, UNI_INPUT_DIR: join(dir, 'src') })
    const plugin = saveImage({ guide: false })
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key]
      else process.env[key] = value
    }
    const config = {
      mode: 'production',
      context: app,
      entry: join(dir, 'src', entry),
      output: { path: join(dir, 'out'), filename: 'bundle.js', libraryTarget: 'commonjs2' },
      plugins: [plugin],
      ...(alias && { resolve: { alias } }),
    }
    return new Promise<{ warnings: string[]; code: string }>((done, fail) =>
      webpack(config, (error, stats) => {
        if (error || stats.hasErrors()) return fail(error ?? new Error(stats.toString()))
        const { warnings } = stats.toJson({ all: false, warnings: true })
        const text = (warning: string | { message: string }) =>
          typeof warning === 'string' ? warning : warning.message
        done({ warnings: warnings.map(text), code: readFileSync(join(dir, 'out', 'bundle.js'), 'utf8') })
      }),
    )
  }

  it('a target without an adapter builds, with one warning, and its entry holds no adapter', async () => {
    const { warnings, code } = await compile('quickapp-webview', 'main.js', 'uni.x = 1\n')
    expect(warnings.filter((warning) => warning.includes('[mp-save-image]'))).toEqual([
      expect.stringContaining('uni-app target "quickapp-webview" has no adapter yet'),
    ])
    expect(adaptersInCode(code)).toEqual([])
    // main.js got the API onto uni, and the adapter-less entry its message through DefinePlugin
    expect(code).toMatch(/\.saveImageToAlbum\s*=/)
    expect(code).toContain('has no adapter yet, so saveImageToAlbum rejects UNSUPPORTED_PLATFORM')
  }, 60_000)

  it('a subpath import resolves (webpack 4 reads no package exports); a main file never built warns', async () => {
    const { warnings, code } = await compile(
      'mp-weixin',
      'other.js',
      "export { saveImageToAlbum } from 'mp-save-image/swan'\n",
    )
    expect(adaptersInCode(code)).toEqual(['swan'])
    expect(warnings).toEqual([
      expect.stringContaining('main.{ts,js}) was not built, so uni.saveImageToAlbum is not attached'),
    ])
  }, 60_000)

  it('the app’s own alias of the package wins, in the list form of resolve.alias too; ours fill the rest', async () => {
    writeFileSync(join(root, '.tmp', `stub${major}.mjs`), "export const saveImageToAlbum = () => 'the app’s stub'\n")
    const own = { name: 'mp-save-image', alias: join(root, '.tmp', `stub${major}.mjs`), onlyModule: true }
    const { code } = await compile(
      'mp-weixin',
      'main.js',
      "export { saveImageToAlbum as weapp } from 'mp-save-image/weapp'\n",
      [own],
    )
    // main.js's added import of the bare package got the stub; the subpath, ours
    expect(code).toContain('the app’s stub')
    expect(adaptersInCode(code)).toEqual(['weapp'])
  }, 60_000)
})

describe('mp-save-image/webpack in vue.config.js', () => {
  it('an option a call would reject fails the build naming it, before webpack starts', async () => {
    const app = exampleVariant('test/apps/uni-vue2', 'bad-options', {
      'vue.config.js':
        "module.exports = { configureWebpack: { plugins: [require('mp-save-image/webpack')({ timeout: 'soon' })] } }\n",
    })
    const { ok, out } = run('npm', ['run', 'build:mp-weixin'], app)
    expect(ok).toBe(false)
    expect(out).toContain('[mp-save-image] invalid mp-save-image/webpack option: timeout')
  }, 60_000)
})

interface WebpackStats {
  hasErrors(): boolean
  toString(): string
  toJson(options: object): { warnings: (string | { message: string })[] }
}
