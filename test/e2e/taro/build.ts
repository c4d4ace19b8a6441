import { spawn } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import type { PlatformId } from '../../../src/core/platform'

export const exampleDir = join(__dirname, '../../../example-taro')

export interface TaroBuild {
  platform: string
  compiler?: 'webpack5' | 'vite'
  /** A dev build: `--watch`, stopped after its first compile. */
  watch?: boolean
  /** Under example-taro/dist/. */
  output: string
  env?: Record<string, string>
}

export interface BuildResult {
  ok: boolean
  ms: number
  log: string
  dir: string
}

const WATCH_READY = /Compiled successfully|Watching\.\.\./

/** Runs the real Taro CLI on the example. A watch build is stopped once its first compile is written. */
export function buildTaro(build: TaroBuild): Promise<BuildResult> {
  const dir = join(exampleDir, 'dist', build.output)
  rmSync(dir, { recursive: true, force: true })
  // A watch build pre-bundles dependencies into a cache keyed on the lockfile, which does not see a repacked tarball.
  if (build.watch) rmSync(join(exampleDir, 'node_modules/.taro'), { recursive: true, force: true })
  const args = ['taro', 'build', '--type', build.platform, ...(build.watch ? ['--watch'] : [])]
  // The CLI decides NODE_ENV itself (production, or development with --watch); vitest's "test" would leak in.
  const { NODE_ENV: _testMode, ...inherited } = process.env
  const env = { ...inherited, TARO_OUTPUT: `dist/${build.output}`, TARO_COMPILER: build.compiler || 'webpack5', ...build.env }
  const started = Date.now()
  return new Promise((resolve) => {
    const child = spawn(join(exampleDir, 'node_modules/.bin/taro'), args.slice(1), { cwd: exampleDir, env, detached: true })
    let log = ''
    const finish = (ok: boolean) => resolve({ ok, ms: Date.now() - started, log: log.replace(/\x1b\[[0-9;]*[A-Za-z]/g, ''), dir })
    const onOutput = (chunk: Buffer) => {
      log += chunk.toString()
      if (build.watch && WATCH_READY.test(log) && existsSync(join(dir, 'app.js'))) {
        process.kill(-child.pid!, 'SIGTERM')
        finish(true)
      }
    }
    child.stdout.on('data', onOutput)
    child.stderr.on('data', onOutput)
    child.on('close', (code) => finish(code === 0))
  })
}

/** Strings that exist in exactly one host adapter of this package: its host-local path prefixes. */
export const ADAPTER_MARKERS: Record<PlatformId, string> = {
  weapp: 'wxfile://',
  tt: 'ttfile://',
  alipay: 'https://resource/',
  swan: 'bdfile://',
}

function scripts(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return scripts(path)
    return name.endsWith('.js') ? [path] : []
  })
}

/** Which of this package's host adapters the built app's scripts contain. */
export function adaptersIn(dir: string): PlatformId[] {
  const code = scripts(dir).map((file) => readFileSync(file, 'utf8')).join('\n')
  return (Object.keys(ADAPTER_MARKERS) as PlatformId[]).filter((platform) => code.includes(ADAPTER_MARKERS[platform]))
}
