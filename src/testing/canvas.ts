import { bytesToBase64, imageFormatOf, isSvg } from './bytes'
import type { Outcome, Plan } from './calls'
import type { HostContext } from './context'
import { fixtures } from './fixtures'
import type { CallbackOptions, HostResult } from './types'

// Canvases of a simulated host (docs/en/hosts/weapp.md#canvas, and each host page's #canvas). Nothing is rendered: a canvas records the calls
// drawn on it, and an export writes a small real image of the requested type (png, or jpeg for 'jpg').

/** A Canvas 2D node, as SelectorQuery … fields({ node: true }) hands it to the page. */
export interface SimulatedCanvasNode {
  readonly id: string
  width: number
  height: number
  /** Every call made on its 2D context, by method name. */
  readonly drawn: string[]
  getContext(type: string): Record<string, unknown>
  /** Canvas.toDataURL (WeChat 2.11.0 [D], Douyin Canvas V2 [D]). */
  toDataURL(type?: string, quality?: number): string
  createImage(): {
    src: string
    onload: (() => void) | null
    onerror: ((e: unknown) => void) | null
    width: number
    height: number
  }
  /** Alipay Canvas.toTempFilePath (base library 2.7.15 [D]). */
  toTempFilePath?(options: CallbackOptions): void
}

/** A legacy canvas drawn by createCanvasContext(id, component).draw(). */
interface LegacyCanvas {
  id: string
  component: object | undefined
  drawn: string[]
}

export interface CanvasRegistry {
  nodes: Map<string, SimulatedCanvasNode>
  legacy: LegacyCanvas[]
}

export function createCanvasRegistry(): CanvasRegistry {
  return { nodes: new Map(), legacy: [] }
}

/** A 2D context that records each method called on it; property writes (fillStyle …) just stick. */
export function recordingContext(drawn: string[], extra: Record<string, unknown> = {}): Record<string, unknown> {
  const target: Record<string, unknown> = { ...extra }
  return new Proxy(target, {
    get(t, name) {
      if (typeof name !== 'string' || name in t || name === 'then') return t[name as string]
      return (..._args: unknown[]) => void drawn.push(name)
    },
  })
}

export const exported = (fileType: unknown) =>
  fileType === 'jpg'
    ? { bytes: fixtures.jpeg, ext: 'jpg', mime: 'image/jpeg' }
    : { bytes: fixtures.png, ext: 'png', mime: 'image/png' }

/** Writes the export of a canvas to a fresh host temp file; its path. */
function writeExport(ctx: HostContext, fileType: unknown): string {
  const { bytes, ext } = exported(fileType)
  const path = ctx.tempPath(ext)
  ctx.files.set(path, bytes)
  return path
}

/** A page's `<canvas type="2d" id>`: what SelectorQuery finds by `#id`. */
export function addCanvasNode(ctx: HostContext, id: string, width = 300, height = 150): SimulatedCanvasNode {
  const node = canvasNode(ctx, id, width, height)
  if (ctx.profile.alipayErrors) {
    node.toTempFilePath = ctx.desk.asyncApi('Canvas.toTempFilePath', (opts) => exportPlan(ctx, node, opts), true)
  }
  ctx.canvases.nodes.set(id, node)
  return node
}

/**
 * `createOffscreenCanvas({ type: '2d', width, height })` (WeChat 2.16.1 [D]): a canvas on no page, whose images load
 * from host files; it exports by toDataURL (used so [O] xiaweiss/miniprogram-bug-report#300).
 */
export function createOffscreenCanvasApi(ctx: HostContext) {
  return ctx.desk.syncApi('createOffscreenCanvas', (options?: { type?: string; width?: number; height?: number }) => {
    if (!options || options.type !== '2d') throw new Error('createOffscreenCanvas: the simulated host has 2d only')
    return canvasNode(ctx, 'offscreen', options.width ?? 300, options.height ?? 150)
  })
}

/** What a canvas image decodes: a host file holding an image or an SVG [I: SVG], a registered URL, or an image data URI. */
function decodes(ctx: HostContext, src: string): boolean {
  const bytes = ctx.files.get(src)
  if (bytes) return imageFormatOf(bytes) !== null || isSvg(bytes)
  return ctx.downloads.has(src) || /^data:image\//.test(src)
}

function canvasNode(ctx: HostContext, id: string, width: number, height: number): SimulatedCanvasNode {
  const drawn: string[] = []
  const node: SimulatedCanvasNode = {
    id,
    width,
    height,
    drawn,
    getContext: () => recordingContext(drawn, { canvas: node }),
    toDataURL: (type) => {
      // a canvas without pixels gives "data:," (HTML canvas [D]; Douyin Canvas V2 follows it [I])
      if (!(node.width > 0 && node.height > 0)) return 'data:,'
      const { bytes, mime } = exported(type === 'image/jpeg' ? 'jpg' : 'png')
      return `data:${mime};base64,${bytesToBase64(bytes)}`
    },
    createImage() {
      const image = {
        src: '',
        onload: null as (() => void) | null,
        onerror: null as ((e: unknown) => void) | null,
        width: 1,
        height: 1,
      }
      let src = ''
      Object.defineProperty(image, 'src', {
        get: () => src,
        set(value: string) {
          src = value
          // an image loads after a tick, from a host file or any URL the test registered
          ctx.scheduler.later(ctx.state.latency, () =>
            decodes(ctx, value)
              ? image.onload && image.onload()
              : image.onerror && image.onerror({ errMsg: `load ${value} fail` }),
          )
        },
      })
      return image
    },
  }
  return node
}

/** The export of a 2D node: a zero-size canvas has no bitmap (WeChat "create bitmap failed" [O]). */
function exportPlan(ctx: HostContext, node: SimulatedCanvasNode | undefined, opts: CallbackOptions): Plan {
  return {
    settle: () =>
      node && node.width > 0 && node.height > 0
        ? exportedFile(ctx, opts.fileType)
        : { ok: false, res: ctx.payloads.canvasFailed(!!node) },
  }
}

function exportedFile(ctx: HostContext, fileType: unknown): Outcome {
  const path = writeExport(ctx, fileType)
  // Alipay's my.canvasToTempFilePath answers both fields [D typings]
  return {
    ok: true,
    res: ctx.payloads.ok(
      'canvasToTempFilePath',
      ctx.profile.alipayErrors ? { tempFilePath: path, apFilePath: path } : { tempFilePath: path },
    ),
  }
}

/**
 * canvasToTempFilePath({ canvas | canvasId, fileType, quality }, component). A legacy canvas is found by its id
 * within the component it was drawn in (the page when none); inside a custom component it is not found without
 * that component [D wx/swan], and a canvas never drawn is not found either: "fail canvas is empty" [O].
 * Alipay's ids are page-wide and take no component [D].
 */
export function canvasToTempFilePathApi(ctx: HostContext) {
  return ctx.desk.asyncApi(
    'canvasToTempFilePath',
    (opts, args) => {
      if (opts.canvas !== undefined)
        return exportPlan(
          ctx,
          [...ctx.canvases.nodes.values()].find((node) => node === opts.canvas),
          opts,
        )
      const component = args[1]
      const found = ctx.canvases.legacy.find(
        (c) => c.id === opts.canvasId && (ctx.profile.alipayErrors || c.component === component),
      )
      return {
        settle: () => (found ? exportedFile(ctx, opts.fileType) : { ok: false, res: ctx.payloads.canvasFailed(false) }),
      }
    },
    true,
  )
}

/** createCanvasContext(id, component): the legacy context; `draw(reserve, callback)` puts the drawing on the canvas. */
export function createCanvasContextApi(ctx: HostContext) {
  return ctx.desk.syncApi('createCanvasContext', (canvasId: string, component?: object) => {
    const pending: string[] = []
    const draw = (_reserve?: boolean, callback?: () => void) => {
      let canvas = ctx.canvases.legacy.find((c) => c.id === canvasId && c.component === component)
      if (!canvas) ctx.canvases.legacy.push((canvas = { id: canvasId, component, drawn: [] }))
      canvas.drawn.push(...pending.splice(0))
      if (typeof callback === 'function') ctx.scheduler.later(ctx.state.latency, callback)
    }
    const extra: Record<string, unknown> = { draw }
    // Alipay's legacy CanvasContext.toTempFilePath answers apFilePath [D]
    if (ctx.profile.alipayErrors) {
      extra.toTempFilePath = ctx.desk.asyncApi('CanvasContext.toTempFilePath', (opts) => ({
        settle: (): Outcome => {
          const found = ctx.canvases.legacy.some((c) => c.id === canvasId)
          return found
            ? { ok: true, res: { apFilePath: writeExport(ctx, opts.fileType) } }
            : { ok: false, res: ctx.payloads.canvasFailed(false) }
        },
      }))
    }
    return recordingContext(pending, extra)
  })
}

interface QueryRequest {
  selector: string
  fields: Record<string, unknown>
  callback?: (res: unknown) => void
}

/** createSelectorQuery(): finds the 2D canvases added by the test (`host.addCanvas`) by `#id`; anything else is null. */
export function createSelectorQueryApi(ctx: HostContext) {
  return ctx.desk.syncApi('createSelectorQuery', () => {
    const requests: QueryRequest[] = []
    const query = {
      in: () => query,
      select(selector: string) {
        const nodesRef = {
          fields(fields: Record<string, unknown>, callback?: (res: unknown) => void) {
            requests.push({ selector, fields, callback })
            return query
          },
          node: (callback?: (res: unknown) => void) => nodesRef.fields({ node: true }, callback),
          boundingClientRect: (callback?: (res: unknown) => void) =>
            nodesRef.fields({ rect: true, size: true }, callback),
        }
        return nodesRef
      },
      selectAll: (selector: string) => query.select(selector),
      selectViewport: () => query.select('viewport'),
      exec(callback?: (res: unknown[]) => void) {
        ctx.scheduler.later(ctx.state.latency, () => {
          const results = requests.map(({ selector, fields }) => {
            const node = ctx.canvases.nodes.get(selector.replace(/^#/, ''))
            if (!node) return null
            const res: HostResult = { id: node.id }
            if (fields.node) res.node = node
            if (fields.size) Object.assign(res, { width: node.width, height: node.height })
            return res
          })
          requests.forEach((request, i) => request.callback && request.callback(results[i]))
          if (callback) callback(results)
        })
        return query
      },
    }
    return query
  })
}
