// Installs an example app the way a user would: its locked dependencies from npm, and this package
// from its packed tarball (`npm pack` → .pack/mp-save-image.tgz, which the example's package.json names).
// Used by the e2e tests, the demo and the bench.
import { execFile, execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { HOSTS, type Host, type PlatformId } from '../../src/hosts'

export const root = resolve(__dirname, '../..')
export const tarball = join(root, '.pack', 'mp-save-image.tgz')

function run(cmd: string, args: string[], cwd: string): string {
  try {
    return execFileSync(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' })
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string }
    const said = `${stdout || ''}${stderr || ''}`.split('\n').filter((line) => line && !line.includes('nodedir'))
    throw new Error(`${cmd} ${args.join(' ')} failed in ${cwd}:\n${said.slice(0, 12).join('\n')}`, { cause: error })
  }
}

function runAsync(cmd: string, args: string[], cwd: string): Promise<void> {
  return new Promise((resolve, reject) =>
    execFile(cmd, args, { cwd, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (!error) return resolve()
      const said = `${stdout}${stderr}`.split('\n').filter((line) => line && !line.includes('nodedir'))
      reject(new Error(`${cmd} ${args.join(' ')} failed in ${cwd}:\n${said.slice(0, 12).join('\n')}`, { cause: error }))
    }),
  )
}

/** Packs the built package to `tarball` (run `npm run build` first). */
export function pack(): string {
  mkdirSync(dirname(tarball), { recursive: true })
  const name = run('npm', ['pack', '--silent', '--pack-destination', dirname(tarball)], root)
    .trim()
    .split('\n')
    .pop()!
  renameSync(join(dirname(tarball), name), tarball)
  return tarball
}

/**
 * The lockfile must not pin the tarball's hash, or every rebuild of the package would break `npm ci`.
 * A local `npm install` adds it back; it is dropped again here.
 */
function unpinTarball(lockFile: string) {
  const lock = JSON.parse(readFileSync(lockFile, 'utf8'))
  const entry = lock.packages['node_modules/mp-save-image']
  if (entry && entry.integrity) {
    delete entry.integrity
    writeFileSync(lockFile, `${JSON.stringify(lock, null, 2)}\n`)
  }
}

/** The apps the e2e tests build: test/global-setup.ts installs them all before any test file runs. */
export const E2E_APPS = [
  'example-taro',
  'example-uniapp',
  'test/apps/taro-3.6',
  'test/apps/taro-frameworks',
  'test/apps/uni-vue2',
]

/**
 * How an app folder of the repository gets the fresh tarball: `npm ci` when its lockfile changed since the last
 * install (`fresh` false), else only the tarball unpacked over its copy of the package (`finish`).
 */
function installPlan(app: string) {
  const dir = join(root, app)
  const lockFile = join(dir, 'package-lock.json')
  unpinTarball(lockFile)
  const stamp = join(dir, 'node_modules', '.msi-lock-hash')
  const hash = createHash('sha256').update(readFileSync(lockFile)).digest('hex')
  const fresh = existsSync(stamp) && readFileSync(stamp, 'utf8') === hash
  const finish = () => {
    if (!fresh) return writeFileSync(stamp, hash)
    const target = join(dir, 'node_modules', 'mp-save-image')
    rmSync(target, { recursive: true, force: true })
    mkdirSync(target, { recursive: true })
    run('tar', ['-xzf', tarball, '-C', target, '--strip-components=1'], dir)
  }
  return { dir, fresh, finish }
}

const NPM_CI = ['ci', '--no-audit', '--no-fund']

/** Installs an app folder of the repository (e.g. 'example-taro') with the fresh tarball; returns its absolute path. */
export function install(app: string): string {
  const plan = installPlan(app)
  if (!plan.fresh) run('npm', NPM_CI, plan.dir)
  plan.finish()
  return plan.dir
}

/**
 * Installs these apps, two `npm ci` at a time: test files that run side by side then never install into one folder
 * at once, or unpack the package while another builds with it.
 */
export async function installAll(apps: readonly string[]): Promise<void> {
  const queue = [...apps]
  const worker = async () => {
    for (let app = queue.shift(); app; app = queue.shift()) {
      const plan = installPlan(app)
      if (!plan.fresh) await runAsync('npm', NPM_CI, plan.dir)
      plan.finish()
    }
  }
  await Promise.all([worker(), worker()])
}

/**
 * A copy of an app for the package's own tests and bench, with some files replaced (a build without the
 * plugin, with other options, with a stub of the package): the app itself stays as a user would write it.
 * The copy lives under .tmp/variants and links the app's node_modules.
 */
export function exampleVariant(app: string, name: string, files: Record<string, string>): string {
  const source = join(root, app)
  const dir = join(root, '.tmp', 'variants', app, name)
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
  for (const entry of readdirSync(source)) {
    if (entry === 'dist' || entry.startsWith('.')) continue
    if (entry === 'node_modules') symlinkSync(join(source, entry), join(dir, entry), 'dir')
    else cpSync(join(source, entry), join(dir, entry), { recursive: true })
  }
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true })
    writeFileSync(join(dir, path), content)
  }
  return dir
}

/**
 * How a built app's scripts show a host's adapter: its entry's platform id where the adapter is made
 * (`platform: 'weapp'`, or `"platform":"weapp"` where the minifier quotes keys), which no framework runtime writes.
 */
export const adapterMarker = (platform: PlatformId) =>
  new RegExp(`(?:\\b|["'])platform["']?\\s*:\\s*["']${platform}["']`)

// uni's App framework files, copied into every App build as they are (its view layer, its built-in pages):
// not the app's code
const FRAMEWORK_FILES = /^(uni-app-view\.umd|__uniapp\w+)\.js$/

/** Every script of a build output. */
export function scriptsIn(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return scriptsIn(path)
    return name.endsWith('.js') && !FRAMEWORK_FILES.test(name) ? [path] : []
  })
}

/** A message only the development build of the runtime has (the production build keeps the code alone). */
export const DEVELOPMENT_MESSAGE = 'no image: give one of src, url, filePath, base64, canvas or canvasId'

/** Every script of a build output, concatenated. */
export const outputJs = (dir: string) =>
  scriptsIn(dir)
    .sort()
    .map((file) => readFileSync(file, 'utf8'))
    .join('\n')

/** The same, with `\\uXXXX` escapes read back (minifiers escape non-ASCII text): what its strings say. */
export const outputText = (dir: string) =>
  outputJs(dir).replace(/\\u([0-9a-fA-F]{4})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))

/** Which build of the runtime a built app holds: 'development' (with messages) or 'production'. */
export const runtimeBuildIn = (dir: string) =>
  outputJs(dir).includes(DEVELOPMENT_MESSAGE) ? 'development' : 'production'

// webpack's own runtime finds the global object this way (runtime.js); nothing else may build code from strings
const WEBPACK_GLOBAL_SHIM = /new Function\(["']return this["']\)/g
const DYNAMIC_CODE = /\beval\s*\(|\bnew\s+Function\b|(?<![.\w$])Function\s*\(\s*["'`]/g

/** Every `eval` and `Function` constructor in a built app, but webpack's global shim: none is expected. */
export const dynamicCodeIn = (dir: string) =>
  scriptsIn(dir).flatMap((file) => {
    const code = readFileSync(file, 'utf8').replace(WEBPACK_GLOBAL_SHIM, '')
    return [...code.matchAll(DYNAMIC_CODE)].map(
      (match) => `${file}: …${code.slice(Math.max(0, match.index - 40), match.index + 40)}…`,
    )
  })

/** Which of this package's host adapters a built app's scripts (or any code) contain, in the table's order. */
export function adaptersInCode(code: string): PlatformId[] {
  return HOSTS.map((host) => host.id).filter((id) => adapterMarker(id).test(code))
}

/** The adapters a host's entry holds: its own, and the fallback's where the table gives it one, in table order. */
export const entryAdapters = (id: PlatformId): PlatformId[] => {
  const host: Host | undefined = HOSTS.find((h) => h.id === id)
  return HOSTS.map((h) => h.id).filter((other) => other === id || other === host?.fallback)
}

/** Which of this package's host adapters a built app's scripts contain. */
export const adaptersIn = (dir: string) => adaptersInCode(outputJs(dir))
