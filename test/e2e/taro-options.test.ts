import { execFileSync } from 'node:child_process'
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { buildTaro, exampleDir, taroVariant } from '../harness/taro'
import { BUILD_MS } from './taro-app'

// example-taro's plugin options refused by Taro's own schema, and the types an app sees.

describe('the build refuses wrong options', () => {
  it.each([
    [{ timeout: 'soon' }, '"timeout" must be a number'],
    [{ guide: { title: 3 } }, '"guide.title" must be a string'],
    [{ hint: false }, '"hint" must be a string'],
    [{ privacy: 'yes' }, '"privacy" must be a boolean'],
    [{ sound: true }, '"sound" is not allowed'],
  ])(
    'a wrong option %j fails the build: %s',
    async (options, message) => {
      const result = await buildTaro({
        platform: 'weapp',
        project: taroVariant('refused-options', { plugins: [['mp-save-image/taro', options]] }),
      })
      expect(result.ok).toBe(false)
      expect(result.log).toContain(message)
    },
    BUILD_MS,
  )
})

describe('types', () => {
  const tsc = (project: string) => {
    try {
      execFileSync(join(exampleDir, 'node_modules/.bin/tsc'), ['--noEmit', '-p', project], {
        cwd: exampleDir,
        encoding: 'utf8',
      })
      return ''
    } catch (error) {
      return String((error as { stdout?: string }).stdout)
    }
  }

  it('Taro.saveImageToAlbum and friends type-check in the example, with the README’s one setup line', () => {
    expect(tsc('tsconfig.json')).toBe('')
  }, 120_000)

  it('without that line the same page does not type-check', () => {
    const dir = join(exampleDir, '.e2e-types')
    rmSync(dir, { recursive: true, force: true })
    mkdirSync(dir)
    writeFileSync(join(dir, 'global.d.ts'), '/// <reference types="@tarojs/taro" />\n')
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({ extends: '../tsconfig.json', include: ['../src', './global.d.ts'] }),
    )
    const errors = tsc(join(dir, 'tsconfig.json'))
    rmSync(dir, { recursive: true, force: true })
    expect(errors).toMatch(/TS2339: Property 'saveImageToAlbum' does not exist on type 'TaroStatic'/)
  }, 120_000)
})
