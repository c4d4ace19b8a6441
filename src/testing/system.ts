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
  const common: HostResult = {
    brand: ios ? 'iPhone' : client === 'devtools' ? 'devtools' : 'HUAWEI',
    model: ios ? 'iPhone 13' : client === 'devtools' ? 'iPhone 6/7/8' : 'NOH-AN00',
    system: ios ? 'iOS 17.5' : 'Android 14',
    platform: client,
    pixelRatio: 3,
    screenWidth: 375,
    screenHeight: 812,
    windowWidth: 375,
    windowHeight: 812,
    statusBarHeight: 44,
    language: 'zh_CN',
    // The OS → host-app photo permission (WeChat/Alipay expose it as albumAuthorized [D typings]).
    albumAuthorized: systemPermission,
  }
  switch (ctx.profile.platform) {
    case 'weapp':
      return { ...common, version: '8.0.50', SDKVersion: '3.5.0' }
    case 'tt':
      return { ...common, appName: 'Douyin', version: '30.0.0', SDKVersion: '3.50.0' }
    case 'alipay':
      return {
        ...common,
        platform: ios ? 'iOS' : client === 'devtools' ? 'devtools' : 'Android',
        app: 'alipay',
        version: '10.6.0',
        language: 'zh-Hans',
      }
    case 'swan':
      return { ...common, host: 'baiduboxapp', version: '13.60.0', SDKVersion: '3.420.0' }
    case 'ascf':
    case 'qq':
    case 'kwai':
    case 'jd':
    case 'xhs':
      return { ...common, version: '1.0.0', SDKVersion: '3.0.0' }
    case 'dd':
      return {
        ...common,
        platform: ios ? 'iOS' : client === 'devtools' ? 'devtools' : 'Android',
        app: 'DingTalk',
        version: '7.6.0',
      }
    case 'app-harmony':
      // uni-getSystemInfo app-harmony [O]
      return { ...common, osName: 'harmonyos', platform: 'harmonyos', uniPlatform: 'app', appVersion: '1.0.0' }
    case 'lark':
      // the doc sample's appName [D]
      return { ...common, appName: 'Feishu', version: '7.30.0', SDKVersion: '3.60.0' }
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
