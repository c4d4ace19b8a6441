import { describe, expect, it } from 'vitest'
import { SaveImageError } from '../../src/core/errors'
import type { SimulatedHost } from '../../src/testing'
import { profileOf, type SimulatedPlatform } from '../../src/testing/profiles'
import {
  GUIDES_ITSELF,
  inAlipayContainer,
  LOCAL_PATH,
  modals,
  NO_SCOPE,
  outcome,
  PLATFORMS,
  POSTER_URL,
  setup,
  setupApp,
} from '../helpers'

// The canvas source (docs/en/guide/sources.md#canvas): a Canvas 2D node, or a legacy canvas by id and component.

/** A poster drawn on the page's `<canvas type="2d" id="poster">`. */
function drawnNode(host: SimulatedHost, size = { width: 300, height: 400 }) {
  const node = host.addCanvas('poster', size)
  const ctx = node.getContext('2d') as Record<string, (...args: unknown[]) => void>
  ctx.fillRect(0, 0, 300, 400)
  ctx.fillText('poster', 10, 10)
  return node
}

/** A legacy canvas drawn with createCanvasContext(id, component).draw(reserve, callback). */
function drawLegacy(host: SimulatedHost, canvasId: string, component?: object): Promise<void> {
  const ctx = (
    host.api.createCanvasContext as (id: string, component?: object) => Record<string, (...args: unknown[]) => void>
  )(canvasId, component)
  ctx.fillRect(0, 0, 10, 10)
  return new Promise((resolve) => ctx.draw(false, resolve))
}

/** The host calls of a Canvas 2D export: Douyin writes the node's toDataURL (its documented route), the others export. */
const byDataUrl = (platform: SimulatedPlatform) => !!profileOf(platform).exportsNodeByDataUrl
const nodeExportCalls = (platform: SimulatedPlatform) =>
  byDataUrl(platform) ? ['fs.writeFile'] : ['canvasToTempFilePath']

/** The arguments of a host call, as a list. */
const argsOf = (host: SimulatedHost, api: string) => {
  const args = host.calls.find((c) => c.api === api)!.args
  return Array.isArray(args) ? args : [args]
}

describe.each(PLATFORMS)('canvas source on %s', (platform) => {
  it('saves a Canvas 2D node as png by default: one export, one save', async () => {
    const { host, api } = setup(platform, { permission: 'granted' })
    const result = await api.saveImageToAlbum({ canvas: drawnNode(host) })
    expect(host.asyncCalls()).toEqual([...nodeExportCalls(platform), 'saveImageToPhotosAlbum'])
    expect(host.album).toHaveLength(1)
    expect(host.album[0].format).toBe('png')
    expect(result).toEqual({ errMsg: 'saveImageToAlbum:ok', filePath: host.album[0].path, platform, mode: 'album' })
  })

  it('exports jpg with the quality it is given', async () => {
    const { host, api } = setup(platform, { permission: 'granted' })
    await api.saveImageToAlbum({ canvas: drawnNode(host), fileType: 'jpg', quality: 0.8 })
    expect(host.album[0].format).toBe('jpeg')
    if (!byDataUrl(platform))
      expect(argsOf(host, 'canvasToTempFilePath')[0]).toMatchObject({ fileType: 'jpg', quality: 0.8 })
  })

  it('saves a legacy canvas by canvasId, looked up in the component it was drawn in', async () => {
    const { host, api } = setup(platform, { permission: 'granted' })
    const component = { is: 'components/poster/poster' }
    await drawLegacy(host, 'legacy', component)
    await api.saveImageToAlbum({ canvasId: 'legacy', component })
    expect(host.album).toHaveLength(1)
    const exported = argsOf(host, 'canvasToTempFilePath')
    expect(exported[0]).toMatchObject({ canvasId: 'legacy', fileType: 'png' })
    // the Alipay container's ids are page-wide: its export takes no component
    expect(exported[1]).toBe(inAlipayContainer(platform) ? undefined : component)
  })

  it('a canvas id that was never drawn is CANVAS_EXPORT_FAILED with the host payload, and nothing is saved', async () => {
    const { host, api } = setup(platform, { permission: 'granted' })
    const result = await outcome(api.saveImageToAlbum({ canvasId: 'nowhere' }))
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error).toBeInstanceOf(SaveImageError)
    expect(result.error).toMatchObject({ code: 'CANVAS_EXPORT_FAILED', platform })
    expect(result.error.raw).toEqual(
      inAlipayContainer(platform)
        ? { error: 1, errorMessage: 'canvas content or format wrong!' }
        : { errMsg: 'canvasToTempFilePath:fail canvas is empty' },
    )
    expect(host.count('saveImageToPhotosAlbum')).toBe(0)
  })

  it.runIf(!inAlipayContainer(platform))(
    'inside a custom component, the canvas is not found without its component',
    async () => {
      const { host, api } = setup(platform, { permission: 'granted' })
      await drawLegacy(host, 'legacy', { is: 'components/poster/poster' })
      await expect(api.saveImageToAlbum({ canvasId: 'legacy' })).rejects.toMatchObject({ code: 'CANVAS_EXPORT_FAILED' })
    },
  )

  it.runIf(inAlipayContainer(platform))(
    'canvas ids are page-wide in the Alipay container: no component is needed',
    async () => {
      const { host, api } = setup(platform, { permission: 'granted' })
      await drawLegacy(host, 'legacy', { is: 'components/poster/poster' })
      await api.saveImageToAlbum({ canvasId: 'legacy' })
      expect(host.album).toHaveLength(1)
    },
  )

  it('a 0 × 0 canvas is CANVAS_EXPORT_FAILED, and no file is left behind', async () => {
    const { host, api } = setup(platform, { permission: 'granted' })
    await expect(api.saveImageToAlbum({ canvas: drawnNode(host, { width: 0, height: 0 }) })).rejects.toMatchObject({
      code: 'CANVAS_EXPORT_FAILED',
    })
    expect(host.album).toHaveLength(0)
  })

  it('an export that never calls back is TIMEOUT', async () => {
    const { host, api } = setup(platform, { permission: 'granted' })
    host.fault(byDataUrl(platform) ? 'fs.writeFile' : 'canvasToTempFilePath', { kind: 'hang' })
    await expect(api.saveImageToAlbum({ canvas: drawnNode(host), timeout: 50 })).rejects.toMatchObject({
      code: 'TIMEOUT',
    })
  })

  it('a refused album prompt gets the same recovery as any source', async () => {
    const { host, api } = setup(platform, { permission: 'not-asked', prompt: 'deny' })
    const result = await outcome(api.saveImageToAlbum({ canvas: drawnNode(host) }))
    if (profileOf(platform).confirmsEachSave) {
      // HarmonyOS: no scope; the prompt is the system confirm of the save, whose cancel stands
      expect(result).toMatchObject({ ok: false, error: { code: 'USER_CANCELLED' } })
    } else if (NO_SCOPE.includes(platform)) {
      expect(result.ok).toBe(true)
    } else if (GUIDES_ITSELF.includes(platform)) {
      expect(result).toMatchObject({ ok: false, error: { code: 'AUTH_DENIED' } })
      expect(modals(host)).toHaveLength(0)
    } else {
      // the guide, its settings page, one retry
      expect(result.ok).toBe(true)
      expect(modals(host)).toHaveLength(1)
    }
    expect(host.album).toHaveLength(result.ok ? 1 : 0)
  })

  it('a batch takes canvases next to other sources', async () => {
    const { host, api } = setup(platform, { permission: 'granted' })
    await drawLegacy(host, 'second')
    const results = await api.saveImagesToAlbum([
      { canvas: drawnNode(host) },
      { canvasId: 'second', fileType: 'jpg' },
      LOCAL_PATH,
      POSTER_URL,
    ])
    expect(results.map((r) => r.ok)).toEqual([true, true, true, true])
    expect(host.album.map((entry) => entry.format).sort()).toEqual(['jpeg', 'png', 'png', 'png'])
  })
})

describe('canvas source on the uni-app App', () => {
  it('exports a legacy canvas by canvasId into uni’s temp folder and saves it; uni’s file is left to uni', async () => {
    const { host, api } = setupApp({ permission: 'granted' })
    const ctx = (host.api.createCanvasContext as (id: string) => Record<string, (...args: unknown[]) => void>)('poster')
    await new Promise<void>((resolve) => ctx.draw(false, resolve))
    const result = await api.saveImageToAlbum({ canvasId: 'poster', component: {}, fileType: 'jpg' })
    expect(host.asyncCalls()).toEqual(['canvasToTempFilePath', 'saveImageToPhotosAlbum'])
    expect(result).toMatchObject({
      platform: 'app',
      mode: 'album',
      filePath: expect.stringMatching(/^_doc\/uniapp_temp_\d+\/canvas\/1\.jpg$/),
    })
    expect(host.album[0].format).toBe('jpeg')
  })

  it('a Canvas 2D node is UNSUPPORTED_PLATFORM there, saying to use canvasId, with no host call', async () => {
    const { host, api } = setupApp({ permission: 'granted' })
    await expect(api.saveImageToAlbum({ canvas: { getContext: () => null } })).rejects.toMatchObject({
      code: 'UNSUPPORTED_PLATFORM',
      ...(__DEV__ && { message: expect.stringContaining('canvasId') }),
    })
    expect(host.asyncCalls()).toEqual([])
  })

  it('a canvas never drawn is CANVAS_EXPORT_FAILED', async () => {
    const { api } = setupApp({ permission: 'granted' })
    await expect(api.saveImageToAlbum({ canvasId: 'poster' })).rejects.toMatchObject({ code: 'CANVAS_EXPORT_FAILED' })
  })
})

describe('canvas input is checked before any host call', () => {
  const BAD: Array<[string, Record<string, unknown>]> = [
    ['a plain object as canvas', { canvas: {} }],
    ['a string as canvas', { canvas: 'poster' }],
    ['null as canvas', { canvas: null }],
    ['an array as canvas', { canvas: [] }],
    ['a canvas whose getContext is not a function', { canvas: { getContext: 1 } }],
    ['an empty canvasId', { canvasId: '' }],
    ['a number as canvasId', { canvasId: 7 }],
    ['a component with a Canvas 2D node', { canvas: { getContext() {} }, component: {} }],
    ['a component that is not an object', { canvasId: 'poster', component: 'page' }],
    ['fileType gif', { canvasId: 'poster', fileType: 'gif' }],
    ['fileType jpeg (the hosts say jpg)', { canvasId: 'poster', fileType: 'jpeg' }],
    ['quality above 1', { canvasId: 'poster', quality: 1.5 }],
    ['quality below 0', { canvasId: 'poster', quality: -0.1 }],
    ['quality as a string', { canvasId: 'poster', quality: '0.8' }],
    ['quality NaN', { canvasId: 'poster', quality: Number.NaN }],
    ['quality with a URL', { src: POSTER_URL, quality: 0.5 }],
    ['a fileType other than png or jpg', { src: POSTER_URL, fileType: 'webp' }],
    ['quality with base64', { base64: 'iVBORw0KGgo=', quality: 0.5 }],
    ['component without canvasId', { src: LOCAL_PATH, component: {} }],
    ['a canvas and a src', { canvas: { getContext() {} }, src: LOCAL_PATH }],
    ['a canvas and a canvasId', { canvas: { getContext() {} }, canvasId: 'poster' }],
  ]
  it.each(BAD)('%s is INVALID_ARGUMENT', async (_name, input) => {
    const { host, api } = setup('weapp', { permission: 'granted' })
    await expect(api.saveImageToAlbum(input as never)).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      platform: 'weapp',
    })
    expect(host.calls).toEqual([])
  })

  it('a canvas item of a batch that is bad fails alone', async () => {
    const { host, api } = setup('weapp', { permission: 'granted' })
    const results = await api.saveImagesToAlbum([{ canvas: {} as never }, LOCAL_PATH])
    expect(results[0]).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } })
    expect(results[1]!.ok).toBe(true)
    expect(host.album).toHaveLength(1)
  })
})
