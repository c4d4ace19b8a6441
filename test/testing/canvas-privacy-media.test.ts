import { afterEach, describe, expect, it } from 'vitest'
import { createAppHost, createHost, fixtures, type HostResult, type SimulatedHost } from '../../src/testing'

// The simulator's canvases, privacy APIs and saveMediaToPhotosAlbum, as an app's own tests use them.

const hosts: SimulatedHost[] = []
afterEach(() => void hosts.splice(0).forEach((host) => host.uninstall()))

function make(...args: Parameters<typeof createHost>) {
  const host = createHost(...args).install()
  hosts.push(host)
  return host
}

const call = (host: SimulatedHost, api: string, options: Record<string, unknown> = {}, ...rest: unknown[]) =>
  new Promise<{ ok: boolean; res: HostResult }>((resolve) =>
    (host.api[api] as (...a: unknown[]) => void)(
      {
        ...options,
        success: (res: HostResult) => resolve({ ok: true, res }),
        fail: (res: HostResult) => resolve({ ok: false, res }),
      },
      ...rest,
    ),
  )

describe('canvases', () => {
  it('SelectorQuery finds a 2D canvas by #id, with its size; anything else is null', async () => {
    const host = make('weapp')
    const node = host.addCanvas('poster', { width: 200, height: 100 })
    const query = (host.api.createSelectorQuery as () => any)()
    const res = await new Promise<unknown[]>((resolve) =>
      query.select('#poster').fields({ node: true, size: true }).select('#other').node().exec(resolve),
    )
    expect(res).toEqual([{ id: 'poster', node, width: 200, height: 100 }, null])
  })

  it('records what is drawn, and exports png or jpeg to a host temp file', async () => {
    const host = make('weapp')
    const node = host.addCanvas('poster')
    const ctx = node.getContext('2d') as any
    ctx.fillStyle = '#fff'
    ctx.fillRect(0, 0, 1, 1)
    expect(node.drawn).toEqual(['fillRect'])
    const jpg = await call(host, 'canvasToTempFilePath', { canvas: node, fileType: 'jpg' })
    expect(jpg).toMatchObject({
      ok: true,
      res: { errMsg: 'canvasToTempFilePath:ok', tempFilePath: expect.stringMatching(/^wxfile:\/\/tmp_.*\.jpg$/) },
    })
    expect(host.files.get(jpg.res.tempFilePath as string)).toEqual(fixtures.jpeg)
    expect(node.toDataURL()).toMatch(/^data:image\/png;base64,/)
  })

  it('a legacy canvas is found by id within the component it was drawn in', async () => {
    const host = make('swan')
    const component = {}
    const ctx = (host.api.createCanvasContext as (id: string, c?: object) => any)('c1', component)
    await new Promise((resolve) => ctx.draw(false, resolve))
    expect((await call(host, 'canvasToTempFilePath', { canvasId: 'c1' }, component)).ok).toBe(true)
    expect(await call(host, 'canvasToTempFilePath', { canvasId: 'c1' })).toEqual({
      ok: false,
      res: { errMsg: 'canvasToTempFilePath:fail canvas is empty' },
    })
  })

  it('Alipay: node.toTempFilePath and the legacy context’s toTempFilePath (apFilePath)', async () => {
    const host = make('alipay')
    const node = host.addCanvas('poster')
    const viaNode = await new Promise<HostResult>((resolve) => node.toTempFilePath!({ success: resolve }))
    expect(viaNode.tempFilePath).toMatch(/^https:\/\/resource\//)
    const ctx = (host.api.createCanvasContext as (id: string) => any)('legacy')
    await new Promise((resolve) => ctx.draw(false, resolve))
    const viaContext = await new Promise<HostResult>((resolve) => ctx.toTempFilePath({ success: resolve }))
    expect(viaContext.apFilePath).toMatch(/^https:\/\/resource\//)
    expect(await call(host, 'canvasToTempFilePath', { canvasId: 'missing' })).toEqual({
      ok: false,
      res: { error: 1, errorMessage: 'canvas content or format wrong!' },
    })
  })

  it('the App draws and exports by canvasId into uni’s temp folder', async () => {
    const host = createAppHost().install()
    try {
      const ctx = (host.api.createCanvasContext as (id: string) => any)('p')
      await new Promise((resolve) => ctx.draw(false, resolve))
      const res = await new Promise<HostResult>((resolve) =>
        (host.api.canvasToTempFilePath as any)({ canvasId: 'p', success: resolve }),
      )
      expect(res.tempFilePath).toMatch(/^_doc\/uniapp_temp_\d+\/canvas\/1\.png$/)
      expect(host.userFiles()).toEqual([])
    } finally {
      host.uninstall()
    }
  })
})

describe('privacy APIs (wx, tt)', () => {
  it('requirePrivacyAuthorize succeeds at once once agreed, and getPrivacySetting says so', async () => {
    const host = make('weapp')
    expect(await call(host, 'requirePrivacyAuthorize')).toEqual({
      ok: true,
      res: { errMsg: 'requirePrivacyAuthorize:ok' },
    })
    expect((await call(host, 'getPrivacySetting')).res).toMatchObject({ needAuthorization: false })
    expect(host.ui).toEqual([])
  })

  it('without a listener, the official popup answers by privacyAnswer; a refusal is errno 104', async () => {
    const host = make('weapp', { privacy: 'not-agreed', privacyAnswer: 'disagree' })
    expect(await call(host, 'requirePrivacyAuthorize')).toEqual({
      ok: false,
      res: { errMsg: 'requirePrivacyAuthorize:fail privacy permission is not authorized', errno: 104 },
    })
    expect(host.ui).toEqual([{ type: 'privacy-popup', referrer: 'requirePrivacyAuthorize' }])
    host.state.privacyAnswer = 'agree'
    expect((await call(host, 'requirePrivacyAuthorize')).ok).toBe(true)
    expect(host.state.privacy).toBe('agreed')
  })

  it('the last listener registered answers, whenever it resolves', async () => {
    const host = make('tt', { privacy: 'not-agreed' })
    const register = host.api.onNeedPrivacyAuthorization as (
      l: (resolve: (a: { event: string }) => void, info: { referrer: string }) => void,
    ) => void
    register(() => {})
    let referrer = ''
    register((resolve, info) => {
      referrer = info.referrer
      setTimeout(() => resolve({ event: 'disagree' }), 5)
    })
    expect(await call(host, 'requirePrivacyAuthorize')).toEqual({
      ok: false,
      res: { errMsg: 'requirePrivacyAuthorize:fail privacy permission is not authorized', errNo: 10201 },
    })
    expect(referrer).toBe('requirePrivacyAuthorize')
  })

  it('only the privacy hosts have the privacy APIs', () => {
    expect(typeof make('weapp').api.requirePrivacyAuthorize).toBe('function')
    expect(make('swan').api.requirePrivacyAuthorize).toBeUndefined()
  })
})

describe('saveMediaToPhotosAlbum (wx ≥ 3.17.2)', () => {
  it('saves every file in one call after one permission prompt', async () => {
    const host = make('weapp')
    host.addFile('/a.png', fixtures.png)
    host.addFile('/b.jpg', fixtures.jpeg)
    expect(
      await call(host, 'saveMediaToPhotosAlbum', { filePaths: ['/a.png', '/b.jpg'], mediaTypes: ['image', 'image'] }),
    ).toEqual({ ok: true, res: { errMsg: 'saveMediaToPhotosAlbum:ok' } })
    expect(host.album.map((e) => e.format)).toEqual(['png', 'jpeg'])
    expect(host.ui.filter((e) => e.type === 'permission-prompt')).toHaveLength(1)
  })

  it('all or nothing: one missing file fails the call and saves none', async () => {
    const host = make('weapp', { permission: 'granted' })
    host.addFile('/a.png', fixtures.png)
    expect(
      await call(host, 'saveMediaToPhotosAlbum', {
        filePaths: ['/a.png', '/gone.png'],
        mediaTypes: ['image', 'image'],
      }),
    ).toEqual({ ok: false, res: { errMsg: 'saveMediaToPhotosAlbum:fail file not found' } })
    expect(host.album).toEqual([])
  })

  it('is absent on an older client, and on the other hosts', () => {
    expect(make('weapp', { saveMedia: false }).api.saveMediaToPhotosAlbum).toBeUndefined()
    expect(make('qq').api.saveMediaToPhotosAlbum).toBeUndefined()
  })
})
