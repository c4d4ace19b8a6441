import { describe, expect, it } from 'vitest'
import { fixtures } from '../../src/testing'
import { LOCAL_PATH, POSTER_URL, setup } from '../helpers'

// What one host does its own way, each on the host it concerns.
describe('host-specific rows', () => {
  it('weapp downloads into a named USER_DATA_PATH file (WeChat rejects extension-less temp files) and removes it', async () => {
    const { host, api } = setup('weapp', { permission: 'granted' })
    host.downloads.set('https://cdn.example.com/render?id=1', { status: 200, body: fixtures.png }) // no content type: temp file would have no extension
    const result = await api.saveImageToAlbum('https://cdn.example.com/render?id=1')
    expect(result.filePath.startsWith(`${host.userDataPath}/`)).toBe(true)
    expect(result.filePath).toMatch(/\.png$/)
    expect(host.count('fs.unlinkSync')).toBe(1)
  })

  it('weapp in devtools: http://usr and http://tmp are local paths', async () => {
    const { host, api } = setup('weapp', { permission: 'granted', client: 'devtools' })
    expect(host.userDataPath).toBe('http://usr')
    await api.saveImageToAlbum(POSTER_URL)
    expect(host.album[0].path.startsWith('http://usr/')).toBe(true)
  })

  it('alipay passes hideToast so no host toast appears', async () => {
    const { host, api } = setup('alipay', { permission: 'granted' })
    await api.saveImageToAlbum(LOCAL_PATH)
    expect(host.calls.find((call) => call.api === 'saveImageToPhotosAlbum')?.args).toMatchObject({ hideToast: true })
    expect(host.ui.some((event) => event.type === 'toast')).toBe(false)
  })

  it('alipay falls back to my.saveImage({ url }) where canIUse says the modern API is missing', async () => {
    const { host, api } = setup('alipay', { permission: 'granted', canIUseSaveImageToPhotosAlbum: false })
    await api.saveImageToAlbum(POSTER_URL)
    expect(host.count('saveImageToPhotosAlbum')).toBe(0)
    expect(host.calls.find((call) => call.api === 'saveImage')?.args).toMatchObject({
      url: expect.stringMatching(/^https:\/\/resource\//),
    })
    expect(host.album).toHaveLength(1)
  })

  it('alipay guide uses my.confirm with its own button names', async () => {
    const { host, api } = setup('alipay', { permission: 'denied-forever' })
    await api.saveImageToAlbum({ src: LOCAL_PATH, guide: { confirmText: '去设置', cancelText: '不了' } })
    expect(host.calls.find((call) => call.api === 'confirm')?.args).toMatchObject({
      confirmButtonText: '去设置',
      cancelButtonText: '不了',
    })
  })

  it('alipay "don’t ask again" (2003, then 2002) is still recovered through settings', async () => {
    const { api } = setup('alipay', { permission: 'not-asked', prompt: 'deny-forever', modal: 'cancel' })
    await expect(api.saveImageToAlbum(LOCAL_PATH)).rejects.toMatchObject({ code: 'AUTH_DENIED', raw: { error: 2003 } })
    await expect(api.saveImageToAlbum(LOCAL_PATH)).rejects.toMatchObject({ code: 'AUTH_DENIED', raw: { error: 2002 } })
  })

  it('swan web rendition reports UNSUPPORTED_PLATFORM', async () => {
    const { api } = setup('swan', { permission: 'granted', web: true })
    await expect(api.saveImageToAlbum(LOCAL_PATH)).rejects.toMatchObject({ code: 'UNSUPPORTED_PLATFORM' })
  })

  it('the WeChat guide opens settings from inside the modal callback (the tap rule holds)', async () => {
    const { host, api } = setup('weapp', { permission: 'denied', gestureRequired: true })
    await expect(api.saveImageToAlbum(LOCAL_PATH)).resolves.toMatchObject({ platform: 'weapp' })
    expect(host.ui.filter((event) => event.type === 'settings')).toHaveLength(1)
  })
})
