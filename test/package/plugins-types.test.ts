import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { run, strictTypecheck, useFreshApp } from './fresh-app'

// The packed package's build plugins and declarations, as a user's Node and TypeScript load them.
const app = useFreshApp()

describe('the packed package’s plugins and types', () => {
  it('the build plugins load from Node through require and import, and name the runtime module they inject', () => {
    const out = run(
      app.dir,
      'plugins.mjs',
      `
      import { createRequire } from 'node:module'
      const require = createRequire(import.meta.url)
      const taro = require('mp-save-image/taro')
      const vite = (await import('mp-save-image/vite')).default
      const webpack = (await import('mp-save-image/webpack')).default
      process.env.UNI_PLATFORM = 'mp-baidu'
      const plugin = vite({ timeout: 1000 })
      const runtime = import.meta.resolve('mp-save-image/taro/runtime')
      console.log(JSON.stringify({
        taro: typeof taro.default,
        vite: typeof vite,
        viteRequired: typeof require('mp-save-image/vite').default,
        webpack: typeof webpack({ timeout: 1000 }).apply,
        webpackRequired: require('mp-save-image/webpack') === webpack && require('mp-save-image/webpack').default === webpack,
        resolved: plugin.resolveId('mp-save-image').replace(/.*node_modules/, ''),
        runtime: runtime.replace(/.*node_modules/, ''),
      }))
    `,
    )
    expect(JSON.parse(out)).toEqual({
      taro: 'function',
      vite: 'function',
      viteRequired: 'function',
      webpack: 'function',
      webpackRequired: true,
      resolved: '/mp-save-image/dist/hosts/swan.mjs',
      runtime: '/mp-save-image/dist/taro-runtime.mjs',
    })
  })

  it('the Taro runtime module adds the three APIs to Taro, the same functions as the package’s, and leaves Taro’s own alone', () => {
    const taro = join(app.dir, 'node_modules/@tarojs/taro')
    mkdirSync(taro, { recursive: true })
    writeFileSync(
      join(taro, 'package.json'),
      JSON.stringify({ name: '@tarojs/taro', version: '4.2.1', main: 'index.js' }),
    )
    writeFileSync(
      join(taro, 'index.js'),
      'const own = function saveImageToPhotosAlbum() {}\nmodule.exports = { saveImageToPhotosAlbum: own, own }\n',
    )
    const out = run(
      app.dir,
      'taro-runtime.mjs',
      `
      import Taro from '@tarojs/taro'
      import * as api from 'mp-save-image'
      const before = Object.keys(Taro)
      await import('mp-save-image/taro/runtime')
      console.log(JSON.stringify({
        added: Object.keys(Taro).filter((key) => !before.includes(key)),
        same: ['saveImageToAlbum', 'saveImagesToAlbum', 'saveVideoToAlbum', 'saveMediaToAlbum', 'openAlbumSetting'].every((name) => Taro[name] === api[name]),
        ownUntouched: Taro.saveImageToPhotosAlbum === Taro.own,
      }))
    `,
    )
    expect(JSON.parse(out)).toEqual({
      added: ['saveImageToAlbum', 'saveImagesToAlbum', 'saveVideoToAlbum', 'saveMediaToAlbum', 'openAlbumSetting'],
      same: true,
      ownUntouched: true,
    })
  })

  it('types resolve for import and require users under strict TypeScript', () => {
    writeFileSync(
      join(app.dir, 'use.ts'),
      `
      import { saveImageToAlbum, saveImagesToAlbum, openAlbumSetting, SaveImageError, type SaveImageResult, type ErrorCode } from 'mp-save-image/weapp'
      import { installHost, fixtures } from 'mp-save-image/testing'
      const host = installHost('weapp', { permission: 'granted' })
      host.addFile('/a.png', fixtures.png)
      const r: Promise<SaveImageResult> = saveImageToAlbum({ src: '/a.png', guide: { title: 't' }, loading: '保存中', timeout: 1000 })
      const b = saveImagesToAlbum(['/a.png'], { concurrency: 2, onProgress: (p) => p.done })
      const o: Promise<boolean> = openAlbumSetting()
      const code: ErrorCode = 'AUTH_DENIED'
      r.catch((e: unknown) => e instanceof SaveImageError && e.code === code)
      void b; void o
      // @ts-expect-error timeout must be a number
      saveImageToAlbum({ src: '/a.png', timeout: '1' })
      // a canvas: a Canvas 2D node (the shape WeChat's typings give it), or a legacy canvas id with its component
      const node = host.addCanvas('poster')
      const wxCanvas: { getContext(contextType: string): any; width: number } = node
      const drawn: Promise<SaveImageResult> = saveImageToAlbum({ canvas: wxCanvas, fileType: 'jpg', quality: 0.9, privacy: true })
      const legacy = saveImagesToAlbum([{ canvasId: 'poster', component: {} }, '/a.png'], { privacy: true })
      void drawn; void legacy
      // @ts-expect-error the hosts say jpg, not jpeg
      saveImageToAlbum({ canvasId: 'poster', fileType: 'jpeg' })
      // @ts-expect-error a canvas is a node, not its id
      saveImageToAlbum({ canvas: 'poster' })
    `,
    )
    for (const [module, resolution] of [
      ['nodenext', 'nodenext'],
      ['esnext', 'bundler'],
      ['commonjs', 'node10'],
    ] as const)
      strictTypecheck(app.dir, module, resolution, ['use.ts'])
  }, 90_000)

  it('an ESM (.mts) and a CJS (.cts) file each get their own declarations of every entry, the plugins included', () => {
    // a Taro app has @tarojs/taro's types, which the Taro plugin's declarations augment
    const taro = join(app.dir, 'node_modules/@tarojs/taro')
    mkdirSync(taro, { recursive: true })
    writeFileSync(
      join(taro, 'package.json'),
      JSON.stringify({ name: '@tarojs/taro', version: '4.2.1', main: 'index.js', types: 'index.d.ts' }),
    )
    // the shape of @tarojs/taro 4's own types/index.d.ts
    writeFileSync(
      join(taro, 'index.d.ts'),
      'export = Taro\ndeclare const Taro: Taro.TaroStatic\ndeclare namespace Taro {\n  interface TaroStatic { saveImageToPhotosAlbum(options: object): void }\n}\n',
    )
    writeFileSync(
      join(app.dir, 'esm.mts'),
      `
      import Taro from '@tarojs/taro'
      import taroPlugin from 'mp-save-image/taro'
      import saveImage from 'mp-save-image/vite'
      import saveImageWebpack from 'mp-save-image/webpack'
      import 'mp-save-image/taro/runtime'
      import { saveImageToAlbum, type SaveMode } from 'mp-save-image/h5'
      import * as universal from 'mp-save-image'
      const mode: Promise<SaveMode> = saveImageToAlbum('https://cdn.example.com/a.png').then((r) => r.mode)
      const plugin = saveImage({ hint: '长按保存' })
      const webpackPlugin: { apply(compiler: never): void } = saveImageWebpack({ video: true })
      const taro: (ctx: Parameters<typeof taroPlugin>[0], options?: { hint?: string }) => void = taroPlugin
      const viaTaro: Promise<boolean> = Taro.openAlbumSetting()
      void mode; void plugin; void webpackPlugin; void taro; void universal.ERROR_CODES; void viaTaro
    `,
    )
    writeFileSync(
      join(app.dir, 'cjs.cts'),
      `
      import taroPlugin = require('mp-save-image/taro')
      import saveImage = require('mp-save-image/vite')
      import saveImageWebpack = require('mp-save-image/webpack')
      import weapp = require('mp-save-image/weapp')
      // Taro's loader reads module.exports or its .default: both are the plugin, in the types too
      const same: typeof taroPlugin = taroPlugin.default
      const options: taroPlugin.SaveImageTaroOptions = { timeout: 1000 }
      const vite: typeof saveImage = saveImage.default
      const webpack: typeof saveImageWebpack = saveImageWebpack.default
      const webpackOptions: saveImageWebpack.SaveImageWebpackOptions = { guide: false }
      const saved: Promise<weapp.SaveImageResult> = weapp.saveImageToAlbum('/a.png')
      void same; void options; void vite; void webpack; void webpackOptions; void saved
    `,
    )
    strictTypecheck(app.dir, 'node16', 'node16', ['esm.mts', 'cjs.cts'])
  }, 60_000)

  it('Taro’s plugin loader reads module.exports or .default: both are the plugin, through require and import', () => {
    const out = run(
      app.dir,
      'taro-loader.mjs',
      `
      import { createRequire } from 'node:module'
      const require = createRequire(import.meta.url)
      const exported = require('mp-save-image/taro')
      // what Taro's loader (the resolve package, which ignores "exports") finds: the root taro.js
      const root = require(new URL('./node_modules/mp-save-image/taro.js', import.meta.url).pathname)
      const imported = (await import('mp-save-image/taro')).default
      console.log(JSON.stringify({ type: typeof exported, same: [exported.default, root, root.default, imported].every((fn) => fn === exported) }))
    `,
    )
    expect(JSON.parse(out)).toEqual({ type: 'function', same: true })
  })
})
