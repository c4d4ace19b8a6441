import { describe, expect, it } from 'vitest'
import { fixtures, toBase64, toDataUri } from '../../src/testing'
import { profileOf } from '../../src/testing/profiles'
import {
  inAlipayContainer,
  NO_BASE64,
  JPEG_URL,
  LOCAL_PATH,
  outcome,
  PLATFORMS,
  POSTER_URL,
  refusedFormats,
  saves,
  setup,
  FORMATS,
} from '../helpers'

// The contract on every host: what each kind of source becomes, and how a download is checked.
/** The host-local paths of each host that look like URLs (docs/en/guide/sources.md#local). */
const URL_LIKE_LOCAL: Record<string, string[]> = {
  weapp: ['wxfile://tmp_abc.png', 'http://tmp/abc.png', 'http://usr/poster.png'],
  tt: ['ttfile://temp/abc.png', 'ttfile://user/poster.png'],
  alipay: ['https://resource/abc.image', 'https://usr/poster.png'],
  swan: ['bdfile://tmp/abc.png', 'bdfile://usr/poster.png'],
  lark: ['ttfile://temp/abc.png', 'ttfile://user/poster.png'],
  dd: ['https://resource/abc.image', 'https://usr/poster.png'],
  ascf: ['internal://tmp/abc.png', 'internal://files/poster.png'],
  qq: ['qqfile://tmp_abc.png', 'qqfile://usr/poster.png'],
  kwai: ['ksfile://temp/abc.png', 'ksfile://usr/poster.png'],
  xhs: ['xhsfile://tmp/abc.png'],
  jd: ['jdfile://tmp_abc.png', 'jdfile://usr/poster.png'],
  'app-harmony': ['file:///data/storage/el2/base/haps/entry/cache/abc.png'],
}

describe.each(PLATFORMS)('contract on %s', (platform) => {
  const base64 = !NO_BASE64.includes(platform)
  describe('sources', () => {
    it('saves a URL with one download and one save, and resolves the contract result', async () => {
      const { host, api } = setup(platform, { permission: 'granted' })
      const result = await api.saveImageToAlbum(POSTER_URL)
      expect(host.asyncCalls()).toEqual(['downloadFile', 'saveImageToPhotosAlbum'])
      expect(host.album).toHaveLength(1)
      expect(host.album[0].format).toBe('png')
      expect(result).toEqual({ errMsg: 'saveImageToAlbum:ok', filePath: host.album[0].path, platform, mode: 'album' })
    })

    it('saves a local path with exactly one host call', async () => {
      const { host, api } = setup(platform, { permission: 'granted' })
      const result = await api.saveImageToAlbum(LOCAL_PATH)
      expect(host.asyncCalls()).toEqual(['saveImageToPhotosAlbum'])
      expect(result.filePath).toBe(LOCAL_PATH)
      expect(host.album.map((entry) => entry.path)).toEqual([LOCAL_PATH])
    })

    it.each(URL_LIKE_LOCAL[platform])('treats the host-local %s as a path, not a URL', async (path) => {
      const { host, api } = setup(platform, { permission: 'granted' })
      host.addFile(path, fixtures.png)
      await expect(api.saveImageToAlbum(path)).resolves.toMatchObject({ filePath: path })
      expect(host.count('downloadFile')).toBe(0)
      if (path.startsWith(host.userDataPath)) host.files.delete(path) // the app's own file, not ours
    })

    it('accepts the url and filePath aliases', async () => {
      const { host, api } = setup(platform, { permission: 'granted' })
      await api.saveImageToAlbum({ url: POSTER_URL })
      await api.saveImageToAlbum({ filePath: LOCAL_PATH })
      expect(host.album).toHaveLength(2)
    })

    it('forwards request headers to the download', async () => {
      const { host, api } = setup(platform, { permission: 'granted' })
      await api.saveImageToAlbum({ src: POSTER_URL, headers: { Authorization: 'Bearer t' } })
      const download = host.calls.find((call) => call.api === 'downloadFile')
      expect(download?.args).toMatchObject({ url: POSTER_URL, header: { Authorization: 'Bearer t' } })
    })

    it.each(FORMATS.filter(([format]) => base64 && !refusedFormats(platform).includes(format)))(
      'saves a %s data URI and a raw %s base64, leaving no file behind',
      async (format, mime) => {
        const { host, api } = setup(platform, { permission: 'granted' })
        const bytes = fixtures[format]
        await api.saveImageToAlbum(toDataUri(bytes, mime))
        await api.saveImageToAlbum({ base64: toBase64(bytes) })
        expect(host.album.map((entry) => entry.format)).toEqual([format, format])
        expect(host.album[0].bytes).toEqual(bytes)
        expect(host.asyncCalls()).toHaveLength(4) // one write and one save each
        expect(host.userFiles()).toEqual([])
      },
    )

    it.runIf(base64)('trusts the bytes over a data URI’s declared type', async () => {
      const { host, api } = setup(platform, { permission: 'granted' })
      await api.saveImageToAlbum(toDataUri(fixtures.gif, 'image/png'))
      expect(host.album[0].format).toBe('gif')
    })

    it.runIf(base64)('accepts MIME-wrapped and URL-safe base64', async () => {
      const { host, api } = setup(platform, { permission: 'granted' })
      const wrapped = toBase64(fixtures.jpeg).replace(/(.{20})/g, '$1\n')
      const urlSafe = toBase64(fixtures.webp).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
      await api.saveImageToAlbum({ base64: wrapped })
      await api.saveImageToAlbum({ base64: urlSafe })
      expect(host.album.map((entry) => entry.format)).toEqual(['jpeg', 'webp'])
    })

    it.runIf(base64)(
      'writes each base64 image to its own file directly under USER_DATA_PATH with its extension',
      async () => {
        const { host, api } = setup(platform, { permission: 'granted' })
        // settled, not all: a host may refuse a format by extension (Feishu: bmp), after the write
        await Promise.allSettled(
          FORMATS.map(([format]) => api.saveImageToAlbum({ base64: toBase64(fixtures[format]) })),
        )
        const written = host.calls
          .filter((call) => call.api === 'fs.writeFile')
          .map((call) => (call.args as { filePath: string }).filePath)
        if (inAlipayContainer(platform)) {
          // Alipay's documented route: download the data URI into a host temp file (user files need client 10.2.70)
          expect(written).toEqual([])
          expect(host.count('downloadFile')).toBe(5)
          return
        }
        expect(new Set(written).size).toBe(5)
        for (const path of written)
          expect(path).toMatch(
            new RegExp(`^${host.userDataPath.replace(/[/.]/g, '\\$&')}/[^/]+\\.(png|jpg|gif|webp|bmp)$`),
          )
      },
    )
  })

  describe('downloads', () => {
    it('rejects DOWNLOAD_FAILED on a non-2xx status, never saves, and leaves no file', async () => {
      const { host, api } = setup(platform, { permission: 'granted' })
      host.downloads.set('https://cdn.example.com/gone.png', {
        status: 404,
        body: fixtures.html,
        contentType: 'text/html',
      })
      const result = await outcome(api.saveImageToAlbum('https://cdn.example.com/gone.png'))
      expect(result.ok ? null : result.error.code).toBe('DOWNLOAD_FAILED')
      expect(saves(host)).toBe(0)
      expect(host.userFiles()).toEqual([])
    })

    it('rejects DOWNLOAD_FAILED when the host cannot download', async () => {
      const { host, api } = setup(platform, { permission: 'granted' })
      await expect(api.saveImageToAlbum('https://not-whitelisted.example.com/a.png')).rejects.toMatchObject({
        code: 'DOWNLOAD_FAILED',
        platform,
      })
      expect(saves(host)).toBe(0)
    })

    it('keeps the URL’s own image extension for the saved file', async () => {
      const { host, api } = setup(platform, { permission: 'granted' })
      await api.saveImageToAlbum(JPEG_URL)
      expect(host.album[0].format).toBe('jpeg')
      // a host that downloads to a file of ours gets the URL's extension
      if (profileOf(platform).downloadsToFile) expect(host.album[0].path).toMatch(/\.jpg$/)
    })
  })

  it.runIf(!base64)(
    'refuses data URIs and base64 with UNSUPPORTED_PLATFORM before any host call: its file system cannot write them',
    async () => {
      const { host, api } = setup(platform, { permission: 'granted' })
      for (const source of [toDataUri(fixtures.png, 'image/png'), { base64: toBase64(fixtures.jpeg) }]) {
        await expect(api.saveImageToAlbum(source as string)).rejects.toMatchObject({
          code: 'UNSUPPORTED_PLATFORM',
          platform,
        })
      }
      expect(host.calls).toEqual([])
    },
  )

  it.each(FORMATS.filter(([format]) => refusedFormats(platform).includes(format)))(
    'a %s image, which this host refuses by extension, rejects UNSUPPORTED_FORMAT and leaves no file',
    async (format, mime) => {
      const { host, api } = setup(platform, { permission: 'granted' })
      await expect(api.saveImageToAlbum(toDataUri(fixtures[format], mime))).rejects.toMatchObject({
        code: 'UNSUPPORTED_FORMAT',
      })
      await host.idle()
      expect(host.userFiles()).toEqual([])
    },
  )
})
