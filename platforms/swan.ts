import { always, createCallbackHostAdapter, type CallbackHost } from './kit/callback-host'

declare const swan: CallbackHost | undefined

// Baidu (`swan`): docs/en/hosts/swan.md
export const adapter = createCallbackHostAdapter({
  platform: 'swan',
  host: () => (typeof swan === 'undefined' ? undefined : swan),
  scopeKey: 'scope.writePhotosAlbum',
  localPrefixes: ['bdfile://'],
  // swan.downloadFile takes a filePath (its docs' example: bdfile://usr/…), so the file gets the image's extension
  downloadsToFile: always,
  codeFields: ['errCode', 'errno'],
  codes: {
    10003: 'AUTH_DENIED',
    10005: 'SYSTEM_PERMISSION_DENIED',
    1001: 'UNSUPPORTED_PLATFORM',
  },
})
