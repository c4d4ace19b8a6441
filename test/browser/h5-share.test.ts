import { describe, expect, it } from 'vitest'
import { fixtures, toDataUri } from '../../src/testing'
import { sharedFiles, UA } from './chromium'
import { noDownloadWithin, open, overlayImages, POSTER, useH5Page } from './h5-page'

useH5Page()

describe('iOS Safari (Web Share with files): the share sheet, whose "Save Image" puts it in Photos', () => {
  it('a data URI: the File is shared with its name, type and bytes; mode "share"', async () => {
    const opened = await open(UA.iosSafari, { answers: ['ok'] })
    const outcome = await opened.tap(`return msi.saveImageToAlbum('${toDataUri(fixtures.jpeg, 'image/jpeg')}')`)
    expect(outcome).toEqual({
      ok: true,
      value: { errMsg: 'saveImageToAlbum:ok', platform: 'h5', mode: 'share', filePath: 'image.jpg' },
    })
    expect(await sharedFiles(opened.page)).toEqual([
      { name: 'image.jpg', type: 'image/jpeg', bytes: Array.from(fixtures.jpeg) },
    ])
    // the File is made from the data with no timer or network wait: share() runs within the tap's own task
    expect(await opened.page.evaluate(() => (window as any).sharedInTap)).toBe(true)
    await noDownloadWithin(opened, 200)
  })

  it('AbortError (the user closed the sheet) is USER_CANCELLED, with nothing shown', async () => {
    const opened = await open(UA.iosSafari, { answers: ['AbortError'] })
    expect(await opened.tap(`return msi.saveImageToAlbum('${POSTER}')`)).toMatchObject({
      ok: false,
      code: 'USER_CANCELLED',
      raw: 'AbortError',
    })
    expect(await opened.page.$('.msi-overlay')).toBeNull()
  })

  it('NotAllowedError (the fetch spent the tap): the overlay, whose "保存图片" button shares the same file on a new tap', async () => {
    const opened = await open(UA.iosSafari, { answers: ['NotAllowedError', 'ok'] })
    expect(await opened.tap(`return msi.saveImageToAlbum('${POSTER}')`)).toMatchObject({
      ok: true,
      value: { mode: 'overlay', filePath: POSTER },
    })
    // a URL is fetched first: its share() runs after the tap's task, where iOS refuses it
    expect(await opened.page.evaluate(() => (window as any).sharedInTap)).toBe(false)
    expect(await overlayImages(opened.page)).toEqual([{ src: POSTER, loaded: true }])
    await opened.page.getByRole('button', { name: '保存图片' }).click()
    await opened.page.waitForFunction(() => (window as any).__shared.length === 2)
    const [first, second] = await sharedFiles(opened.page)
    expect(second).toEqual(first)
    expect(first).toMatchObject({ name: 'poster.png', type: 'image/png' })
    expect(await opened.page.$('.msi-overlay')).toBeNull()
  })

  it.each([
    [5, 'share'],
    [0, 'download'],
  ])(
    'iPadOS sends a Mac’s user agent: with %i touch points it gets "%s" (an iPad shares, a Mac downloads)',
    async (touchPoints, mode) => {
      const opened = await open(UA.ipadOrMacSafari, { answers: ['ok'] })
      await opened.page.evaluate(
        (points) => Object.defineProperty(Navigator.prototype, 'maxTouchPoints', { get: () => points }),
        touchPoints,
      )
      expect(
        (await opened.tap(`return msi.saveImageToAlbum('${toDataUri(fixtures.png, 'image/png')}')`)).value.mode,
      ).toBe(mode)
    },
  )

  it('where canShare refuses the file, it downloads', async () => {
    const opened = await open(UA.iosSafari, { answers: [], canShare: false })
    expect((await opened.tap(`return msi.saveImageToAlbum('${POSTER}')`)).value.mode).toBe('download')
  })

  it('Android never shares (its sheet has no save action): it downloads even where canShare holds', async () => {
    const opened = await open(UA.androidChrome, { answers: ['ok'] })
    expect((await opened.tap(`return msi.saveImageToAlbum('${POSTER}')`)).value.mode).toBe('download')
    expect(await sharedFiles(opened.page)).toEqual([])
  })
})
