import { createCallbackHostAdapter, type CallbackHost } from '../src/core/callback-host'

declare const tt: CallbackHost | undefined

export const ttAdapter = createCallbackHostAdapter({
  platform: 'tt',
  host: () => (typeof tt === 'undefined' ? undefined : tt),
  scopeKey: 'scope.album',
  localPrefixes: ['ttfile://'],
  // tt.downloadFile takes no filePath (typings): it always writes a host temp file
  downloadsToTarget: false,
  // the mini-app doc names the field errNo, the newer doc errorCode
  codeFields: ['errNo', 'errorCode', 'errno'],
  codes: {
    10201: 'PRIVACY_NOT_AUTHORIZED',
    10202: 'PRIVACY_SCOPE_UNDECLARED',
    112089: 'SYSTEM_PERMISSION_DENIED',
    112090: 'AUTH_DENIED',
  },
})
