import type { HostAdapter } from '../src/core/adapter'
import { createAlipayAdapter, type AlipayHost } from './alipay-container'

declare const my: AlipayHost | undefined

export const alipayAdapter: HostAdapter = { ...createAlipayAdapter(() => (typeof my === 'undefined' ? undefined : my)), platform: 'alipay' }
