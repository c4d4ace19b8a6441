import { MissingHostApi, type HostAdapter } from '../src/core/adapter'
import { createCallbackHostAdapter, type CallbackHost } from './kit/callback-host'

// Xiaohongshu (`xhs`): docs/en/hosts/xhs.md. Its file system is reported broken (redengineer/redmini #1344:
// "暂时不支持"; #1465 USER_DATA_PATH undefined; #1492 base64 writeFile throws "window is not defined") [O], so a
// data URI or base64 source is refused with UNSUPPORTED_PLATFORM rather than written and lost. iOS answers
// code 15 "小程序请求写入相册被拒绝" to a refused album request [O #1630].

declare const xhs: CallbackHost | undefined

const shared = createCallbackHostAdapter({
  platform: 'xhs',
  host: () => (typeof xhs === 'undefined' ? undefined : xhs),
  scopeKey: 'scope.writePhotosAlbum',
  // its temp path scheme is not documented [I]
  localPrefixes: ['xhsfile://'],
  // passing filePath to downloadFile returned an error inside success (#1632) [O]: host temp files
  codeFields: ['code', 'errno', 'errCode'],
  codes: { 15: 'AUTH_DENIED' },
})

export const adapter: HostAdapter = {
  ...shared,
  files: {
    ...shared.files,
    // nothing is ever written, so nothing to clean up
    writeImage() {
      throw new MissingHostApi('file system that can write base64 images (Xiaohongshu: redmini #1344, #1492)')
    },
  },
}
