import type { HostAdapter } from '../src/core/adapter'
import { decodeBase64 } from '../src/core/base64'
import { always, createCallbackHostAdapter, type CallbackHost } from './kit/callback-host'

// HarmonyOS atomic services (ASCF, the `has` global; uni mp-harmony, Taro ascf): docs/en/hosts/ascf.md, [D] Huawei
// ASCF docs. Every save opens a system confirm and needs no scope; paths are internal://{tmp,cache,files}/; writeFile
// takes utf-8 text only, and writes only under internal://files/ or internal://cache/.

declare const has: CallbackHost | undefined

const host = () => (typeof has === 'undefined' ? undefined : has)

const shared = createCallbackHostAdapter({
  platform: 'ascf',
  host,
  localPrefixes: ['internal://'],
  // downloadFile takes a filePath under internal://files/ [D]: our own, named file
  downloadsToFile: always,
  // no scopeKey: no album permission to turn on [D "不需要scope.writePhotosAlbum权限"]
  // writeFile takes utf-8 only [D]: the decoded bytes go as an ArrayBuffer
  writeData: (base64) => ({ data: decodeBase64(base64).buffer }),
  codeFields: ['errCode', 'errno', 'code'],
  codes: {},
})

export const adapter: HostAdapter = {
  ...shared,
  // writable, unlike USER_DATA_PATH whose value the docs do not state
  files: { ...shared.files, userDataPath: () => 'internal://files' },
}
