import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { adaptersInCode, entryAdapters } from '../harness/examples'
import { ERROR_CODES as ERROR_CODE_NAMES } from '../../src/core/errors'
import { HOSTS } from '../../src/hosts'
import { loadedCode, run, useFreshApp } from './fresh-app'

// The package as a user installs it, its entries run from Node: what the tarball holds, and what each entry does.
const ALL = HOSTS.map((host) => host.id)
/**
 * The entries with a simulated host; those whose adapter runs on the DOM (platforms/browser/) are tested in a real
 * browser (test/browser, test/e2e), HarmonyOS NEXT's Taro bridge here too, below.
 */
const HOST_ENTRIES = HOSTS.filter((host) => !host.adapter.startsWith('browser/')).map((host) => host.id)

const app = useFreshApp()

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

describe('the packed package in a fresh folder', () => {
  it('ships only dist, the READMEs, the changelog and the licence, with no runtime dependencies', () => {
    const pkg = JSON.parse(readFileSync(join(app.dir, 'node_modules/mp-save-image/package.json'), 'utf8'))
    expect(pkg.dependencies ?? {}).toEqual({})
    expect(readdirSync(join(app.dir, 'node_modules/mp-save-image')).sort()).toEqual([
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
        app.dir,
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
        app.dir,
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
      app.dir,
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
      app.dir,
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
      app.dir,
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
      app.dir,
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
      app.dir,
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
    const code = loadedCode(join(app.dir, 'node_modules/mp-save-image/dist/unsupported.mjs'))
    expect(adaptersInCode(code)).toEqual([])
  })

  it.each(ALL)('the %s entry, with every chunk it loads, contains no other host’s adapter', (id) => {
    for (const ext of ['mjs', 'cjs']) {
      const code = loadedCode(join(app.dir, 'node_modules/mp-save-image/dist/hosts', `${id}.${ext}`))
      expect(adaptersInCode(code), `${id}.${ext}`).toEqual(entryAdapters(id))
    }
  })

  it('a bundler in production mode (the "production" condition) gets dist/prod: the same codes, no developer messages', async () => {
    const { build } = await import('esbuild')
    const bundle = async (conditions: string[]) => {
      const result = await build({
        stdin: { contents: "export * from 'mp-save-image/weapp'", resolveDir: app.dir },
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
    const code = loadedCode(join(app.dir, 'node_modules/mp-save-image/dist/index.mjs'))
    expect(adaptersInCode(code)).toEqual(ALL)
  })
})
