// Runs a uni-app App build (dist/build/app) in Node, the way the App's native framework does: its service
// script `app-service.js` evaluated against the `uni` and `plus` globals (here: the simulated App host from
// mp-save-image/testing) and a `Vue` (the real @vue/runtime-core, rendering to plain objects), then the page
// registered through `__definePage`, mounted, with taps delivered to its buttons' onClick handlers.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { runInThisContext } from 'node:vm'
import type { SimulatedAppHost, SimulatedHost } from '../../../src/testing'
import { exampleDir } from './build'

interface Node {
  type: string
  text: string
  props: Record<string, unknown>
  children: Node[]
  parent: Node | null
}

export interface MountedUniApp {
  status(): string
  detail(): string
  /** Taps the button whose label starts with `label`. */
  tap(label: string): void
  waitForStatus(pattern: RegExp, ms?: number): Promise<string>
  unload(): void
}

const node = (type: string, text = ''): Node => ({ type, text, props: {}, children: [], parent: null })
const textOf = (n: Node): string => (n.type === '#text' ? n.text : n.children.map(textOf).join(''))
const find = (n: Node, test: (n: Node) => boolean): Node | undefined =>
  test(n) ? n : n.children.map((c) => find(c, test)).find(Boolean)

function detach(child: Node) {
  const parent = child.parent
  if (!parent) return
  parent.children.splice(parent.children.indexOf(child), 1)
  child.parent = null
}

interface VueApp {
  mount(container: Node): unknown
  unmount(): void
}

/** The part of @vue/runtime-core used here (the example's own copy: the package itself has no Vue). */
interface VueCore {
  createRenderer(options: {
    insert(child: Node, parent: Node, anchor?: Node | null): void
    remove(child: Node): void
    createElement(tag: string): Node
    createText(text: string): Node
    createComment(text: string): Node
    setText(node: Node, text: string): void
    setElementText(node: Node, text: string): void
    parentNode(node: Node): Node | null
    nextSibling(node: Node): Node | null
    patchProp(el: Node, key: string, prev: unknown, next: unknown): void
  }): { createApp(root: object): VueApp }
}

/** A Vue renderer over plain objects: enough for a page of buttons and text. */
function createObjectRenderer(core: VueCore) {
  return core.createRenderer({
    insert(child, parent, anchor) {
      detach(child)
      const at = anchor ? parent.children.indexOf(anchor) : -1
      if (at >= 0) parent.children.splice(at, 0, child)
      else parent.children.push(child)
      child.parent = parent
    },
    remove: detach,
    createElement: (tag) => node(tag),
    createText: (text) => node('#text', text),
    createComment: (text) => node('#comment', text),
    setText(n, text) {
      n.text = text
    },
    setElementText(el, text) {
      for (const child of [...el.children]) detach(child)
      if (text) {
        const t = node('#text', text)
        t.parent = el
        el.children.push(t)
      }
    },
    parentNode: (n) => n.parent,
    nextSibling: (n) => (n.parent ? (n.parent.children[n.parent.children.indexOf(n) + 1] ?? null) : null),
    patchProp(el, key, _prev, next) {
      el.props[key] = next
    },
  })
}

const GLOBALS = ['Vue', '__definePage', '__uniConfig', '__uniRoutes'] as const

/**
 * Loads `<dir>/app-service.js` against `host`, already installed: the App's `uni` and `plus`, or HarmonyOS NEXT's `uni`
 * (its build's service script has the same shape).
 */
export function mountUniApp(dir: string, host: Pick<SimulatedAppHost | SimulatedHost, 'tap'>): MountedUniApp {
  const load = createRequire(join(exampleDir, 'package.json'))
  const core = load('@vue/runtime-core') as VueCore
  const renderer = createObjectRenderer(core)
  const scope = globalThis as unknown as Record<string, unknown>
  const pages: Record<string, object> = {}
  scope.Vue = {
    ...core,
    // the App's root component renders nothing: mounted on a detached node
    createVueApp: (root: object) => {
      const app = renderer.createApp(root)
      const mount = app.mount.bind(app)
      return Object.assign(app, { mount: () => mount(node('root')) })
    },
  }
  scope.__definePage = (path: string, component: object) => {
    pages[path] = component
  }
  scope.__uniConfig = { styles: [] }
  scope.__uniRoutes = []
  const root = node('page')
  let page: VueApp | undefined
  const unload = () => {
    page?.unmount()
    page = undefined
    for (const name of GLOBALS) delete scope[name]
  }
  try {
    runInThisContext(readFileSync(join(dir, 'app-service.js'), 'utf8'), { filename: join(dir, 'app-service.js') })
    const entry = pages['pages/index/index']
    if (!entry)
      throw new Error(`app-service.js registered no pages/index/index (got ${Object.keys(pages).join(', ') || 'none'})`)
    page = renderer.createApp(entry)
    page.mount(root)
  } catch (error) {
    unload()
    throw error
  }
  const lineOf = (cls: string) => {
    const line = find(root, (n) => n.props.class === cls)
    return line ? textOf(line) : ''
  }
  const status = () => lineOf('status')
  return {
    status,
    detail: () => lineOf('detail'),
    tap(label) {
      const button = find(root, (n) => n.type === 'button' && textOf(n).startsWith(label))
      const onClick = button?.props.onClick
      if (typeof onClick !== 'function') throw new Error(`no button "${label}" with an onClick handler`)
      host.tap(() => onClick({ type: 'click' }))
    },
    async waitForStatus(pattern, ms = 10_000) {
      const until = Date.now() + ms
      while (!pattern.test(status())) {
        if (Date.now() > until) throw new Error(`status stayed "${status()}" (waited for ${pattern})`)
        await new Promise((resolve) => setTimeout(resolve, 5))
      }
      return status()
    },
    unload,
  }
}
