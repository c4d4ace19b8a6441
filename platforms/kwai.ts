import type { Done, HostAdapter } from '../src/core/adapter'
import {
  hostCallbacks,
  createCallbackHostAdapter,
  invoke,
  readScope,
  type CallbackHost,
  type Options,
} from './kit/callback-host'

// Kuaishou (`ks`; Taro `kwai`, uni mp-kuaishou): docs/en/hosts/kwai.md, on uni's table, real code and third-party
// typings [O]: download first (no network paths), scope.writePhotosAlbum, err.code -10005 "暂不支持该功能".

declare const ks: CallbackHost | undefined

const host = () => (typeof ks === 'undefined' ? undefined : ks)
const SCOPE = 'scope.writePhotosAlbum'

const shared = createCallbackHostAdapter({
  platform: 'kwai',
  host,
  scopeKey: SCOPE,
  // temp files ksfile://temp… [O]
  localPrefixes: ['ksfile://'],
  codeFields: ['code', 'errCode', 'errno'],
  codes: { [-10005]: 'UNSUPPORTED_PLATFORM' },
})

export const adapter: HostAdapter = {
  ...shared,
  recovery: {
    ...shared.recovery,
    // typings in the wild read the settings from `result`, not `authSetting` [O]: either says it
    openSetting(done: Done<boolean>) {
      invoke(
        host(),
        'openSetting',
        hostCallbacks(
          done,
          (res) => readScope(res, SCOPE) || (!!res.result && (res.result as Options)[SCOPE] === true),
        ),
      )
    },
  },
}
