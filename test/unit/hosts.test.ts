import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { entryFile, entrySources } from '../../src/build/entries'
import { HOSTS, uniTargetName, type Host } from '../../src/hosts'
import { PROFILES } from '../../src/testing/profiles'
import { moduleOf } from '../helpers'

// The host table (src/hosts.ts) and what is derived from it, or must agree with it, checked against each other.

const root = join(__dirname, '../..')
const hosts: readonly Host[] = HOSTS
const ids = hosts.map((host) => host.id)
const filesIn = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) =>
    statSync(join(dir, name)).isDirectory() ? filesIn(join(dir, name)) : [join(dir, name)],
  )

describe('the host table', () => {
  it('names each platform id, Taro target and uni-app target once', () => {
    const unique = (values: string[]) => expect(new Set(values).size).toBe(values.length)
    unique(ids)
    unique(hosts.flatMap((host) => host.taro))
    unique(hosts.flatMap((host) => host.uni.map(uniTargetName)))
  })

  it.each(hosts.map((host) => [host.id, host] as const))(
    '%s: its module exports its adapter, bound to its id',
    (id, host) => {
      const module = moduleOf(id as (typeof HOSTS)[number]['id'])
      expect(module.adapter.platform).toBe(id)
      // a host that shares its global tells the universal build whether the global is its own
      expect(typeof module.isThisHost).toBe(host.sharesGlobal ? 'function' : 'undefined')
    },
  )

  it('every module of platforms/ that exports an adapter is a host of the table', () => {
    const modules = filesIn(join(root, 'platforms')).filter((file) =>
      /\bexport const adapter\b/.test(readFileSync(file, 'utf8')),
    )
    const named = modules.map((file) => relative(join(root, 'platforms'), file).replace(/\.ts$/, '')).sort()
    expect(named).toEqual(hosts.map((host) => host.adapter).sort())
  })

  it('every simulated host is a host of the table, under its own id', () => {
    for (const [key, profile] of Object.entries(PROFILES)) {
      expect(ids).toContain(key)
      expect(profile.platform).toBe(key)
    }
  })

  it('the package exports every host entry through one subpath pattern, where the build writes them', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
    const dir = entryFile('*')
    expect(pkg.exports['./*']).toEqual({
      import: { types: `./dist/${dir}.d.mts`, production: `./dist/prod/${dir}.mjs`, default: `./dist/${dir}.mjs` },
      require: { types: `./dist/${dir}.d.cts`, production: `./dist/prod/${dir}.cjs`, default: `./dist/${dir}.cjs` },
    })
    expect(pkg.typesVersions['*']['*']).toEqual([`dist/${dir}.d.cts`])
    // nothing lists hosts by hand
    for (const id of ids) expect(Object.keys(pkg.exports)).not.toContain(`./${id}`)
  })

  it('the generated entries in src/entries/ are those of the table (npm run entries writes them)', () => {
    for (const [file, code] of Object.entries(entrySources()))
      expect(existsSync(join(root, file)) && readFileSync(join(root, file), 'utf8'), file).toBe(code)
    expect(readdirSync(join(root, 'src/entries')).length).toBe(Object.keys(entrySources()).length)
  })

  it('the configs name no host: the core type check takes platforms/ by a glob, the size budgets come from the table', () => {
    for (const file of [
      'tsconfig.core.json',
      'tsconfig.json',
      '.size-limit.ts',
      'rollup.config.ts',
      'vitest.config.mts',
      'docs/.vitepress/config.mts',
    ]) {
      const text = readFileSync(join(root, file), 'utf8')
      for (const id of ids) expect(text, `${file} names ${id}`).not.toMatch(new RegExp(`['"/]${id}['".]`))
    }
  })

  it.each(hosts.map((host) => [host.id] as const))('%s has its docs page, in Chinese and in English', (id) => {
    for (const dir of ['docs/hosts', 'docs/en/hosts']) {
      const page = readFileSync(join(root, dir, `${id}.md`), 'utf8')
      // each page answers the same questions, under the anchors the code's comments cite
      for (const anchor of ['accepts', 'download', 'files', 'permission', 'errors', 'canvas', 'quirks'])
        expect(page, `${dir}/${id}.md #${anchor}`).toContain(`{#${anchor}}`)
    }
  })

  it('the docs have a page for no host that is not in the table', () => {
    for (const dir of ['docs/hosts', 'docs/en/hosts'])
      expect(readdirSync(join(root, dir)).sort()).toEqual([...ids.map((id) => `${id}.md`), 'index.md'].sort())
  })
})
