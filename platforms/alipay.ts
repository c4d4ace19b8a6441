import type { HostAdapter } from '../src/core/adapter'
import { createAlipayAdapter, type AlipayHost } from './kit/alipay-container'

// Alipay (`my`): docs/en/hosts/alipay.md

declare const my: AlipayHost | undefined

export const adapter: HostAdapter = {
  ...createAlipayAdapter(() => (typeof my === 'undefined' ? undefined : my), 'src'),
  platform: 'alipay',
}
