import type { HostAdapter } from '../src/core/adapter'
import {
  always,
  callbacks,
  createCallbackHostAdapter,
  inAlbum,
  invoke,
  type CallbackHost,
  type Options,
} from '../src/core/callback-host'

// WeChat (`wx`): docs/en/hosts/weapp.md

declare const wx: (CallbackHost & { saveMediaToPhotosAlbum?: (options: Options) => unknown }) | undefined

const host = () => (typeof wx === 'undefined' ? undefined : wx)

const shared = createCallbackHostAdapter({
  platform: 'weapp',
  host,
  scopeKey: 'scope.writePhotosAlbum',
  // device paths, then the devtools' http:// look-alikes (docs/en/hosts/weapp.md#files)
  localPrefixes: ['wxfile://', 'http://tmp/', 'http://usr/'],
  // WeChat rejects a temp file without an image extension ("fail invalid file type"), so we name the file
  downloadsToFile: always,
  codeFields: ['errno', 'errCode'],
  codes: { 104: 'PRIVACY_NOT_AUTHORIZED', 112: 'PRIVACY_SCOPE_UNDECLARED' },
  // the type named in the 用户隐私保护指引 for saveImageToPhotosAlbum (docs/en/guide/privacy.md)
  privacyType: '相册（仅写入）权限',
})

export const adapter: HostAdapter = {
  ...shared,
  // base library ≥ 3.17.2 (docs/en/hosts/weapp.md#accepts): a batch is one call and one system prompt
  saveMany() {
    const wechat = host()
    if (!wechat || typeof wechat.saveMediaToPhotosAlbum !== 'function') return undefined
    return (filePaths, done) =>
      invoke(wechat, 'saveMediaToPhotosAlbum', {
        filePaths,
        mediaTypes: filePaths.map(() => 'image'),
        ...callbacks(done, () => filePaths.map(inAlbum)),
      })
  },
}
