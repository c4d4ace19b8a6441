import type { HostContext } from './context'
import type { HostResult } from './types'

/** A plausible getSystemInfoSync() for framework runtimes; read live from the state. */
export function systemInfo(ctx: HostContext): HostResult {
  const info = defaultSystemInfo(ctx)
  const { version, sdkVersion } = ctx.state
  return { ...info, ...(version && { version }), ...(sdkVersion && { SDKVersion: sdkVersion }) }
}

function defaultSystemInfo(ctx: HostContext): HostResult {
  const { client, systemPermission } = ctx.state
  const ios = client === 'ios'
  const { profile } = ctx
  return {
    brand: ios ? 'iPhone' : client === 'devtools' ? 'devtools' : 'HUAWEI',
    model: ios ? 'iPhone 13' : client === 'devtools' ? 'iPhone 6/7/8' : 'NOH-AN00',
    system: ios ? 'iOS 17.5' : 'Android 14',
    platform: (profile.platformNames && profile.platformNames[client]) || client,
    pixelRatio: 3,
    screenWidth: 375,
    screenHeight: 812,
    windowWidth: 375,
    windowHeight: 812,
    statusBarHeight: 44,
    language: 'zh_CN',
    // The OS → host-app photo permission (WeChat/Alipay expose it as albumAuthorized [D typings]).
    albumAuthorized: systemPermission,
    ...profile.systemInfo,
  }
}

/** Whether the client reports `field` (its app `version`, or its base library `SDKVersion`) at least `min`. */
export function reportsAtLeast(ctx: HostContext, field: 'version' | 'SDKVersion', min: string): boolean {
  const parts = (version: unknown) =>
    String(version)
      .split('.')
      .map((part) => parseInt(part, 10) || 0)
  const have = parts(systemInfo(ctx)[field])
  const want = parts(min)
  for (let i = 0; i < want.length; i++) if ((have[i] || 0) !== want[i]) return (have[i] || 0) > want[i]!
  return true
}
