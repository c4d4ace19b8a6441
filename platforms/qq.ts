import { createCallbackHostAdapter, type CallbackHost } from './kit/callback-host'

// QQ (`qq`): a WeChat-shaped host (docs/en/hosts/qq.md; [D] doc mirrors, [O] real code, [I] its failure texts).

declare const qq: CallbackHost | undefined

export const adapter = createCallbackHostAdapter({
  platform: 'qq',
  host: () => (typeof qq === 'undefined' ? undefined : qq),
  scopeKey: 'scope.writePhotosAlbum',
  // USER_DATA_PATH is qqfile://usr [O], temp files qqfile://tmp… [I]
  localPrefixes: ['qqfile://'],
  codeFields: ['errno', 'errCode'],
  codes: {},
})
