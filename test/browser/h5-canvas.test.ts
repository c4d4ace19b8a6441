import { describe, expect, it } from 'vitest'
import { UA } from './chromium'
import { bytesOf, downloadAt, NO_CORS, noDownloadWithin, open, overlayImages, useH5Page } from './h5-page'

useH5Page()

describe('a canvas: exported with toBlob, then the same modes as any image', () => {
  /** Draws a red 40×30 poster into a new canvas; `markup` wraps it as Taro H5 or uni H5 render `<canvas canvas-id>`. */
  const DRAW = (markup: 'node' | 'taro' | 'uni', id = 'poster') => `
    const canvas = document.createElement('canvas')
    canvas.width = 40; canvas.height = 30
    const ctx = canvas.getContext('2d'); ctx.fillStyle = '#c00'; ctx.fillRect(0, 0, 40, 30)
    if ('${markup}' === 'taro') { const host = document.createElement('taro-canvas-core'); host.setAttribute('canvas-id', '${id}'); canvas.setAttribute('canvas-id', '${id}'); host.append(canvas); document.body.append(host) }
    if ('${markup}' === 'uni') { const host = document.createElement('uni-canvas'); host.setAttribute('canvas-id', '${id}'); host.append(canvas); document.body.append(host) }`
  const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47]

  it('a Canvas 2D node downloads as image.png with the canvas’s pixels', async () => {
    const opened = await open()
    const outcome = await opened.tap(`${DRAW('node')}; return msi.saveImageToAlbum({ canvas })`)
    expect(outcome).toEqual({
      ok: true,
      value: { errMsg: 'saveImageToAlbum:ok', platform: 'h5', mode: 'download', filePath: 'image.png' },
    })
    const bytes = await bytesOf(await downloadAt(opened, 0))
    expect([...bytes.slice(0, 4)]).toEqual(PNG_SIGNATURE)
    // the IHDR width and height: the canvas's own size
    const view = new DataView(bytes.buffer, bytes.byteOffset)
    expect([view.getUint32(16), view.getUint32(20)]).toEqual([40, 30])
  })

  it.each(['taro', 'uni'] as const)(
    'a legacy canvas-id is found as %s H5 renders it, and jpg is a JPEG',
    async (markup) => {
      const opened = await open()
      const outcome = await opened.tap(
        `${DRAW(markup)}; return msi.saveImageToAlbum({ canvasId: 'poster', fileType: 'jpg', quality: 0.9 })`,
      )
      expect(outcome).toMatchObject({ ok: true, value: { mode: 'download', filePath: 'image.jpg' } })
      expect([...(await bytesOf(await downloadAt(opened, 0))).slice(0, 2)]).toEqual([0xff, 0xd8])
    },
  )

  it('a canvas-id that is not on the page is CANVAS_EXPORT_FAILED, with nothing downloaded', async () => {
    const opened = await open()
    expect(await opened.tap(`return msi.saveImageToAlbum({ canvasId: 'nowhere' })`)).toMatchObject({
      ok: false,
      code: 'CANVAS_EXPORT_FAILED',
      platform: 'h5',
    })
    await noDownloadWithin(opened)
  })

  it('a canvas tainted by a cross-origin image is CANVAS_EXPORT_FAILED (raw: the SecurityError)', async () => {
    const opened = await open()
    const outcome = await opened.tap(`${DRAW('node')}
      const img = new Image(); img.src = '${NO_CORS}'
      return new Promise((resolve, reject) => ((img.onload = resolve), (img.onerror = reject))).then(() => {
        ctx.drawImage(img, 0, 0)
        return msi.saveImageToAlbum({ canvas })
      })`)
    expect(outcome).toMatchObject({ ok: false, code: 'CANVAS_EXPORT_FAILED', raw: 'SecurityError' })
    await noDownloadWithin(opened)
  })

  it('a 0 × 0 canvas is CANVAS_EXPORT_FAILED', async () => {
    const opened = await open()
    expect(
      await opened.tap(
        `const canvas = document.createElement('canvas'); canvas.width = 0; return msi.saveImageToAlbum({ canvas })`,
      ),
    ).toMatchObject({ ok: false, code: 'CANVAS_EXPORT_FAILED' })
  })

  it('in an in-app browser, the canvas is shown in the overlay as its data URI', async () => {
    const opened = await open(UA.wechatAndroid)
    const outcome = await opened.tap(`${DRAW('node')}; return msi.saveImageToAlbum({ canvas })`)
    expect(outcome).toMatchObject({ ok: true, value: { mode: 'overlay' } })
    const [shown] = await overlayImages(opened.page)
    expect(shown).toMatchObject({ src: expect.stringMatching(/^data:image\/png;base64,/), loaded: true })
  })
})
