import { createRequire } from 'node:module'
import { join, resolve } from 'node:path'
import type { PlatformId } from '../../../src/core/platform'
import type { HostOptions, SimulatedHost } from '../../../src/testing'

const requireNative = createRequire(__filename)
/** The simulated hosts as the package ships them. */
const testing = requireNative(resolve(__dirname, '../../../dist/testing.cjs')) as typeof import('../../../src/testing')

type Handler = (this: unknown, ...args: unknown[]) => unknown
interface PageInstance {
  data: Record<string, unknown>
  setData(patch: Record<string, unknown>, callback?: () => void): void
  [key: string]: unknown
}
interface TaroNode {
  sid?: string
  v?: string
  cn?: TaroNode[]
  [key: string]: unknown
}

/** The globals a mini-program's JS sees besides its host API object. */
const MINI_GLOBALS = ['App', 'Page', 'Component', 'getApp', 'getCurrentPages', 'navigator'] as const

// Taro calls these host APIs while its runtime loads or renders; the simulator has no opinion on them.
const LOAD_APIS: Record<string, unknown> = {
  getSystemInfoSync: () => ({ platform: 'devtools', windowWidth: 375, windowHeight: 667, pixelRatio: 2, SDKVersion: '3.0.0' }),
  getSystemInfo: (o: { success?: (r: unknown) => void }) => o.success?.({ platform: 'devtools', windowWidth: 375 }),
  nextTick: (fn: () => void) => setTimeout(fn, 0),
  createSelectorQuery: () => ({}),
  onAppShow() {},
  onAppHide() {},
}

/** Sets `a.b.[0].c` / `a.b[0].c` style keys, the way the host applies a setData patch. */
function applyPatch(data: Record<string, unknown>, patch: Record<string, unknown>) {
  for (const [path, value] of Object.entries(patch)) {
    const keys = path.replace(/\[(\d+)\]/g, '.$1').split('.').filter(Boolean)
    let target = data as Record<string, unknown>
    keys.slice(0, -1).forEach((key, i) => {
      if (target[key] === undefined || target[key] === null) target[key] = /^\d+$/.test(keys[i + 1]) ? [] : {}
      target = target[key] as Record<string, unknown>
    })
    target[keys[keys.length - 1]] = value
  }
}

function findNode(node: TaroNode, match: (node: TaroNode) => boolean, parent?: TaroNode): { node: TaroNode; parent?: TaroNode } | undefined {
  if (match(node)) return { node, parent }
  for (const child of node.cn || []) {
    const found = findNode(child, match, node)
    if (found) return found
  }
  return undefined
}

const texts = (node: TaroNode): string[] => [...(node.v !== undefined ? [node.v] : []), ...(node.cn || []).flatMap(texts)]

export interface LoadedApp {
  host: SimulatedHost
  page: PageInstance
  /** Every text the page shows, in order. */
  texts(): string[]
  /** Taps the button whose label is `label`, inside a user gesture, as the host would deliver it. */
  tap(label: string): void
  /** Resolves once the status line starts with `prefix` and is no longer "saving…". */
  status(prefix: string, ms?: number): Promise<string>
  unload(): void
}

/**
 * Loads a Taro mini-program build in Node: the simulated host on its global, the mini-program
 * globals, app.js, then the index page, mounted through the same lifecycle the host runs.
 */
export async function loadTaroApp(dist: string, platform: PlatformId, options: HostOptions = {}): Promise<LoadedApp> {
  const host = testing.installHost(platform, options)
  for (const [name, fn] of Object.entries(LOAD_APIS)) if (!(name in host.api)) (host.api as Record<string, unknown>)[name] = fn

  const registered: { app?: Record<string, Handler>; page?: Record<string, unknown> } = {}
  const globals = globalThis as Record<string, unknown>
  globals.App = (options: Record<string, Handler>) => (registered.app = options)
  globals.Page = (options: Record<string, unknown>) => (registered.page = options)
  globals.Component = (options: Record<string, unknown>) => (registered.page = registered.page || options)
  globals.getApp = () => registered.app
  const pages: PageInstance[] = []
  globals.getCurrentPages = () => pages
  // Alipay's engine has a navigator, whose userAgent Taro's alipay runtime redefines; Node 20 has none.
  if (!('navigator' in globals)) globals.navigator = { userAgent: 'mini-program' }

  const files = [join(dist, 'app.js'), join(dist, 'pages/index/index.js')]
  const unload = () => {
    for (const id of Object.keys(requireNative.cache)) if (id.startsWith(dist)) delete requireNative.cache[id]
    for (const name of MINI_GLOBALS) delete globals[name]
    host.uninstall()
  }

  try {
    return await mount(files, registered, pages, host, unload)
  } catch (error) {
    unload()
    throw error
  }
}

async function mount(
  files: string[],
  registered: { app?: Record<string, Handler>; page?: Record<string, unknown> },
  pages: PageInstance[],
  host: SimulatedHost,
  unload: () => void,
): Promise<LoadedApp> {
  requireNative(files[0])
  const app = registered.app
  if (!app) throw new Error(`${files[0]} did not register an App`)
  app.onLaunch?.call(app, { path: 'pages/index/index', query: {}, scene: 1001 })
  app.onShow?.call(app, { path: 'pages/index/index', query: {}, scene: 1001 })

  requireNative(files[1])
  const config = registered.page!
  const page = Object.create(config) as PageInstance
  page.data = JSON.parse(JSON.stringify(config.data || {}))
  page.route = page.__route__ = 'pages/index/index'
  page.setData = function (patch, callback) {
    applyPatch(this.data, patch)
    if (callback) setTimeout(callback, 0)
  }
  pages.push(page)
  // Baidu's page lifecycle starts with onInit where the others have onLoad.
  ;((page.onLoad || page.onInit) as Handler).call(page, {})
  ;(page.onShow as Handler | undefined)?.call(page)
  ;(page.onReady as Handler | undefined)?.call(page)

  const root = () => page.data.root as TaroNode
  const loaded: LoadedApp = {
    host,
    page,
    texts: () => texts(root()),
    tap(label) {
      const found = findNode(root(), (node) => node.v === label)
      const sid = found?.parent?.sid
      if (!sid) throw new Error(`no button "${label}" on the page; it shows: ${loaded.texts().join(' | ')}`)
      const target = { id: sid, dataset: { sid } }
      host.tap(() => (page.eh as Handler).call(page, { type: 'tap', timeStamp: Date.now(), target, currentTarget: target, detail: {} }))
    },
    async status(prefix, ms = 10_000) {
      const deadline = Date.now() + ms
      for (;;) {
        const line = loaded.texts().find((text) => text.startsWith(prefix) && !text.endsWith('saving…'))
        if (line) return line
        if (Date.now() > deadline) throw new Error(`status "${prefix}…" never shown; the page shows: ${loaded.texts().join(' | ')}`)
        await new Promise((r) => setTimeout(r, 10))
      }
    },
    unload,
  }
  await new Promise((r) => setTimeout(r, 50))
  return loaded
}
