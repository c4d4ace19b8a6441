import { describe, expect, it } from 'vitest'
import { fixtures, toBase64, toDataUri } from '../../src/testing'
import { LOCAL_PATH, modals, POSTER_URL, setup, setupApp, universal } from '../helpers'

// HarmonyOS NEXT through uni-app beyond the shared contract suite (docs/en/hosts/app-harmony.md; [O] uni's source).

/** The album title HarmonyOS takes from a file name: the part before its first `.` (uni-media saveMedia.uts [O]). */
const titleOf = (path: string) => (path.split('/').pop() as string).split('.')[0]

describe('HarmonyOS NEXT (uni-app app-harmony)', () => {
  it.each([
    ['a URL without an extension', 'https://cdn.example.com/poster?id=7', 'png'],
    ['a .php URL', 'https://cdn.example.com/image.php?id=7', 'png'],
    ['a .do URL', 'https://cdn.example.com/get.do', 'png'],
    ['a .jpg URL with a query', 'https://cdn.example.com/a.b.photo.jpg?size=large', 'jpg'],
  ])(
    '%s downloads to a plain msi-<unique> file of ours with the image extension, saved, removed',
    async (_, url, ext) => {
      const { host, api } = setup('app-harmony')
      const body = ext === 'jpg' ? fixtures.jpeg : fixtures.png
      host.downloads.set(url, { body, contentType: ext === 'jpg' ? 'image/jpeg' : 'image/png' })
      const result = await api.saveImageToAlbum(url)
      const download = host.calls.find((call) => call.api === 'downloadFile')?.args as { filePath: string }
      expect(download.filePath).toBe(result.filePath)
      expect(result.filePath).toMatch(new RegExp(`/msi-\\w+\\.${ext}$`))
      // a title with no `.` in it, and the image's extension
      expect(titleOf(result.filePath)).toMatch(/^msi-\w+$/)
      expect(host.album[0]!.bytes).toEqual(body)
      expect(host.userFiles()).toEqual([])
    },
  )

  it('a data URI and raw base64 are written at full quality under USER_DATA_PATH, saved, removed', async () => {
    const { host, api } = setup('app-harmony')
    await api.saveImageToAlbum(toDataUri(fixtures.jpeg, 'image/jpeg'))
    await api.saveImageToAlbum({ base64: toBase64(fixtures.webp) })
    const writes = host.calls.filter((call) => call.api === 'fs.writeFile').map((call) => call.args as any)
    expect(writes.map((w) => [w.encoding, titleOf(w.filePath), w.filePath.split('.').pop()])).toEqual([
      ['base64', expect.stringMatching(/^msi-\w+$/), 'jpg'],
      ['base64', expect.stringMatching(/^msi-\w+$/), 'webp'],
    ])
    expect(host.album.map((entry) => entry.bytes)).toEqual([fixtures.jpeg, fixtures.webp])
    expect(host.userFiles()).toEqual([])
  })

  it('every save shows the system dialog; closing it is USER_CANCELLED (raw kept), never a guide of ours', async () => {
    const { host, api } = setup('app-harmony')
    await api.saveImageToAlbum(LOCAL_PATH)
    expect(host.ui.filter((event) => event.type === 'save-confirm')).toHaveLength(1)
    host.state.prompt = 'deny'
    await expect(api.saveImageToAlbum({ src: POSTER_URL, guide: true })).rejects.toMatchObject({
      code: 'USER_CANCELLED',
      platform: 'app-harmony',
      raw: { errCode: 1101001, errMsg: 'saveImageToPhotosAlbum:fail user cancel' },
    })
    expect(modals(host)).toEqual([])
    expect(host.userFiles()).toEqual([])
  })

  it('openAlbumSetting rejects UNSUPPORTED_PLATFORM: there is no album permission and no settings page', async () => {
    const { host, api } = setup('app-harmony')
    await expect(host.tap(() => api.openAlbumSetting())).rejects.toMatchObject({
      code: 'UNSUPPORTED_PLATFORM',
      platform: 'app-harmony',
    })
    expect(host.calls).toEqual([])
  })

  it('a batch shows one dialog per image: a cancelled one fails that image alone, the rest still ask and save', async () => {
    const { host, api } = setup('app-harmony')
    // the user closes the dialog of the second image only
    const save = host.api.saveImageToPhotosAlbum!
    host.api.saveImageToPhotosAlbum = (options) => {
      host.state.prompt = options?.filePath === LOCAL_PATH ? 'deny' : 'allow'
      return save(options)
    }
    const outcomes = await api.saveImagesToAlbum([POSTER_URL, LOCAL_PATH, toDataUri(fixtures.png, 'image/png')])
    expect(outcomes.map((o) => (o.ok ? 'saved' : o.error.code))).toEqual(['saved', 'USER_CANCELLED', 'saved'])
    expect(host.ui.filter((event) => event.type === 'save-confirm')).toHaveLength(3)
    expect(host.userFiles()).toEqual([])
  })

  it('the universal build takes `uni` for HarmonyOS NEXT only where getSystemInfoSync says osName harmonyos', async () => {
    const { saveImageToAlbum } = universal()
    const { host } = setup('app-harmony')
    await expect(saveImageToAlbum(LOCAL_PATH)).resolves.toMatchObject({ platform: 'app-harmony' })
    host.uninstall()
    // the Android / iOS App also has `uni` (and `plus`): it stays the App's
    const app = setupApp({ permission: 'granted' })
    app.host.addFile('_www/static/a.png', fixtures.png)
    await expect(saveImageToAlbum('_www/static/a.png')).resolves.toMatchObject({ platform: 'app' })
    app.host.uninstall()
  })
})
