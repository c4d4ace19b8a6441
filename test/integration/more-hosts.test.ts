import { describe, expect, it } from 'vitest'
import { fixtures, toBase64 } from '../../src/testing'
import { LOCAL_PATH, modals, POSTER_URL, setup } from '../helpers'

// Host-specific behaviour of HarmonyOS atomic services, Kuaishou and Xiaohongshu beyond the shared contract
// suite (docs/en/hosts/<id>.md; evidence tags in src/testing/profiles.ts).

describe('HarmonyOS atomic services (ascf)', () => {
  it('every save opens one system confirm; a cancelled one is USER_CANCELLED, never guided', async () => {
    const { host, api } = setup('ascf')
    await api.saveImageToAlbum(LOCAL_PATH)
    await api.saveImageToAlbum(LOCAL_PATH)
    expect(host.ui.filter((event) => event.type === 'save-confirm')).toHaveLength(2)
    host.state.prompt = 'deny'
    await expect(api.saveImageToAlbum({ src: LOCAL_PATH, guide: true })).rejects.toMatchObject({
      code: 'USER_CANCELLED',
      platform: 'ascf',
    })
    expect(modals(host)).toEqual([])
  })

  it('base64 is written as an ArrayBuffer under internal://files/ (its file system takes utf-8 only), then removed', async () => {
    const { host, api } = setup('ascf')
    await api.saveImageToAlbum({ base64: toBase64(fixtures.jpeg) })
    const write = host.calls.find((call) => call.api === 'fs.writeFile')?.args as {
      filePath: string
      data: unknown
      encoding?: string
    }
    expect(write.filePath).toMatch(/^internal:\/\/files\/msi-\w+\.jpg$/)
    expect(write.data).toBeInstanceOf(ArrayBuffer)
    expect(write.encoding).toBeUndefined()
    expect(host.album[0]!.bytes).toEqual(fixtures.jpeg)
  })

  it('a batch asks once per image: a cancelled confirm fails that image alone (USER_CANCELLED), the rest still ask and save', async () => {
    const { host, api } = setup('ascf')
    // the user's answer to each save's confirm, in turn
    const answers = ['deny', 'allow', 'allow'] as const
    const save = host.api.saveImageToPhotosAlbum!
    host.api.saveImageToPhotosAlbum = (options) => {
      host.state.prompt = answers[host.count('saveImageToPhotosAlbum')]!
      return save(options)
    }
    const outcomes = await api.saveImagesToAlbum([LOCAL_PATH, POSTER_URL, LOCAL_PATH])
    expect(outcomes.map((o) => (o.ok ? 'saved' : o.error.code))).toEqual(['USER_CANCELLED', 'saved', 'saved'])
    expect(host.ui.filter((event) => event.type === 'save-confirm')).toHaveLength(3)
    expect(host.album).toHaveLength(2)
  })

  it('a URL downloads to a named internal://files/ file', async () => {
    const { host, api } = setup('ascf')
    const result = await api.saveImageToAlbum(POSTER_URL)
    expect(result.filePath).toMatch(/^internal:\/\/files\/msi-\w+\.png$/)
    expect(host.calls.find((call) => call.api === 'downloadFile')?.args).toMatchObject({ filePath: result.filePath })
  })
})

describe('Kuaishou (kwai)', () => {
  it('openAlbumSetting reads the answer from `result` where `authSetting` is missing (third-party typings)', async () => {
    const { host, api } = setup('kwai', { permission: 'denied' })
    const openSetting = host.api.openSetting!
    host.api.openSetting = (options) =>
      openSetting({ ...options, success: (res) => options?.success?.({ errMsg: res.errMsg, result: res.authSetting }) })
    await expect(api.openAlbumSetting()).resolves.toBe(true)
  })
})

describe('Xiaohongshu (xhs)', () => {
  it('a base64 save rejects UNSUPPORTED_PLATFORM whose message says why; a URL still saves', async () => {
    const { host, api } = setup('xhs', { permission: 'granted' })
    await expect(api.saveImageToAlbum({ base64: toBase64(fixtures.png) })).rejects.toMatchObject({
      code: 'UNSUPPORTED_PLATFORM',
      ...(__DEV__ && { message: expect.stringContaining('Xiaohongshu') }),
    })
    await expect(api.saveImageToAlbum(POSTER_URL)).resolves.toMatchObject({ platform: 'xhs', mode: 'album' })
    expect(host.userFiles()).toEqual([])
  })

  it('iOS code 15 "小程序请求写入相册被拒绝" is a refusal: the guide, settings, one retry', async () => {
    const { host, api } = setup('xhs', { permission: 'denied', client: 'ios' })
    await expect(api.saveImageToAlbum(LOCAL_PATH)).resolves.toMatchObject({ mode: 'album' })
    expect(modals(host)).toHaveLength(1)
  })
})
