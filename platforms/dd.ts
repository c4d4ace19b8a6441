import type { HostAdapter } from '../src/core/adapter'
import { createAlipayAdapter, type AlipayHost } from './kit/alipay-container'

// DingTalk mini-programs (`dd`) run in the Alipay container (docs/en/hosts/dd.md): dd.saveImageToPhotosAlbum from
// client 7.0.0, else dd.saveImage({ url }); downloadFile answers `filePath`; errors 2 / 3 / 15 (iOS album
// permission off) / 16 (iOS storage full) / 17; no album scope and no settings page. Alipay's adapter already
// reads `filePath` and falls back to saveImage where canIUse says so.

declare const dd: AlipayHost | undefined

export const adapter: HostAdapter = {
  ...createAlipayAdapter(() => (typeof dd === 'undefined' ? undefined : dd), 'filePath'),
  platform: 'dd',
}
