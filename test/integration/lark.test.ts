import { describe, expect, it } from 'vitest'
import { fixtures, toBase64, toDataUri } from '../../src/testing'
import { LOCAL_PATH, modals, POSTER_URL, setup, universal } from '../helpers'

// Feishu / Lark beyond the shared contract suite (docs/en/hosts/lark.md; [D] open.feishu.cn).

describe('Feishu / Lark', () => {
  it('asks with WeChat’s scope key, not Douyin’s scope.album', async () => {
    const { host, api } = setup('lark', { permission: 'denied', settings: 'enable' })
    await expect(api.openAlbumSetting()).resolves.toBe(true)
    expect(host.state.permission).toBe('granted')
    await expect(api.saveImageToAlbum(POSTER_URL)).resolves.toMatchObject({ platform: 'lark', mode: 'album' })
  })

  it('a refusal: the host’s own settings dialog, no modal of ours even with a guide set, AUTH_DENIED', async () => {
    const { host, api } = setup('lark', { permission: 'denied' })
    await expect(api.saveImageToAlbum({ src: LOCAL_PATH, guide: { title: '去设置' } })).rejects.toMatchObject({
      code: 'AUTH_DENIED',
      platform: 'lark',
    })
    expect(modals(host)).toEqual([])
    expect(host.ui).toContainEqual({ type: 'host-guide' })
  })

  it.each([
    ['android', 'webp', 'saves'],
    ['ios', 'webp', 'UNSUPPORTED_FORMAT'],
    ['android', 'bmp', 'UNSUPPORTED_FORMAT'],
    ['ios', 'gif', 'saves'],
  ] as const)('%s: a %s image %s (the documented extensions per client)', async (client, format, expected) => {
    const { api } = setup('lark', { permission: 'granted', client })
    const result = await api.saveImageToAlbum(toDataUri(fixtures[format], `image/${format}`)).then(
      () => 'saves',
      (error: { code: string }) => error.code,
    )
    expect(result).toBe(expected)
  })

  it('a write over the 10 MB limit → FILE_WRITE_FAILED, nothing left', async () => {
    const { api } = setup('lark', { permission: 'granted' })
    const big = new Uint8Array(10 * 1024 * 1024 + 16)
    big.set(fixtures.png)
    await expect(api.saveImageToAlbum({ base64: toBase64(big), maxBytes: 11 * 1024 * 1024 })).rejects.toMatchObject({
      code: 'FILE_WRITE_FAILED',
    })
  })

  it('the universal build tells Feishu from Douyin on the shared `tt` global by appName', async () => {
    const { saveImageToAlbum } = universal()
    for (const platform of ['lark', 'tt'] as const) {
      const { host } = setup(platform, { permission: 'granted' })
      await expect(saveImageToAlbum(LOCAL_PATH)).resolves.toMatchObject({ platform })
      host.uninstall()
    }
  })

  it('a Feishu host whose getSystemInfoSync throws is taken for Douyin, not a crash', async () => {
    const { saveImageToAlbum } = universal()
    const { host } = setup('lark', { permission: 'granted' })
    host.fault('getSystemInfoSync', { kind: 'throw' })
    await expect(saveImageToAlbum(LOCAL_PATH)).resolves.toMatchObject({ platform: 'tt' })
  })
})
