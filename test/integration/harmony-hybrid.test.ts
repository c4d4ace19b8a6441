import { afterEach, describe, expect, it, vi } from 'vitest'
import { adapter as h5 } from '../../platforms/browser/h5'
import { adapter as hybrid } from '../../platforms/browser/harmony-hybrid'
import { createSaveImage, findHost } from '../../src/core/api'
import { fixtures, installMethodChannel, toBase64, toDataUri, uninstallMethodChannel } from '../../src/testing'

// Taro's harmony-hybrid target beyond its e2e build (docs/en/hosts/harmony-hybrid.md): the adapter over the ArkWeb
// shell's bridge, in Node, against the simulated MethodChannel; URLs are fetched from a stubbed fetch.

const api = () => createSaveImage(() => hybrid)
const bytesOf = (base64: string) => new Uint8Array(Buffer.from(base64, 'base64'))

function serve(routes: Record<string, { status?: number; body: Uint8Array; type: string }>) {
  vi.stubGlobal('fetch', async (url: string) => {
    const route = routes[url]
    if (!route) throw new TypeError('Failed to fetch')
    return new Response(Buffer.from(route.body), {
      status: route.status ?? 200,
      headers: { 'content-type': route.type },
    })
  })
}

afterEach(() => {
  uninstallMethodChannel()
  vi.unstubAllGlobals()
})

describe('Taro harmony-hybrid (HarmonyOS NEXT web apps)', () => {
  it('a URL without an extension: fetched, written by the shell to internal://files/msi-<unique>.png, saved to the album, removed', async () => {
    const shell = installMethodChannel()
    serve({ 'https://cdn.example.com/poster?id=7': { body: fixtures.png, type: 'image/png' } })
    const result = await api().saveImageToAlbum('https://cdn.example.com/poster?id=7')
    expect(result).toMatchObject({ platform: 'harmony-hybrid', mode: 'album' })
    expect(result.filePath).toMatch(/^internal:\/\/files\/msi-\w+\.png$/)
    expect(shell.album.map((entry) => [entry.filePath, entry.type])).toEqual([[result.filePath, 'image/png']])
    expect(bytesOf(shell.album[0]!.base64)).toEqual(fixtures.png)
    expect(shell.calls.map((call) => call.method)).toEqual([
      'saveDataUrlToFile',
      'saveImageToPhotosAlbum',
      'removeSavedFile',
    ])
    expect(shell.files).toEqual({})
  })

  it('a data URI and raw base64 go to the shell as data URLs of their sniffed type, at full quality', async () => {
    const shell = installMethodChannel()
    await api().saveImageToAlbum(toDataUri(fixtures.jpeg, 'image/jpeg'))
    await api().saveImageToAlbum({ base64: toBase64(fixtures.webp) })
    expect(shell.album.map((entry) => [entry.filePath.split('.').pop(), entry.type])).toEqual([
      ['jpg', 'image/jpeg'],
      ['webp', 'image/webp'],
    ])
    expect(bytesOf(shell.album[1]!.base64)).toEqual(fixtures.webp)
    expect(shell.files).toEqual({})
  })

  it('the system dialog cancelled → USER_CANCELLED; a file the shell lacks → FILE_NOT_FOUND; raw kept, nothing left', async () => {
    const shell = installMethodChannel({ answer: 'cancel' })
    await expect(api().saveImageToAlbum({ base64: toBase64(fixtures.png) })).rejects.toMatchObject({
      code: 'USER_CANCELLED',
      platform: 'harmony-hybrid',
      raw: { errMsg: 'saveImageToPhotosAlbum:fail cancel' },
    })
    await expect(api().saveImageToAlbum('internal://files/gone.png')).rejects.toMatchObject({
      code: 'FILE_NOT_FOUND',
    })
    expect(shell.files).toEqual({})
  })

  it('a failed write is FILE_WRITE_FAILED, a 404 DOWNLOAD_FAILED, and neither reaches the album', async () => {
    const shell = installMethodChannel({ failures: { saveDataUrlToFile: { errMsg: 'saveDataUrlToFile:fail io' } } })
    serve({ 'https://cdn.example.com/missing.png': { status: 404, body: fixtures.html, type: 'text/html' } })
    await expect(api().saveImageToAlbum({ base64: toBase64(fixtures.png) })).rejects.toMatchObject({
      code: 'FILE_WRITE_FAILED',
    })
    await expect(api().saveImageToAlbum('https://cdn.example.com/missing.png')).rejects.toMatchObject({
      code: 'DOWNLOAD_FAILED',
    })
    expect(shell.album).toEqual([])
  })

  it('openAlbumSetting rejects UNSUPPORTED_PLATFORM: a HarmonyOS NEXT app has no album permission to open', async () => {
    installMethodChannel()
    await expect(api().openAlbumSetting()).rejects.toMatchObject({ code: 'UNSUPPORTED_PLATFORM' })
  })

  it('its entry takes the bridge where there is one, and its H5 fallback where there is none', () => {
    const entry = findHost([{ adapter: hybrid }, { adapter: h5 }])
    installMethodChannel()
    expect(entry()).toBe(hybrid)
    uninstallMethodChannel()
    // Node has no document: neither is available here (a browser has, and takes H5: test/e2e/taro.test.ts)
    expect(hybrid.available()).toBe(false)
  })
})
