import { createCallbackHostAdapter, type CallbackHost } from '../src/core/callback-host'

declare const wx: CallbackHost | undefined

export const weappAdapter = createCallbackHostAdapter({
  platform: 'weapp',
  host: () => (typeof wx === 'undefined' ? undefined : wx),
  scopeKey: 'scope.writePhotosAlbum',
  // device paths, then the devtools' http:// look-alikes (hosts.md §4, §5)
  localPrefixes: ['wxfile://', 'http://tmp/', 'http://usr/'],
  // WeChat rejects a temp file without an image extension ("fail invalid file type"), so we name the file
  downloadsToTarget: true,
  codeFields: ['errno', 'errCode'],
  codes: { 104: 'PRIVACY_NOT_AUTHORIZED', 112: 'PRIVACY_SCOPE_UNDECLARED' },
})
