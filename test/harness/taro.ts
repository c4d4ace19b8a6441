// A Taro app of the repository (example-taro unless told): built with the real Taro CLI, and loaded in Node on a
// simulated host. Used by the e2e tests, the demo and the bench.
import { spawn } from 'node:child_process'
import { existsSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import type * as Testing from '../../src/testing'
import type { HostOptions, SimulatedHost, SimulatedPlatform } from '../../src/testing'
import { exampleVariant, root } from './examples'

export const exampleDir = join(root, 'example-taro')
const requireNative = createRequire(__filename)
/** The simulated hosts as the package ships them. */
const testing = requireNative(join(root, 'dist/testing.cjs')) as typeof Testing

const WATCH_READY = /Compiled successfully|Watching\.\.\.|built in \d+ms/

export interface TaroBuild {
  /** `taro build --type` */
  platform: string
  compiler?: 'webpack5' | 'vite'
  /** A dev build: `--watch`, stopped after its first compile. */
  watch?: boolean
  /** The project folder: example-taro, another Taro app, or a taroVariant. */
  project?: string
  /** The output folder in the project, as its config's outputRoot names it. Default dist/<compiler>/<platform>. */
  output?: string
  /** More environment for the CLI (e.g. the app's own switches). */
  env?: Record<string, string>
}

export interface BuildResult {
  ok: boolean
  ms: number
  log: string
  dir: string
}

/**
 * A Taro app (example-taro unless `app` names another folder) with another config (see exampleVariant): its own
 * config/index.ts, kept as config/base.ts, with `plugins` replaced, and `mp-save-image` aliased to `stub` when given.
 */
export function taroVariant(
  name: string,
  { plugins = [], stub, app = 'example-taro' }: { plugins?: unknown[]; stub?: string; app?: string } = {},
): string {
  const base = readFileSync(join(root, app, 'config/index.ts'), 'utf8')
  const alias = stub ? `, 'mp-save-image': ${JSON.stringify(stub)}` : ''
  const index = `import base from './base'
export default async (merge: unknown, env: unknown) => {
  const config = await (base as (merge: unknown, env: unknown) => Record<string, any>)(merge, env)
  return { ...config, plugins: ${JSON.stringify(plugins)}, alias: { ...config.alias${alias} } }
}
`
  return exampleVariant(app, name, { 'config/base.ts': base, 'config/index.ts': index })
}

/**
 * Runs the real Taro CLI on the app (or a variant's folder). A watch build is stopped once its first compile is
 * written. A CLI that cannot start is a failed build, never a wait.
 */
export function buildTaro(build: TaroBuild): Promise<BuildResult> {
  const project = build.project || exampleDir
  const compiler = build.compiler || 'webpack5'
  const dir = join(project, build.output || join('dist', compiler, build.platform))
  rmSync(dir, { recursive: true, force: true })
  // A watch build pre-bundles dependencies into a cache keyed on the lockfile, which does not see a repacked tarball.
  if (build.watch) rmSync(join(project, 'node_modules/.taro'), { recursive: true, force: true })
  const args = ['build', '--type', build.platform, ...(build.watch ? ['--watch'] : [])]
  // The CLI decides NODE_ENV itself (production, or development with --watch); a test runner's "test" would leak in.
  const { NODE_ENV: _inherited, ...inherited } = process.env
  const env = { ...inherited, TARO_COMPILER: compiler, ...build.env }
  const started = Date.now()
  return new Promise((resolve) => {
    const child = spawn(join(project, 'node_modules/.bin/taro'), args, { cwd: project, env, detached: true })
    let log = ''
    let done = false
    const finish = (ok: boolean) => {
      if (done) return
      done = true
      // the CLI's colours and progress bars are ANSI escapes
      // eslint-disable-next-line no-control-regex
      resolve({ ok, ms: Date.now() - started, log: log.replace(/\x1b\[[0-9;]*[A-Za-z]/g, ''), dir })
    }
    const onOutput = (chunk: Buffer) => {
      log += chunk.toString()
      if (build.watch && WATCH_READY.test(log) && existsSync(join(dir, 'app.js'))) {
        finish(true)
        if (child.pid) process.kill(-child.pid, 'SIGTERM')
      }
    }
    child.stdout.on('data', onOutput)
    child.stderr.on('data', onOutput)
    child.on('close', (code) => finish(code === 0))
    child.on('error', (error) => {
      log += String(error)
      finish(false)
    })
  })
}

/** A node of Taro's page tree as setData sends it: `v` a text, `cn` the children, `sid` an element's id. */
interface TaroNode {
  v?: string
  sid?: string
  cn?: TaroNode[]
}

type Data = Record<string, unknown>

interface MiniPage {
  data: Data & { root: TaroNode }
  route?: string
  __route__?: string
  setData(patch: Data, callback?: () => void): void
  eh(event: unknown): void
  onLoad?(query: Data): void
  onInit?(query: Data): void
  onShow?(): void
  onReady?(): void
}

interface MiniApp {
  onLaunch?(options: Data): void
  onShow?(options: Data): void
}

export interface LoadedApp {
  host: SimulatedHost
  page: MiniPage
  /** Every text the page shows, in order. */
  texts(): string[]
  /** Taps the button whose label is `label`, inside a user gesture, as the host would deliver it. */
  tap(label: string): void
  /** Resolves once the status line starts with `prefix` and is no longer "saving…". */
  status(prefix: string, ms?: number): Promise<string>
  unload(): void
}

/** The globals a mini-program's JS sees besides its host API object. */
const MINI_GLOBALS = ['App', 'Page', 'Component', 'getApp', 'getCurrentPages', 'navigator']

/** Sets `a.b.[0].c` / `a.b[0].c` style keys, the way the host applies a setData patch. */
function applyPatch(data: Data, patch: Data) {
  for (const [path, value] of Object.entries(patch)) {
    const keys = path
      .replace(/\[(\d+)\]/g, '.$1')
      .split('.')
      .filter(Boolean)
    let target = data
    keys.slice(0, -1).forEach((key, i) => {
      if (target[key] === undefined || target[key] === null) target[key] = /^\d+$/.test(keys[i + 1]!) ? [] : {}
      target = target[key] as Data
    })
    target[keys[keys.length - 1]!] = value
  }
}

function findParent(node: TaroNode, match: (node: TaroNode) => boolean, parent?: TaroNode): TaroNode | undefined {
  if (match(node)) return parent
  for (const child of node.cn || []) {
    const found = findParent(child, match, node)
    if (found) return found
  }
  return undefined
}

const textsOf = (node: TaroNode): string[] => [
  ...(node.v !== undefined ? [node.v] : []),
  ...(node.cn || []).flatMap(textsOf),
]

/**
 * Loads a Taro mini-program build in Node: the simulated host on its global, the mini-program
 * globals, app.js, then the index page, mounted through the same lifecycle the host runs.
 */
export async function loadTaroApp(
  dist: string,
  platform: SimulatedPlatform,
  options: HostOptions = {},
): Promise<LoadedApp> {
  const host = testing.installHost(platform, options)
  const registered: { app?: MiniApp; page?: MiniPage } = {}
  const pages: MiniPage[] = []
  const globals = globalThis as unknown as Record<string, unknown>
  globals.App = (app: MiniApp) => (registered.app = app)
  globals.Page = (page: MiniPage) => (registered.page = page)
  globals.Component = (component: MiniPage) => (registered.page = registered.page || component)
  globals.getApp = () => registered.app
  globals.getCurrentPages = () => pages
  // Alipay's engine has a navigator, whose userAgent Taro's alipay runtime redefines; Node 20 has none.
  if (!('navigator' in globals)) globals.navigator = { userAgent: 'mini-program' }

  const unload = () => {
    for (const id of Object.keys(requireNative.cache)) if (id.startsWith(dist)) delete requireNative.cache[id]
    for (const name of MINI_GLOBALS) delete globals[name]
    host.uninstall()
  }
  try {
    return await mount(dist, registered, pages, host, unload)
  } catch (error) {
    unload()
    throw error
  }
}

async function mount(
  dist: string,
  registered: { app?: MiniApp; page?: MiniPage },
  pages: MiniPage[],
  host: SimulatedHost,
  unload: () => void,
): Promise<LoadedApp> {
  requireNative(join(dist, 'app.js'))
  const app = registered.app
  if (!app) throw new Error(`${dist}/app.js did not register an App`)
  const launch = { path: 'pages/index/index', query: {}, scene: 1001 }
  app.onLaunch?.call(app, launch)
  app.onShow?.call(app, launch)

  requireNative(join(dist, 'pages/index/index.js'))
  const config = registered.page
  if (!config) throw new Error(`${dist}/pages/index/index.js did not register a Page`)
  const page = Object.create(config) as MiniPage
  page.data = JSON.parse(JSON.stringify(config.data || {}))
  page.route = page.__route__ = 'pages/index/index'
  page.setData = function (patch, callback) {
    applyPatch(this.data, patch)
    if (callback) setTimeout(callback, 0)
  }
  pages.push(page)
  // Baidu's page lifecycle starts with onInit where the others have onLoad.
  ;(page.onLoad || page.onInit)?.call(page, {})
  page.onShow?.call(page)
  page.onReady?.call(page)

  const texts = () => textsOf(page.data.root)
  const loaded: LoadedApp = {
    host,
    page,
    texts,
    tap(label) {
      const sid = findParent(page.data.root, (node) => node.v === label)?.sid
      if (!sid) throw new Error(`no button "${label}" on the page; it shows: ${texts().join(' | ')}`)
      const target = { id: sid, dataset: { sid } }
      host.tap(() =>
        page.eh.call(page, { type: 'tap', timeStamp: Date.now(), target, currentTarget: target, detail: {} }),
      )
    },
    async status(prefix, ms = 10_000) {
      const deadline = Date.now() + ms
      for (;;) {
        const line = texts().find((text) => text.startsWith(prefix) && !text.endsWith('saving…'))
        if (line) return line
        if (Date.now() > deadline)
          throw new Error(`status "${prefix}…" never shown; the page shows: ${texts().join(' | ')}`)
        await new Promise((resolve) => setTimeout(resolve, 10))
      }
    },
    unload,
  }
  // React renders and Taro flushes setData on the next ticks.
  await new Promise((resolve) => setTimeout(resolve, 50))
  return loaded
}
