import { MissingHostApi, type Callback, type HostAdapter, type Owned } from '../src/core/adapter'
import { decodeBase64 } from '../src/core/base64'
import { always, callbacks, createCallbackHostAdapter, invoke, type CallbackHost } from '../src/core/callback-host'

// HarmonyOS atomic services (ASCF, the `has` global; uni mp-harmony, Taro ascf): docs/en/hosts/ascf.md, [D] Huawei
// ASCF docs. Every save opens a system confirm and needs no scope; paths are internal://{tmp,cache,files}/; writeFile
// takes utf-8 text only, and writes only under internal://files/ or internal://cache/.

declare const has: CallbackHost | undefined

const host = () => (typeof has === 'undefined' ? undefined : has)

const shared = createCallbackHostAdapter({
  platform: 'ascf',
  host,
  scopeKey: '',
  localPrefixes: ['internal://'],
  // downloadFile takes a filePath under internal://files/ [D]: our own, named file
  downloadsToFile: always,
  codeFields: ['errCode', 'errno', 'code'],
  codes: {},
})

export const adapter: HostAdapter = {
  ...shared,
  // writable, unlike USER_DATA_PATH whose value the docs do not state
  userDataPath: () => 'internal://files',
  // utf-8 only [D]: the decoded bytes go as an ArrayBuffer
  writeImage(base64: string, _format, target: string, done: Callback<string>): Owned {
    const h = host()
    const fs = h && h.getFileSystemManager && h.getFileSystemManager()
    if (!fs) throw new MissingHostApi('getFileSystemManager')
    fs.writeFile({ filePath: target, data: decodeBase64(base64).buffer, ...callbacks(done, () => target) })
    return target
  },
  // no album permission to turn on [D "不需要scope.writePhotosAlbum权限"]: the page opens, the album is not blocked
  openSetting(done: Callback<boolean>) {
    invoke(
      host(),
      'openSetting',
      callbacks(done, () => true),
    )
  },
}
