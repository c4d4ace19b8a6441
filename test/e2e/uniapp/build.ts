// Builds example-uniapp with the real uni-app CLI (`uni build -p <target>`), one build at a time.
import { spawn } from 'node:child_process'
import { rmSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { exampleVariant } from '../../harness/examples'

export const exampleDir = resolve(__dirname, '../../../example-uniapp')

export interface UniBuildOptions {
  /** Output folder name under example-uniapp/dist/e2e (default: the target). */
  name?: string
  /** A development build: `uni -p <target>` (the dev server), stopped once its first build is written. */
  watch?: boolean
  /** The output folder itself (UNI_OUTPUT_DIR), rather than dist/e2e/<name> under the working folder. */
  outputDir?: string
  /** More environment for the CLI (HBuilderX's UNI_INPUT_DIR). */
  env?: Record<string, string>
}

export interface UniBuildResult {
  ok: boolean
  /** Output folder (UNI_OUTPUT_DIR). */
  dir: string
  /** stdout + stderr. */
  log: string
  /** Wall time of the CLI run. */
  ms: number
}

/**
 * The environment of a user's shell: without what the test runner put there (NODE_ENV=test and friends
 * would make uni build a test-mode app) or any UNI_* left over from a parent build.
 */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {}
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(NODE_ENV|MODE|DEV|PROD|SSR|BASE_URL|TEST|VITEST.*|VITE_.*|UNI_.*)$/.test(key)) continue
    env[key] = value
  }
  return { ...env, ...extra }
}

/** example-uniapp with another vite.config.ts (default: uni() alone, no mp-save-image plugin), under .tmp/variants. */
export function uniVariant(
  name: string,
  viteConfig = "import uni from '@dcloudio/vite-plugin-uni'\nimport { defineConfig } from 'vite'\nexport default defineConfig({ plugins: [uni()] })\n",
) {
  return exampleVariant('example-uniapp', name, { 'vite.config.ts': viteConfig })
}

/**
 * Runs a build command into `dir` (emptied first; the command's env names it). With `ready`, a watching build is
 * stopped, and counts as done, once its output matches.
 */
export function runBuild(
  command: string,
  args: string[],
  { cwd, env, dir, ready }: { cwd: string; env: NodeJS.ProcessEnv; dir: string; ready?: RegExp },
): Promise<UniBuildResult> {
  rmSync(dir, { recursive: true, force: true })
  const started = performance.now()
  return new Promise((done, fail) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true })
    let log = ''
    let watching = false
    const onOutput = (chunk: Buffer) => {
      log += chunk
      if (ready && !watching && ready.test(log)) {
        watching = true
        process.kill(-child.pid!, 'SIGTERM')
      }
    }
    child.stdout.on('data', onOutput)
    child.stderr.on('data', onOutput)
    child.on('error', fail)
    child.on('close', (code) => done({ ok: code === 0 || watching, dir, log, ms: performance.now() - started }))
  })
}

/** Runs `uni build -p <target>` in `cwd` (default example-uniapp) into `<cwd>/dist/e2e/<name>`. */
export function uniBuild(target: string, options: UniBuildOptions = {}, cwd = exampleDir): Promise<UniBuildResult> {
  const dir = options.outputDir ?? join(cwd, 'dist', 'e2e', options.name ?? target)
  const args = [...(options.watch ? [] : ['build']), ...(target === 'h5' ? [] : ['-p', target])]
  return runBuild(join(cwd, 'node_modules', '.bin', 'uni'), args, {
    cwd,
    env: cleanEnv({ ...options.env, UNI_OUTPUT_DIR: dir }),
    dir,
    ready: options.watch ? /Build complete\. Watching/ : undefined,
  })
}
