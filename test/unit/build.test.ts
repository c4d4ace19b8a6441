import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { defaultsDefine, DEFAULTS_GLOBAL, FEATURE_GLOBALS, PLUGIN_GLOBAL } from '../../src/build/defaults'
import { platformResolver } from '../../src/build/resolve-plugin'
import { platformBuild, uniTarget } from '../../src/build/targets'
import { parseDefaults } from '../../src/core/validate'
import saveImageTaroPlugin, { type TaroJoi, type TaroPluginContext } from '../../src/taro/index'
import { supported, TABLE_TARGETS } from './targets'

describe('which platform file a build uses', () => {
  it.each(TABLE_TARGETS)('%s target %s → the %s build', (framework, target, platform) => {
    const build = platformBuild(framework, target, '/pkg/dist')
    expect(build).toMatchObject({ platform, define: {} })
    expect(build.warning).toBeUndefined()
    expect(build.file(false)).toBe(join('/pkg/dist/hosts', `${platform}.mjs`))
    expect(build.file(true)).toBe(join('/pkg/dist/prod/hosts', `${platform}.mjs`))
  })

  it('the framework targets users know map where they should (a spot check of the table)', () => {
    const platformOf = (framework: 'Taro' | 'uni-app', target: string) =>
      platformBuild(framework, target, '/pkg/dist').platform
    expect(platformOf('uni-app', 'mp-weixin')).toBe('weapp')
    expect(platformOf('uni-app', 'mp-toutiao')).toBe('tt')
    expect(platformOf('uni-app', 'mp-baidu')).toBe('swan')
    expect(platformOf('uni-app', 'mp-harmony')).toBe('ascf')
    expect(platformOf('uni-app', 'mp-kuaishou')).toBe('kwai')
    expect(platformOf('Taro', 'weapp')).toBe('weapp')
  })

  it.each([
    [
      'Taro',
      'rn',
      `Taro target "rn" has no adapter yet, so saveImageToAlbum rejects UNSUPPORTED_PLATFORM there. Supported targets: ${supported('Taro')}.`,
    ],
    ['Taro', 'harmony', 'Taro target "harmony" has no adapter yet'],
    ['Taro', 'mp-weixin', 'Taro target "mp-weixin" has no adapter yet'],
    ['Taro', 'app', 'Taro target "app" has no adapter yet'],
    ['uni-app', 'mp-360', 'uni-app target "mp-360" has no adapter yet'],
    [
      'uni-app',
      'quickapp-webview',
      `uni-app target "quickapp-webview" has no adapter yet, so saveImageToAlbum rejects UNSUPPORTED_PLATFORM there. Supported targets: ${supported('uni-app')}.`,
    ],
    ['uni-app', 'weapp', 'uni-app target "weapp" has no adapter yet'],
    ['uni-app', undefined, 'uni-app target "(none)" has no adapter yet'],
    ['uni-app', 'toString', 'uni-app target "toString" has no adapter yet'],
  ] as const)(
    '%s target %s builds the adapter-less entry, with one warning naming the supported targets',
    (framework, target, message) => {
      const build = platformBuild(framework, target, '/pkg/dist')
      expect(build.platform).toBeNull()
      expect(build.file(false)).toBe(join('/pkg/dist', 'unsupported.mjs'))
      expect(build.file(true)).toBe(join('/pkg/dist/prod', 'unsupported.mjs'))
      expect(build.warning).toBe(`[mp-save-image] ${JSON.parse(build.define.__MP_SAVE_IMAGE_UNSUPPORTED__!)}`)
      expect(build.warning).toContain(message)
    },
  )

  it('uni: an mp-alipay build with the MP-DINGTALK define (uni’s DingTalk custom script) is the DingTalk target', () => {
    expect(uniTarget({ UNI_PLATFORM: 'mp-alipay', UNI_CUSTOM_CONTEXT: '{"MP-DINGTALK":true}' })).toBe('mp-dingtalk')
    expect(uniTarget({ UNI_PLATFORM: 'mp-alipay', UNI_CUSTOM_CONTEXT: '{"MP-OTHER":true,"MP-DINGTALK":false}' })).toBe(
      'mp-alipay',
    )
    expect(uniTarget({ UNI_PLATFORM: 'mp-alipay', UNI_CUSTOM_CONTEXT: 'not json' })).toBe('mp-alipay')
    expect(uniTarget({ UNI_PLATFORM: 'mp-weixin', UNI_CUSTOM_CONTEXT: '{"MP-DINGTALK":true}' })).toBe('mp-weixin')
    expect(uniTarget({ UNI_PLATFORM: 'mp-alipay' })).toBe('mp-alipay')
    // uni's Vue 2 CLI: the script's define on process (a script that is not DingTalk's sets the others' to false)
    expect(uniTarget({ UNI_PLATFORM: 'mp-alipay' }, { 'MP-DINGTALK': true })).toBe('mp-dingtalk')
    expect(uniTarget({ UNI_PLATFORM: 'mp-alipay' }, { 'MP-DINGTALK': false, 'MP-OTHER': true })).toBe('mp-alipay')
  })

  it('the resolver answers only the bare package import', () => {
    const plugin = platformResolver(() => '/pkg/dist/tt.mjs')
    expect(plugin.enforce).toBe('pre')
    expect(plugin.resolveId('mp-save-image')).toBe('/pkg/dist/tt.mjs')
    for (const other of ['mp-save-image/testing', 'mp-save-image/weapp', 'mp-save-image-x', './mp-save-image'])
      expect(plugin.resolveId(other)).toBeNull()
  })
})

describe('plugin options become the runtime defaults', () => {
  it('valid options are carried as a JSON define', () => {
    const options = {
      guide: { title: '保存' },
      timeout: 1500,
      loading: '正在保存',
      maxBytes: 1024,
      hint: '长按保存',
      privacy: true,
    }
    const define = defaultsDefine('mp-save-image/vite', options)
    expect(define).toEqual({
      [PLUGIN_GLOBAL]: 'true',
      [DEFAULTS_GLOBAL]: JSON.stringify(options),
      // every feature the options leave on is in the build
      [FEATURE_GLOBALS.privacy]: 'true',
      [FEATURE_GLOBALS.guide]: 'true',
      [FEATURE_GLOBALS.canvas]: 'true',
      [FEATURE_GLOBALS.convert]: 'true',
      // videos only where the options ask for them
      [FEATURE_GLOBALS.video]: 'false',
    })
    expect(JSON.parse(define[DEFAULTS_GLOBAL])).toEqual(options)
    expect(JSON.parse(defaultsDefine('mp-save-image/vite', undefined)[DEFAULTS_GLOBAL])).toEqual({})
    expect(
      JSON.parse(defaultsDefine('mp-save-image/vite', { guide: false, timeout: undefined })[DEFAULTS_GLOBAL]),
    ).toEqual({ guide: false })
  })

  it.each([
    [{ timeout: 'soon' }, 'timeout must be a number of ms'],
    [{ timeout: 0 }, 'timeout must be a number of ms'],
    [{ guide: { title: 3 } }, 'guide.title must be a string'],
    [{ guide: 'yes' }, 'guide must be a boolean or'],
    [{ loading: 1 }, 'loading must be a boolean or a title string'],
    [{ maxBytes: -1 }, 'maxBytes must be a positive number'],
    [{ hint: 1 }, 'hint must be a string'],
    [{ privacy: 'yes' }, 'privacy must be a boolean'],
    [{ headers: {} }, 'unknown option "headers"'],
    [{ sucess: () => {} }, 'unknown option "sucess"'],
    ['fast', 'options must be an object'],
    [{ canvas: 'no' }, 'canvas must be a boolean, got string'],
    [{ convert: 1 }, 'convert must be a boolean, got number'],
    [{ video: 'yes' }, 'video must be a boolean, got string'],
  ])('%j fails with a message naming the option', (options, message) => {
    expect(() => defaultsDefine('mp-save-image/vite', options)).toThrow(
      `[mp-save-image] invalid mp-save-image/vite option: ${message}`,
    )
  })
})

describe('the features a build holds', () => {
  const flags = (options: unknown) => {
    const define = defaultsDefine('mp-save-image/taro', options)
    return Object.fromEntries(Object.entries(FEATURE_GLOBALS).map(([feature, name]) => [feature, define[name]]))
  }

  it('the defaults leave the privacy step and videos out (off by default), and keep the guide, canvases and conversion', () => {
    const kept = { privacy: 'false', guide: 'true', canvas: 'true', convert: 'true', video: 'false' }
    expect(flags(undefined)).toEqual(kept)
    expect(flags({ privacy: false, guide: true })).toEqual(kept)
  })

  it('an option that turns a feature off for the whole app leaves it out; guide texts keep the guide', () => {
    expect(flags({ guide: false, canvas: false, convert: false })).toEqual({
      privacy: 'false',
      guide: 'false',
      canvas: 'false',
      convert: 'false',
      video: 'false',
    })
    expect(flags({ privacy: true, guide: { title: '提示' }, video: true })).toEqual({
      privacy: 'true',
      guide: 'true',
      canvas: 'true',
      convert: 'true',
      video: 'true',
    })
  })

  it('the test projects leave out each feature in turn, under the name its define uses', async () => {
    const { FEATURE_OFF } = await import('../../vitest.config.mjs')
    expect(FEATURE_OFF).toEqual(Object.keys(FEATURE_GLOBALS))
    for (const feature of FEATURE_OFF)
      expect(FEATURE_GLOBALS[feature as keyof typeof FEATURE_GLOBALS]).toBe(
        `__MP_SAVE_IMAGE_${feature.toUpperCase()}__`,
      )
  })

  it('canvas, convert and video choose what the build holds, and are no call defaults', () => {
    const define = defaultsDefine('mp-save-image/vite', { canvas: false, convert: false, video: true, timeout: 5 })
    expect(JSON.parse(define[DEFAULTS_GLOBAL])).toEqual({ timeout: 5 })
  })
})

describe('Taro’s own option schema', () => {
  it('lets through exactly the options the runtime takes as app-wide defaults', () => {
    let keys: string[] = []
    const schema = () => ({ greater: schema, max: schema, try: schema })
    const joi = {
      object: (k: Record<string, unknown>) => ((keys = Object.keys(k)), schema()),
      alternatives: () => ({ try: schema }),
      boolean: schema,
      string: schema,
      number: schema,
    }
    const noop = () => {}
    saveImageTaroPlugin({
      addPluginOptsSchema: (make: (j: TaroJoi) => unknown) => make(joi as never),
      registerMethod: noop,
      modifyRunnerOpts: noop,
      modifyWebpackChain: noop,
      modifyViteConfig: noop,
    } as unknown as TaroPluginContext)
    const every = { guide: true, timeout: 1, loading: false, maxBytes: 1, hint: 'h', privacy: true }
    expect(parseDefaults(every)).toEqual(every)
    // and `canvas`, `convert` and `video`, which choose what the build holds
    expect(keys.sort()).toEqual([...Object.keys(every), 'canvas', 'convert', 'video'].sort())
  })
})
