import { join } from 'node:path'
import type { PlatformId } from '../core/platform'

/** Build targets of each framework that have an adapter, mapped onto our platform ids. */
const TARGETS = {
  Taro: { weapp: 'weapp', tt: 'tt', alipay: 'alipay', swan: 'swan' },
  'uni-app': { 'mp-weixin': 'weapp', 'mp-toutiao': 'tt', 'mp-alipay': 'alipay', 'mp-baidu': 'swan' },
} as const satisfies Record<string, Record<string, PlatformId>>

export type Framework = keyof typeof TARGETS

export interface PlatformBuild {
  platform: PlatformId
  /** Absolute path of the entry bound to this platform; it holds no other host's adapter. */
  file: string
}

/**
 * The one answer to "which platform file" for both build plugins: the bare `mp-save-image` import
 * is pointed here, so the app, its framework object and every `mp-save-image/<platform>` import share one core.
 */
export function platformBuild(framework: Framework, target: string | undefined, distDir: string): PlatformBuild {
  const targets: Record<string, PlatformId> = TARGETS[framework]
  const platform = target !== undefined && Object.prototype.hasOwnProperty.call(targets, target) ? targets[target] : undefined
  if (!platform) {
    const supported = Object.keys(targets).join(', ')
    throw new Error(`[mp-save-image] ${framework} target "${target ?? '(none)'}" is not supported yet. Supported targets: ${supported}.`)
  }
  return { platform, file: join(distDir, `${platform}.mjs`) }
}
