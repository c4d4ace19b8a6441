import { afterEach, describe, expect, it, vi } from 'vitest'
import { platformBuild } from '../../src/build/targets'
import type { SaveImageApi } from '../../src/core/types'
import saveImageTaroPlugin, { type TaroPluginContext } from '../../src/taro/index'
import { supported } from './targets'

// The build plugins on their frameworks' hooks, and the entry of a target without an adapter.
describe('the Taro plugin on the hooks of Taro 3.6 and 4', () => {
  /** A plugin context with the hooks of @tarojs/service 3.6 (`vite`: false) or 4; records what the plugin did. */
  function context(vite: boolean) {
    const done: {
      runtimePath?: string[]
      alias?: [string, string]
      define?: Record<string, string>
      vitePlugins: number
    } = { vitePlugins: 0 }
    const ctx = {
      runOpts: { options: { platform: 'weapp' } },
      addPluginOptsSchema() {},
      registerMethod({ fn }: { fn: (platform: { runtimePath: string | string[] }) => void }) {
        const platform = { runtimePath: '@tarojs/plugin-platform-weapp/dist/runtime' as string | string[] }
        fn(platform)
        done.runtimePath = platform.runtimePath as string[]
      },
      modifyRunnerOpts(fn: (args: { opts: { defineConstants?: Record<string, string> } }) => void) {
        const opts: { defineConstants?: Record<string, string> } = {}
        fn({ opts })
        done.define = opts.defineConstants
      },
      modifyWebpackChain(
        fn: (args: { chain: { resolve: { alias: { set(key: string, value: string): unknown } } } }) => void,
      ) {
        fn({ chain: { resolve: { alias: { set: (key: string, value: string) => (done.alias = [key, value]) } } } })
      },
      ...(vite && {
        modifyViteConfig(fn: (args: { viteConfig: { plugins: unknown[] } }) => void) {
          const viteConfig = { plugins: [] as unknown[] }
          fn({ viteConfig })
          done.vitePlugins = viteConfig.plugins.length
        },
      }),
    }
    return { ctx: ctx as unknown as TaroPluginContext, done }
  }

  it.each([
    ['3.6 (no vite compiler, no modifyViteConfig)', false, 0],
    ['4', true, 1],
  ] as const)(
    'Taro %s: the runtime comes after the framework’s (post:), the bare import is aliased, the defaults defined',
    (_, vite, vitePlugins) => {
      const { ctx, done } = context(vite)
      expect(() => saveImageTaroPlugin(ctx, { timeout: 1000 })).not.toThrow()
      expect(done.runtimePath).toEqual([
        '@tarojs/plugin-platform-weapp/dist/runtime',
        'post:mp-save-image/taro/runtime',
      ])
      expect(done.alias![0]).toBe('mp-save-image$')
      expect(done.alias![1]).toMatch(/hosts\/weapp\.mjs$/)
      expect(done.define).toMatchObject({ __MP_SAVE_IMAGE_PLUGIN__: 'true' })
      expect(done.vitePlugins).toBe(vitePlugins)
    },
  )
})

describe('the entry of a target without an adapter', () => {
  afterEach(() => {
    delete (globalThis as Record<string, unknown>).__MP_SAVE_IMAGE_UNSUPPORTED__
    delete (globalThis as Record<string, unknown>).__MP_SAVE_IMAGE_PLUGIN__
    vi.resetModules()
  })

  it('rejects every call UNSUPPORTED_PLATFORM with the message the plugin defined, never touching a host', async () => {
    const { define } = platformBuild('uni-app', 'quickapp-webview', '/pkg/dist')
    Object.assign(globalThis, {
      __MP_SAVE_IMAGE_PLUGIN__: true,
      __MP_SAVE_IMAGE_UNSUPPORTED__: JSON.parse(define.__MP_SAVE_IMAGE_UNSUPPORTED__!),
    })
    const api = await import('../../src/unsupported')
    const failure = await api.saveImageToAlbum('https://cdn.example.com/a.png').catch((error: unknown) => error)
    expect(failure).toBeInstanceOf(api.SaveImageError)
    expect(failure).toMatchObject({ code: 'UNSUPPORTED_PLATFORM', platform: null })
    expect((failure as Error).message).toBe(
      `saveImageToAlbum:fail UNSUPPORTED_PLATFORM uni-app target "quickapp-webview" has no adapter yet, so saveImageToAlbum rejects UNSUPPORTED_PLATFORM there. Supported targets: ${supported('uni-app')}.`,
    )
    await expect(api.openAlbumSetting()).rejects.toMatchObject({ code: 'UNSUPPORTED_PLATFORM' })
    // nothing can be saved there, so no image or option is judged: a batch rejects as a whole, bad input too
    await expect((api.saveImagesToAlbum as SaveImageApi['saveImagesToAlbum'])(['/a.png'])).rejects.toMatchObject({
      code: 'UNSUPPORTED_PLATFORM',
    })
    await expect(api.saveImageToAlbum('')).rejects.toMatchObject({ code: 'UNSUPPORTED_PLATFORM' })
  })

  it('calls fail, then complete, after the call returns; a callback that throws changes nothing', async () => {
    const api = await import('../../src/unsupported')
    const heard: string[] = []
    const unhandled: unknown[] = []
    const onUnhandled = (reason: unknown) => unhandled.push(reason)
    process.on('unhandledRejection', onUnhandled)
    try {
      const call = api.saveImageToAlbum({
        src: '/a.png',
        fail: (error) => {
          heard.push(`fail ${error.code}`)
          throw new Error('the app’s own bug')
        },
        complete: (outcome) => heard.push(`complete ${'code' in outcome ? outcome.code : 'ok'}`),
      })
      expect(heard).toEqual([])
      await expect(call).rejects.toMatchObject({
        code: 'UNSUPPORTED_PLATFORM',
        message: 'saveImageToAlbum:fail UNSUPPORTED_PLATFORM',
      })
      await new Promise((resolve) => setTimeout(resolve, 10))
      expect(heard).toEqual(['fail UNSUPPORTED_PLATFORM', 'complete UNSUPPORTED_PLATFORM'])
      // the throw is reported, as an unhandled rejection of the callback's own branch
      expect(unhandled).toEqual([new Error('the app’s own bug')])
    } finally {
      process.off('unhandledRejection', onUnhandled)
    }
  })

  it('a caller with callbacks need not handle the promise', async () => {
    const api = await import('../../src/unsupported')
    const unhandled: unknown[] = []
    const onUnhandled = (reason: unknown) => unhandled.push(reason)
    process.on('unhandledRejection', onUnhandled)
    try {
      let failed = 0
      void api.saveImageToAlbum({ src: '/a.png', fail: () => failed++ })
      await new Promise((resolve) => setTimeout(resolve, 10))
      expect({ failed, unhandled }).toEqual({ failed: 1, unhandled: [] })
    } finally {
      process.off('unhandledRejection', onUnhandled)
    }
  })
})
