// Runs a uni-app mini-program build (dist/build/mp-*) in Node, the way a host would: the host global
// (a simulated host from mp-save-image/testing), the App/Page/Component/getApp globals, app.js, then the
// first page, mounted, with taps delivered to the handlers its template binds.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join, sep } from 'node:path'
import { HOSTS, uniTargetName } from '../../../src/hosts'
import type { SimulatedHost, SimulatedPlatform } from '../../../src/testing'
import { PROFILES, profileOf } from '../../../src/testing/profiles'
import { root } from '../../harness/examples'

/** A uni-app mini-program target of the host table, which example-uniapp builds. */
export type UniTarget = string

interface PageShape {
  template: string
  tapAttr: string
  /** The host global the target's runtime reads, where it is not the simulated host's own. */
  global?: string
  /** The engine's component instances have a read-only triggerEvent, which uni's runtime for it works around (JD). */
  readonlyTriggerEvent?: boolean
}

const exampleScripts = (
  JSON.parse(readFileSync(join(root, 'example-uniapp/package.json'), 'utf8')) as { scripts: Record<string, string> }
).scripts

/**
 * The mini-program targets the e2e tests build and run: every uni-app target of the host table that has a simulated
 * host and a `build:<target>` script in example-uniapp, with its page's shape from the host's profile. uni's DingTalk
 * target is its custom script building mp-alipay with MP-DINGTALK; uni's runtime reads `my` there, which the
 * simulated DingTalk host answers to as well as `dd`.
 */
export const TARGETS: Record<UniTarget, PageShape & { platform: SimulatedPlatform }> = Object.fromEntries(
  HOSTS.flatMap((host) =>
    host.id in PROFILES
      ? host.uni.map(uniTargetName).flatMap((target) => {
          if (!exampleScripts[`build:${target}`]) return []
          const { template, tapAttr, readonlyTriggerEvent } = profileOf(host.id as SimulatedPlatform)
          // a build that is an app's service script (HarmonyOS NEXT) runs as the App's does
          if (!template || !tapAttr) return []
          return [[target, { platform: host.id as SimulatedPlatform, template, tapAttr, readonlyTriggerEvent }]]
        })
      : [],
  ),
)

/** A target without an adapter, run on a WeChat-shaped host under its own global (`qa`). */
export const ADAPTERLESS = {
  'quickapp-webview': { template: 'qxml', tapAttr: 'bindtap', global: 'qa' },
} satisfies Record<string, PageShape>
export type AdapterlessTarget = keyof typeof ADAPTERLESS

export { adaptersIn, outputJs } from '../../harness/examples'

interface Button {
  label: string
  /**
   * Where the tap goes. Vue 3 builds bind `{{key}}`, the page's data holding the handler's name; Vue 2 builds bind
   * one method (`__e`), which reads what to call from the button's `data-event-opts`.
   */
  handler: { dataKey: string } | { method: string }
  dataset: Record<string, unknown>
}

interface PageTemplate {
  buttons: Button[]
  statusKey: string
  /** The error-message line, where the page has one. */
  detailKey?: string
}

/** A `data-*` value as the host hands it to a handler: a `{{…}}` literal (Vue 2's event table) read as its value. */
function datasetValue(raw: string): unknown {
  const literal = /^\{\{(.*)\}\}$/.exec(raw)
  return literal ? JSON.parse(literal[1]!.replace(/'/g, '"')) : raw
}

/**
 * Buttons (`<button bindtap="{{a}}" data-x="y">Label</button>` from Vue 3, `<button data-event-opts="{{[…]}}"
 * bindtap="__e">` from Vue 2) and the status text key of a page template.
 */
export function readTemplate(file: string, tapAttr: string): PageTemplate {
  const source = readFileSync(file, 'utf8')
  const buttons: Button[] = []
  for (const match of source.matchAll(/<button([^>]*)>([^<]*)<\/button>/g)) {
    const attrs = match[1] ?? ''
    const bound = new RegExp(`\\b${tapAttr}="(?:\\{\\{(\\w+)\\}\\}|(\\w+))"`).exec(attrs)
    if (!bound) continue
    const dataset: Record<string, unknown> = {}
    for (const data of attrs.matchAll(/\bdata-([\w-]+)="([^"]*)"/g))
      dataset[data[1]!.replace(/-(\w)/g, (_, c: string) => c.toUpperCase())] = datasetValue(data[2]!)
    const handler = bound[1] ? { dataKey: bound[1] } : { method: bound[2]! }
    buttons.push({ label: (match[2] ?? '').trim(), handler, dataset })
  }
  const status = /<text class="status">\{\{(\w+)\}\}<\/text>/.exec(source)
  if (!status) throw new Error(`no status text in ${file}`)
  const detail = /<text[^>]* class="detail"[^>]*>\{\{(\w+)\}\}<\/text>/.exec(source)
  return { buttons, statusKey: status[1]!, detailKey: detail?.[1] }
}

type Options = Record<string, any>

export interface MountedApp {
  /** The page instance the host would hold: its `data` is what the template shows. */
  page: Options
  /** `common/vendor.js` exports (none in a Vue 2 build, whose vendor.js only registers webpack modules). */
  vendor: Options
  /** uni's `uni` object, as a Vue 3 build's vendor.js exports it (`index`; `uni` on mp-lark). */
  uni: Options | undefined
  /** The status line as rendered. */
  status(): string
  /** The error-message line as rendered ('' when hidden). */
  detail(): string
  /** Taps the button whose label starts with `label`, as the host does (the handler runs inside the tap). */
  tap(label: string): void
  /** Waits until the status line matches. */
  waitForStatus(pattern: RegExp, ms?: number): Promise<string>
  unload(): void
}

const GLOBALS = ['App', 'Page', 'Component', 'getApp', 'getCurrentPages'] as const

function setPath(target: Options, path: string, value: unknown) {
  const keys = path.replace(/\[(\d+)\]/g, '.$1').split('.')
  let node = target
  for (const key of keys.slice(0, -1)) node = node[key] ??= {}
  node[keys[keys.length - 1]!] = value
}

/**
 * Loads a build output into this process against `host` (already installed on the global).
 * Modules of the output are loaded fresh, so each call gets its own app, core and queue.
 */
export function mountApp(dir: string, target: UniTarget | AdapterlessTarget, host: SimulatedHost): MountedApp {
  const shape: PageShape = target in ADAPTERLESS ? ADAPTERLESS[target as AdapterlessTarget] : TARGETS[target]!
  const { template, tapAttr } = shape
  const scope = globalThis as unknown as Options
  const saved = GLOBALS.map((name) => [name, scope[name]] as const)
  // the runtimes also set globals of their own (createApp, getLocale, …), which another target's runtime reads
  const existing = new Set(Object.keys(scope))
  // wx: uni replaces the host global with its own copy (initWx); the simulated host restores its own on uninstall
  const hostGlobal = shape.global ?? host.globalName
  const hostBefore = scope[hostGlobal]
  scope[hostGlobal] = host.api

  let appOptions: Options | undefined
  const registered: { kind: 'page' | 'component'; options: Options }[] = []
  let pageInstance: Options | undefined
  scope.App = (options: Options) => {
    appOptions = options
  }
  scope.Page = (options: Options) => {
    registered.push({ kind: 'page', options })
  }
  scope.Component = (options: Options) => {
    registered.push({ kind: 'component', options })
  }
  scope.getApp = () => appOptions
  scope.getCurrentPages = () => (pageInstance ? [pageInstance] : [])

  const load = createRequire(join(dir, 'app.js'))
  const ours = (id: string) => id.startsWith(dir + sep)
  for (const id of Object.keys(load.cache)) if (ours(id)) delete load.cache[id]

  const restore = () => {
    for (const [name, value] of saved) {
      if (value === undefined) delete scope[name]
      else scope[name] = value
    }
    for (const id of Object.keys(load.cache)) if (ours(id)) delete load.cache[id]
    for (const name of Object.keys(scope)) if (!existing.has(name)) delete scope[name]
    if (hostBefore === undefined) delete scope[hostGlobal]
    else scope[hostGlobal] = hostBefore
  }

  try {
    load(join(dir, 'app.js'))
    if (!appOptions) throw new Error('app.js did not call App()')
    appOptions.onLaunch?.call(appOptions, { path: 'pages/index/index', query: {}, scene: 1001 })
    appOptions.onShow?.call(appOptions, { path: 'pages/index/index', query: {}, scene: 1001 })

    const appJson = JSON.parse(readFileSync(join(dir, 'app.json'), 'utf8')) as { pages: string[] }
    const route = appJson.pages[0]!
    load(join(dir, `${route}.js`))
    const def = registered.pop()
    if (!def) throw new Error(`${route}.js registered no page`)

    const page: Options = {
      route,
      __route__: route,
      is: route,
      options: {},
      properties: {},
      data: {},
      setData(patch: Options, callback?: () => void) {
        for (const [path, value] of Object.entries(patch)) setPath(this.data, path, value)
        callback?.()
      },
      triggerEvent() {},
      selectAllComponents: () => [],
      selectComponent: () => null,
      createSelectorQuery: () => ({}),
    }
    if (shape.readonlyTriggerEvent) Object.defineProperty(page, 'triggerEvent', { value: () => {}, writable: false })
    pageInstance = page
    // Douyin tells a page from a component by its node id 0; Baidu by `methods.onLoad`, and hands the page
    // object as `pageinstance` and relations through `dispatch`
    page.__nodeId__ = 0
    page.pageinstance = page
    page.dispatch = () => {}
    const options = def.options
    if (def.kind === 'component') {
      // WeChat, Douyin, Baidu: a page is a Component(); created → attached → onLoad → onShow → ready
      page.data = { ...(options.data ?? {}) }
      page.methods = options.methods ?? {}
      Object.assign(page, options.methods ?? {})
      const life = options.lifetimes ?? options
      life.created?.call(page)
      life.attached?.call(page)
      page.onLoad?.({})
      page.onShow?.()
      life.ready?.call(page)
      page.onReady?.()
    } else {
      // Alipay: a page is a Page(); its hooks and handlers are top-level members
      for (const [key, value] of Object.entries(options)) if (key !== 'data') page[key] = value
      page.data = { ...(typeof options.data === 'function' ? options.data() : (options.data ?? {})) }
      page.$spliceData = () => {}
      page.onLoad?.({})
      page.onShow?.()
      page.onReady?.()
    }

    const { buttons, statusKey, detailKey } = readTemplate(join(dir, `${route}.${template}`), tapAttr)
    const vendor = load(join(dir, 'common', 'vendor.js')) as Options

    const status = () => String(page.data[statusKey] ?? '')
    return {
      page,
      vendor,
      uni: vendor.index ?? vendor.uni,
      status,
      detail: () => (detailKey ? String(page.data[detailKey] ?? '') : ''),
      tap(label) {
        const button = buttons.find((b) => b.label.startsWith(label))
        if (!button)
          throw new Error(`no button "${label}" in ${route}.${template}: ${buttons.map((b) => b.label).join(', ')}`)
        const { handler: bound } = button
        const name = 'method' in bound ? bound.method : page.data[bound.dataKey]
        const handler = typeof name === 'string' ? page[name] : undefined
        if (typeof handler !== 'function')
          throw new Error(`button "${label}": ${JSON.stringify(bound)} → ${String(name)} names no handler`)
        const node = { id: '', dataset: { ...button.dataset } }
        const event = { type: 'tap', timeStamp: Date.now(), detail: { x: 0, y: 0 }, target: node, currentTarget: node }
        host.tap(() => handler.call(page, event))
      },
      async waitForStatus(pattern, ms = 5000) {
        const until = Date.now() + ms
        while (!pattern.test(status())) {
          if (Date.now() > until) throw new Error(`status "${status()}" never matched ${pattern} within ${ms} ms`)
          await new Promise((resolve) => setTimeout(resolve, 5))
        }
        return status()
      },
      unload() {
        page.onUnload?.()
        restore()
      },
    }
  } catch (error) {
    restore()
    throw error
  }
}
