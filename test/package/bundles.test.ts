import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { adaptersInCode, entryAdapters, root } from '../harness/examples'
import { entryFile } from '../../src/build/entries'
import { HOSTS } from '../../src/hosts'

// Every file of dist as built: no code from strings, nothing imported but its own chunks (zero runtime
// dependencies), and each host entry's code holds no other host's adapter. Built example apps get the
// same scan in the e2e tests (dynamicCodeIn, adaptersIn).

const dist = join(root, 'dist')
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? files(path) : /\.(mjs|cjs)$/.test(name) ? [path] : []
  })
const scripts = files(dist)
const importsOf = (code: string) =>
  [
    ...code.matchAll(/\bfrom\s*['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]|\brequire\s*\(\s*['"]([^'"]+)['"]/g),
  ].map((m) => m[1] ?? m[2] ?? m[3]!)

/** The build plugins' files (and the chunks they share), which run in Node. */
const NODE_FILE = /^(taro|vite|webpack|webpack-attach)\.|^chunks\/node-/

/** What a file may import besides its own chunks: Node's built-ins in the build plugins, Taro and the package itself in the Taro runtime and the uni-app plugins' injected line. */
const allowed = (file: string, specifier: string) =>
  specifier.startsWith('./') ||
  specifier.startsWith('../') ||
  (NODE_FILE.test(relative(dist, file)) && specifier.startsWith('node:')) ||
  (relative(dist, file) === 'taro-runtime.mjs' && (specifier === '@tarojs/taro' || specifier === 'mp-save-image')) ||
  // the line the uni-app plugins write into the app's main file imports the package itself
  (/^chunks\/node-uni-main-/.test(relative(dist, file)) && specifier === '${resolvePlugin.PACKAGE}')

describe('the dist scan', () => {
  it('covers every script of dist, production builds included', () => {
    expect(scripts.length).toBeGreaterThan(40)
    expect(scripts.some((file) => file.includes('/prod/'))).toBe(true)
  })

  it.each(scripts.map((file) => [relative(dist, file), file]))(
    '%s: no eval, no Function constructor, no import of another package',
    (_name, file) => {
      const code = readFileSync(file, 'utf8')
      expect(code).not.toMatch(/\beval\s*\(|\bnew\s+Function\b|(?<![.\w$])Function\s*\(\s*["'`]/)
      expect(importsOf(code).filter((specifier) => !allowed(file, specifier))).toEqual([])
    },
  )

  it.each(HOSTS.map((host) => host.id))(
    'dist/hosts/%s, with its chunks, holds only its own adapter (and its fallback), in development and production',
    (platform) => {
      for (const base of [dist, join(dist, 'prod')]) {
        for (const ext of ['mjs', 'cjs']) {
          const seen = new Set<string>()
          const load = (file: string): string => {
            if (seen.has(file)) return ''
            seen.add(file)
            const code = readFileSync(file, 'utf8')
            return (
              code +
              importsOf(code)
                .filter((s) => s.startsWith('.'))
                .map((s) => load(join(file, '..', s)))
                .join('\n')
            )
          }
          expect(
            adaptersInCode(load(join(base, `${entryFile(platform)}.${ext}`))),
            `${relative(dist, base)}/${platform}.${ext}`,
          ).toEqual(entryAdapters(platform))
        }
      }
    },
  )
})
