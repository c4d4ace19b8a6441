import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { root, tarball } from '../harness/examples'
import { HOSTS } from '../../src/hosts'

// The packed tarball (test/global-setup.ts packs it) as every resolver sees it, checked by the field's own tools.
const bin = (name: string) => join(root, 'node_modules', '.bin', name)

function run(tool: string, args: string[]) {
  try {
    return { ok: true, out: execFileSync(bin(tool), args, { cwd: root, encoding: 'utf8', stdio: 'pipe' }) }
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string }
    return { ok: false, out: `${e.stdout ?? ''}${e.stderr ?? ''}` }
  }
}

describe('packaging', () => {
  it('publint --strict finds nothing to fix', () => {
    const result = run('publint', ['--strict', tarball])
    expect(result.out).toContain('All good!')
    expect(result.ok).toBe(true)
  }, 60_000)

  it('are-the-types-wrong: every entry resolves to its own types for node10, node16 (CJS and ESM) and bundlers', () => {
    // mp-save-image/taro/runtime is left out: an ESM-only module that only a bundler loads (the Taro plugin
    // injects it into the app), so "require resolves to ESM" is true and harmless there. The hosts' entries are one
    // subpath pattern in "exports" (./*), which attw cannot list: each host of the table is named.
    const hosts = HOSTS.map((host) => host.id)
    const result = run('attw', [
      tarball,
      '--exclude-entrypoints',
      'taro/runtime',
      '--include-entrypoints',
      ...hosts,
      '--format',
      'table-flipped',
    ])
    expect(result.out).toContain('No problems found')
    for (const id of hosts) expect(result.out).toContain(`"mp-save-image/${id}"`)
    expect(result.ok).toBe(true)
  }, 120_000)
})
