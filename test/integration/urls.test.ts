import { describe, expect, it } from 'vitest'
import { fixtures } from '../../src/testing'
import { profileOf } from '../../src/testing/profiles'
import { PLATFORMS, setup, setupApp } from '../helpers'

// Image CDNs and signed URLs rarely end in an image extension, yet several hosts save a file only by its
// extension (WeChat, Feishu). Where the host lets us name the download, the file gets the image's extension;
// elsewhere the host's own naming decides (docs/hosts/*.md say which).

const URLS = {
  'no extension': 'https://cdn.example.com/poster?id=7',
  'a query string': 'https://cdn.example.com/photos/7.jpg?x-oss-process=image/resize,w_800&sign=a%2Fb',
  'a .php path': 'https://cdn.example.com/image.php?id=7',
  'a .do path': 'https://cdn.example.com/file/download.do?id=7',
} as const
const KINDS = Object.keys(URLS) as Array<keyof typeof URLS>

/** Hosts whose current clients download to a file we name. */
const NAMES_DOWNLOADS = PLATFORMS.filter((platform) => profileOf(platform).downloadsToFile)

describe.each(PLATFORMS)('%s: a URL whose path is not an image file name', (platform) => {
  it.each(KINDS)('%s: the image (served as image/jpeg) is saved, and no file of ours is left', async (kind) => {
    const { host, api } = setup(platform, { permission: 'granted' })
    host.downloads.set(URLS[kind], { status: 200, body: fixtures.jpeg, contentType: 'image/jpeg' })
    await expect(api.saveImageToAlbum(URLS[kind])).resolves.toMatchObject({ platform, mode: 'album' })
    expect(host.album.map((entry) => entry.format)).toEqual(['jpeg'])
    await host.idle()
    expect(host.userFiles()).toEqual([])
  })

  it.runIf(NAMES_DOWNLOADS.includes(platform))(
    'the download goes to a file of ours with an image extension',
    async () => {
      const { host, api } = setup(platform, { permission: 'granted' })
      host.downloads.set(URLS['a .php path'], { status: 200, body: fixtures.jpeg, contentType: 'image/jpeg' })
      const { filePath } = await api.saveImageToAlbum(URLS['a .php path'])
      // named .png before the response, then given the extension of what arrived
      const named = (host.calls.find((call) => call.api === 'downloadFile')?.args as { filePath: string }).filePath
      expect(named).toMatch(new RegExp(`^${host.userDataPath}/msi-[^/.]+\\.png$`))
      expect(filePath).toMatch(new RegExp(`^${host.userDataPath}/msi-[^/.]+\\.jpg$`))
      expect(host.calls.find((call) => call.api === 'fs.rename')?.args).toMatchObject({
        oldPath: named,
        newPath: filePath,
      })
      expect(host.album.map((entry) => entry.path)).toEqual([filePath])
    },
  )
})

describe('the uni-app App: a URL whose path is not an image file name', () => {
  it.each(KINDS)('%s: downloaded to a file of ours with an image extension, saved, removed', async (kind) => {
    const { host, api } = setupApp({ permission: 'granted' })
    host.downloads.set(URLS[kind], { status: 200, body: fixtures.jpeg, contentType: 'image/jpeg' })
    const { filePath } = await api.saveImageToAlbum(URLS[kind])
    expect(filePath).toMatch(/^_doc\/msi-[^/.]+\.(png|jpg)$/)
    expect(host.album.map((entry) => entry.format)).toEqual(['jpeg'])
    await host.idle()
    expect(host.userFiles()).toEqual([])
  })
})

describe('older clients, which write a temp file of their own', () => {
  it.each([
    ['no extension', 'UNSUPPORTED_FORMAT'],
    ['a .php path', 'UNSUPPORTED_FORMAT'],
    ['a query string', 'saved'],
  ] as const)(
    'Feishu before 3.43.0, %s: %s (its save needs an image extension; the temp file is named from the URL)',
    async (kind, expected) => {
      const { host, api } = setup('lark', { permission: 'granted', version: '3.42.0' })
      host.downloads.set(URLS[kind], { status: 200, body: fixtures.jpeg, contentType: 'image/jpeg' })
      const result = await api.saveImageToAlbum(URLS[kind]).then(
        () => 'saved',
        (error: { code: string }) => error.code,
      )
      expect(result).toBe(expected)
      expect(host.calls.find((call) => call.api === 'downloadFile')?.args).not.toHaveProperty('filePath')
    },
  )

  it('Douyin before base library 2.42.0: the temp file is typed by the Content-Type, so it saves', async () => {
    const { host, api } = setup('tt', { permission: 'granted', sdkVersion: '2.41.0' })
    host.downloads.set(URLS['no extension'], { status: 200, body: fixtures.jpeg, contentType: 'image/jpeg' })
    const { filePath } = await api.saveImageToAlbum(URLS['no extension'])
    expect(filePath).toMatch(/^ttfile:\/\/temp\/[^/]+\.jpg$/)
    expect(host.calls.find((call) => call.api === 'downloadFile')?.args).not.toHaveProperty('filePath')
  })

  it('a host that cannot tell its version (getSystemInfoSync throws) is taken for an old client', async () => {
    const { host, api } = setup('lark', { permission: 'granted' })
    host.fault('getSystemInfoSync', { kind: 'throw' })
    host.downloads.set(URLS['a query string'], { status: 200, body: fixtures.jpeg, contentType: 'image/jpeg' })
    await expect(api.saveImageToAlbum(URLS['a query string'])).resolves.toMatchObject({ mode: 'album' })
    expect(host.calls.find((call) => call.api === 'downloadFile')?.args).not.toHaveProperty('filePath')
  })
})
