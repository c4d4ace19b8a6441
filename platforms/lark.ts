import type { HostAdapter } from '../src/core/adapter'
import { createCallbackHostAdapter, versionAtLeast, type CallbackHost } from './kit/callback-host'

// Feishu / Lark mini-programs run on the `tt` global, like Douyin, but with WeChat's album scope: docs/en/hosts/lark.md

declare const tt: CallbackHost | undefined

const host = () => (typeof tt === 'undefined' ? undefined : tt)

const shared = createCallbackHostAdapter({
  platform: 'lark',
  host,
  scopeKey: 'scope.writePhotosAlbum',
  localPrefixes: ['ttfile://'],
  // downloadFile takes a filePath from Feishu 3.43.0: the save needs an image extension, which a CDN URL often lacks;
  // older clients write a ttfile://temp/ file of their own (docs/en/hosts/lark.md#download)
  downloadsToFile: versionAtLeast('version', '3.43.0'),
  // "fail may carry errno" [D]; no code table is published, so the text decides
  codeFields: ['errno', 'errNo', 'errorCode'],
  codes: {},
})

export const adapter: HostAdapter = {
  ...shared,
  // After a refusal Feishu itself opens a dialog pointing to its settings [D]: the guide would be a second one.
  recovery: { ...shared.recovery, guidesItself: true },
}

/** The `tt` global is Feishu's, not Douyin's: `appName` from getSystemInfoSync [D Feishu sample; Lark's value: I]. */
export function isThisHost(): boolean {
  const h = host()
  try {
    return !!h && !!h.getSystemInfoSync && /^(Feishu|Lark)$/i.test(String(h.getSystemInfoSync().appName))
  } catch {
    return false
  }
}
