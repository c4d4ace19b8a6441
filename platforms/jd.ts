import { createCallbackHostAdapter, type CallbackHost } from './kit/callback-host'

// JD (`jd`): inferred only. uni's API table marks saveImageToPhotosAlbum supported on mp-jd, the decompiled JD
// engine uses jdfile:// paths [O]; no JD document or real code was found, so this is the WeChat shape [I]
// (docs/en/hosts/jd.md).

declare const jd: CallbackHost | undefined

export const adapter = createCallbackHostAdapter({
  platform: 'jd',
  host: () => (typeof jd === 'undefined' ? undefined : jd),
  scopeKey: 'scope.writePhotosAlbum',
  localPrefixes: ['jdfile://'],
  codeFields: ['errno', 'errCode'],
  codes: {},
})
