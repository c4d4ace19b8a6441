import { createRequire } from 'node:module'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { dynamicCodeIn, runtimeBuildIn } from '../harness/examples'
import { denied } from '../helpers'
import { HOSTS, uniTargetName } from '../../src/hosts'
import { exampleDir, uniBuild, uniVariant, type UniBuildResult } from './uniapp/build'
import { adaptersIn, mountApp, outputJs } from './uniapp/harness'
import { BUILD_MS, buildTimes, expectOnlyOwnAdapter, open, testing, track, useUniSuite } from './uniapp/suite'

// example-uniapp built otherwise: the dev server's first build, without the plugin, with features left out, for a
// target without an adapter, and with wrong plugin options.

useUniSuite()

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
    expect(app.uni!.saveImageToAlbum).toBeUndefined()
    expect(app.uni!.openAlbumSetting).toBeUndefined()
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
    const host = testing.createHost('weapp', { permission: 'granted' })
    const app = mountApp(build.dir, 'quickapp-webview', host)
    track({ app, host })
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
