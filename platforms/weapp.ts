import type { Callback, HostAdapter, Saved } from '../src/core/adapter'
import { always, callApi, createCallbackHostAdapter, hostCallbacks, inAlbum, type CallbackHost, type Options } from '../src/core/callback-host'

declare const wx: (CallbackHost & { saveMediaToPhotosAlbum?: (options: Options) => unknown }) | undefined

const host = () => (typeof wx === 'undefined' ? undefined : wx)

const shared = createCallbackHostAdapter({
  platform: 'weapp',
  host,
  scopeKey: 'scope.writePhotosAlbum',
  // device paths, then the devtools' http:// look-alikes (hosts.md §4, §5)
  localPrefixes: ['wxfile://', 'http://tmp/', 'http://usr/'],
  // WeChat rejects a temp file without an image extension ("fail invalid file type"), so we name the file
  downloadsToFile: always,
  codeFields: ['errno', 'errCode'],
  codes: { 104: 'PRIVACY_NOT_AUTHORIZED', 112: 'PRIVACY_SCOPE_UNDECLARED' },
  // the type named in the 用户隐私保护指引 for saveImageToPhotosAlbum (hosts.md §2)
  privacyType: '相册（仅写入）权限',
})

export const weappAdapter: HostAdapter = {
  ...shared,
  // client ≥ 3.17.2 (hosts.md §1): a batch is one call and one system prompt
  canSaveMany: () => typeof (host() || {}).saveMediaToPhotosAlbum === 'function',
  saveMany(filePaths: string[], done: Callback<Saved[]>) {
    callApi(host(), 'saveMediaToPhotosAlbum', { filePaths, mediaTypes: filePaths.map(() => 'image'), ...hostCallbacks(done, () => filePaths.map(inAlbum)) })
  },
}
