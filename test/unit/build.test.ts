import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { defaultsDefine, DEFAULTS_GLOBAL } from '../../src/build/defaults'
import { platformResolver } from '../../src/build/resolve-plugin'
import { platformBuild } from '../../src/build/targets'

describe('which platform file a build uses', () => {
  it.each([
    ['Taro', 'weapp', 'weapp'],
    ['Taro', 'tt', 'tt'],
    ['Taro', 'alipay', 'alipay'],
    ['Taro', 'swan', 'swan'],
    ['uni-app', 'mp-weixin', 'weapp'],
    ['uni-app', 'mp-toutiao', 'tt'],
    ['uni-app', 'mp-alipay', 'alipay'],
    ['uni-app', 'mp-baidu', 'swan'],
  ] as const)('%s target %s → the %s build', (framework, target, platform) => {
    expect(platformBuild(framework, target, '/pkg/dist')).toEqual({ platform, file: join('/pkg/dist', `${platform}.mjs`) })
  })

  it.each([
    ['Taro', 'h5', 'Taro target "h5" is not supported yet. Supported targets: weapp, tt, alipay, swan.'],
    ['Taro', 'mp-weixin', 'Taro target "mp-weixin" is not supported yet'],
    ['uni-app', 'weapp', 'uni-app target "weapp" is not supported yet. Supported targets: mp-weixin, mp-toutiao, mp-alipay, mp-baidu.'],
    ['uni-app', undefined, 'uni-app target "(none)" is not supported yet'],
    ['uni-app', 'toString', 'uni-app target "toString" is not supported yet'],
  ] as const)('%s target %s fails, naming the supported ones', (framework, target, message) => {
    expect(() => platformBuild(framework, target, '/pkg/dist')).toThrow(message)
  })

  it('the resolver answers only the bare package import', () => {
    const plugin = platformResolver('/pkg/dist/tt.mjs')
    expect(plugin.enforce).toBe('pre')
    expect(plugin.resolveId('mp-save-image')).toBe('/pkg/dist/tt.mjs')
    for (const other of ['mp-save-image/testing', 'mp-save-image/weapp', 'mp-save-image-x', './mp-save-image']) expect(plugin.resolveId(other)).toBeNull()
  })
})

describe('plugin options become the runtime defaults', () => {
  it('valid options are carried as a JSON define', () => {
    const options = { guide: { title: '保存' }, timeout: 1500, loading: '正在保存', maxBytes: 1024 }
    const define = defaultsDefine('mp-save-image/vite', options)
    expect(Object.keys(define)).toEqual([DEFAULTS_GLOBAL])
    expect(JSON.parse(define[DEFAULTS_GLOBAL])).toEqual(options)
    expect(JSON.parse(defaultsDefine('mp-save-image/vite', undefined)[DEFAULTS_GLOBAL])).toEqual({})
    expect(JSON.parse(defaultsDefine('mp-save-image/vite', { guide: false, timeout: undefined })[DEFAULTS_GLOBAL])).toEqual({ guide: false })
  })

  it.each([
    [{ timeout: 'soon' }, 'timeout must be a number of ms'],
    [{ timeout: 0 }, 'timeout must be a number of ms'],
    [{ guide: { title: 3 } }, 'guide.title must be a string'],
    [{ guide: 'yes' }, 'guide must be a boolean or'],
    [{ loading: 1 }, 'loading must be a boolean or a title string'],
    [{ maxBytes: -1 }, 'maxBytes must be a positive number'],
    [{ headers: {} }, 'unknown option "headers"'],
    [{ sucess: () => {} }, 'unknown option "sucess"'],
    ['fast', 'options must be an object'],
  ])('%j fails with a message naming the option', (options, message) => {
    expect(() => defaultsDefine('mp-save-image/vite', options)).toThrow(`[mp-save-image] invalid mp-save-image/vite option: ${message}`)
  })
})
