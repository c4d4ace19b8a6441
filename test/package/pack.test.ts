import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { adaptersInCode, entryAdapters } from '../harness/examples'
import { ERROR_CODES as ERROR_CODE_NAMES } from '../../src/core/errors'
import { HOSTS } from '../../src/hosts'

// The package as a user installs it: `npm pack`, then `npm install <tarball>` in a fresh folder.
const root = resolve(__dirname, '../..')
const ALL = HOSTS.map((host) => host.id)
/**
 * The entries with a simulated host; those whose adapter runs on the DOM (platforms/browser/) are tested in a real
 * browser (test/browser, test/e2e), HarmonyOS NEXT's Taro bridge here too, below.
 */
const HOST_ENTRIES = HOSTS.filter((host) => !host.adapter.startsWith('browser/')).map((host) => host.id)

let app: string

function run(file: string, source: string): string {
  writeFileSync(join(app, file), source)
  return execFileSync(process.execPath, [file], { cwd: app, encoding: 'utf8' }).trim()
}

beforeAll(() => {
  const work = mkdtempSync(join(tmpdir(), 'msi-pack-'))
  const tarball = execFileSync('npm', ['pack', '--silent', '--pack-destination', work], { cwd: root, encoding: 'utf8' })
    .trim()
    .split('\n')
    .pop()!
  app = join(work, 'app')
  mkdirSync(app)
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'fresh-app', private: true, version: '1.0.0' }))
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', join(work, tarball)], {
    cwd: app,
    stdio: 'pipe',
  })
}, 120_000)

const saveScript = (entry: string, platform: string, load: (id: string) => string) => `
  const testing = ${load('mp-save-image/testing')}
  const api = ${load(`mp-save-image${entry}`)}
  const host = ${platform === 'app' ? `testing.installAppHost({ permission: 'granted' })` : `testing.installHost('${platform}', { permission: 'granted' })`}
  host.addFile('/static/a.png', testing.fixtures.png)
  host.downloads.set('https://x.example/p.png', { status: 200, body: testing.fixtures.png, contentType: 'image/png' })
  Promise.all([api.saveImageToAlbum('/static/a.png'), api.saveImageToAlbum('https://x.example/p.png'), ${platform === 'xhs' ? `api.saveImageToAlbum('/static/a.png')` /* Xiaohongshu cannot write base64 */ : 'api.saveImageToAlbum({ base64: testing.toBase64(testing.fixtures.gif) })'}])
    .then(async (results) => {
      await host.idle()
      console.log(JSON.stringify({ platforms: results.map((r) => r.platform), album: host.album.length, left: host.userFiles().length, isError: typeof api.SaveImageError }))
    })
    .catch((e) => { console.log('FAILED', e && e.errMsg); process.exitCode = 1 })
`

/** `tsc --noEmit --strict` of `files` in the fresh app, the package's declarations checked too (no skipLibCheck). */
function strictTypecheck(module: string, resolution: string, files: string[]) {
  const tsc = join(root, 'node_modules/typescript/bin/tsc')
  const types = ['--types', 'node', '--typeRoots', join(root, 'node_modules/@types')]
  const flags = [
    '--noEmit',
    '--strict',
    '--skipLibCheck',
    'false',
    '--module',
    module,
    '--moduleResolution',
    resolution,
  ]
  execFileSync(process.execPath, [tsc, ...flags, ...types, ...files], { cwd: app, stdio: 'pipe' })
}

describe('the packed package in a fresh folder', () => {
  it('ships only dist, the READMEs, the changelog and the licence, with no runtime dependencies', () => {
    const pkg = JSON.parse(readFileSync(join(app, 'node_modules/mp-save-image/package.json'), 'utf8'))
    expect(pkg.dependencies ?? {}).toEqual({})
    expect(readdirSync(join(app, 'node_modules/mp-save-image')).sort()).toEqual([
      'CHANGELOG.md',
      'LICENSE',
      'README.en.md',
      'README.md',
      'dist',
      'package.json',
      'taro.js',
    ])
  })

  describe.each([['', 'weapp'], ...HOST_ENTRIES.map((id) => [`/${id}`, id])])('mp-save-image%s', (entry, platform) => {
    it('works through require()', () => {
      const out = run(
        `req${entry.replace('/', '-')}.cjs`,
        saveScript(entry, platform, (id) => `require('${id}')`),
      )
      expect(JSON.parse(out)).toEqual({
        platforms: [platform, platform, platform],
        album: 3,
        left: 0,
        isError: 'function',
      })
    })

    it('works through import', () => {
      const out = run(
        `imp${entry.replace('/', '-')}.mjs`,
        saveScript(entry, platform, (id) => `await import('${id}')`),
      )
      expect(JSON.parse(out)).toEqual({
        platforms: [platform, platform, platform],
        album: 3,
        left: 0,
        isError: 'function',
      })
    })
  })

  it('the universal entry finds each host at call time', () => {
    const out = run(
      'universal.mjs',
      `
      const testing = await import('mp-save-image/testing')
      const { saveImageToAlbum } = await import('mp-save-image')
      const seen = []
      for (const id of ${JSON.stringify(HOST_ENTRIES)}) {
        const host = id === 'app' ? testing.installAppHost({ permission: 'granted' }) : testing.installHost(id, { permission: 'granted' })
        host.addFile('/a.png', testing.fixtures.png)
        seen.push((await saveImageToAlbum('/a.png')).platform)
        host.uninstall()
      }
      const none = await saveImageToAlbum('/a.png').catch((e) => e.code)
      console.log(JSON.stringify({ seen, none }))
    `,
    )
    expect(JSON.parse(out)).toEqual({ seen: HOST_ENTRIES, none: 'UNSUPPORTED_PLATFORM' })
  })

  it("mp-save-image/harmony-hybrid saves through the simulated bridge of Taro's HarmonyOS NEXT shell", () => {
    const out = run(
      'harmony-hybrid.mjs',
      `
      const testing = await import('mp-save-image/testing')
      const { saveImageToAlbum } = await import('mp-save-image/harmony-hybrid')
      const shell = testing.installMethodChannel()
      const result = await saveImageToAlbum({ base64: testing.toBase64(testing.fixtures.png) })
      console.log(JSON.stringify({ platform: result.platform, mode: result.mode, album: shell.album.length, left: Object.keys(shell.files).length }))
    `,
    )
    expect(JSON.parse(out)).toEqual({ platform: 'harmony-hybrid', mode: 'album', album: 1, left: 0 })
  })

  it('importing any entry with no host never throws', () => {
    const out = run(
      'no-host.cjs',
      `
      for (const id of ${JSON.stringify(['', ...ALL.map((id) => `/${id}`), '/testing'])}) require('mp-save-image' + id)
      console.log('ok')
    `,
    )
    expect(out).toBe('ok')
  })

  it('outside a browser, the h5 entry rejects UNSUPPORTED_PLATFORM for platform h5, and openAlbumSetting too', () => {
    const out = run(
      'h5-in-node.mjs',
      `
      const { saveImageToAlbum, openAlbumSetting } = await import('mp-save-image/h5')
      const save = await saveImageToAlbum('https://x.example/p.png').catch((e) => [e.code, e.platform])
      const open = await openAlbumSetting().catch((e) => e.code)
      console.log(JSON.stringify({ save, open }))
    `,
    )
    expect(JSON.parse(out)).toEqual({ save: ['UNSUPPORTED_PLATFORM', 'h5'], open: 'UNSUPPORTED_PLATFORM' })
  })

  it('the entry the plugins give a target without an adapter: the same API, rejecting UNSUPPORTED_PLATFORM, no adapter inside', () => {
    const out = run(
      'unsupported.mjs',
      `
      // not exported: the plugins point at the file itself
      const api = await import('./node_modules/mp-save-image/dist/unsupported.mjs')
      const outcome = await api.saveImageToAlbum('https://x.example/p.png').catch((e) => [e.code, e.platform, e.message])
      const batch = await api.saveImagesToAlbum(['https://x.example/p.png']).catch((e) => e.code)
      console.log(JSON.stringify({ outcome, batch, exports: Object.keys(api).sort() }))
    `,
    )
    expect(JSON.parse(out)).toEqual({
      outcome: ['UNSUPPORTED_PLATFORM', null, 'saveImageToAlbum:fail UNSUPPORTED_PLATFORM'],
      batch: 'UNSUPPORTED_PLATFORM',
      exports: [
        'ERROR_CODES',
        'SaveImageError',
        'isSaveImageError',
        'openAlbumSetting',
        'saveImageToAlbum',
        'saveImagesToAlbum',
        'saveMediaToAlbum',
        'saveVideoToAlbum',
      ],
    })
    const code = loadedCode(join(app, 'node_modules/mp-save-image/dist/unsupported.mjs'))
    expect(adaptersInCode(code)).toEqual([])
  })

  it.each(ALL)('the %s entry, with every chunk it loads, contains no other host’s adapter', (id) => {
    for (const ext of ['mjs', 'cjs']) {
      const code = loadedCode(join(app, 'node_modules/mp-save-image/dist/hosts', `${id}.${ext}`))
      expect(adaptersInCode(code), `${id}.${ext}`).toEqual(entryAdapters(id))
    }
  })

  it('the build plugins load from Node through require and import, and name the runtime module they inject', () => {
    const out = run(
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
    const taro = join(app, 'node_modules/@tarojs/taro')
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

  it('a bundler in production mode (the "production" condition) gets dist/prod: the same codes, no developer messages', async () => {
    const { build } = await import('esbuild')
    const bundle = async (conditions: string[]) => {
      const result = await build({
        stdin: { contents: "export * from 'mp-save-image/weapp'", resolveDir: app },
        bundle: true,
        write: false,
        format: 'esm',
        conditions,
        metafile: true,
        logLevel: 'silent',
      })
      return {
        inputs: Object.keys(result.metafile.inputs).filter((file) => file.includes('mp-save-image')),
        code: result.outputFiles[0]!.text,
      }
    }
    const production = await bundle(['production'])
    const development = await bundle([])
    expect(production.inputs.every((file) => file.includes('/dist/prod/'))).toBe(true)
    expect(development.inputs.some((file) => file.includes('/dist/prod/'))).toBe(false)
    expect(development.code).toContain('no image: give one of src')
    expect(production.code).not.toContain('no image: give one of src')
    for (const code of ERROR_CODE_NAMES) expect(production.code).toContain(`"${code}"`)
  })

  it('the universal entry does ship every adapter (the README says so)', () => {
    const code = loadedCode(join(app, 'node_modules/mp-save-image/dist/index.mjs'))
    expect(adaptersInCode(code)).toEqual(ALL)
  })

  it('types resolve for import and require users under strict TypeScript', () => {
    writeFileSync(
      join(app, 'use.ts'),
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
      strictTypecheck(module, resolution, ['use.ts'])
  }, 90_000)

  it('an ESM (.mts) and a CJS (.cts) file each get their own declarations of every entry, the plugins included', () => {
    // a Taro app has @tarojs/taro's types, which the Taro plugin's declarations augment
    const taro = join(app, 'node_modules/@tarojs/taro')
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
      join(app, 'esm.mts'),
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
      join(app, 'cjs.cts'),
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
    strictTypecheck('node16', 'node16', ['esm.mts', 'cjs.cts'])
  }, 60_000)

  it('Taro’s plugin loader reads module.exports or .default: both are the plugin, through require and import', () => {
    const out = run(
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

/** An entry's code plus every chunk it imports, transitively. */
function loadedCode(file: string, seen = new Set<string>()): string {
  if (seen.has(file)) return ''
  seen.add(file)
  const code = readFileSync(file, 'utf8')
  const imports = [...code.matchAll(/(?:from\s*|require\()\s*['"](\.[^'"]+)['"]/g)].map((m) =>
    resolve(dirname(file), m[1]),
  )
  return code + imports.map((dep) => loadedCode(dep, seen)).join('\n')
}
