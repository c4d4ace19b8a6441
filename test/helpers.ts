import { alipayAdapter } from '../platforms/alipay'
import { appAdapter } from '../platforms/app'
import { ascfAdapter } from '../platforms/ascf'
import { ddAdapter } from '../platforms/dd'
import { jdAdapter } from '../platforms/jd'
import { kwaiAdapter } from '../platforms/kwai'
import { larkAdapter } from '../platforms/lark'
import { qqAdapter } from '../platforms/qq'
import { swanAdapter } from '../platforms/swan'
import { ttAdapter } from '../platforms/tt'
import { weappAdapter } from '../platforms/weapp'
import { xhsAdapter } from '../platforms/xhs'
import type { HostAdapter } from '../src/core/adapter'
import { createSaveImage } from '../src/core/create'
import type { ImageFormat } from '../src/core/format'
import type { SimulatedPlatform } from '../src/testing'
import { PROFILES, type HostProfile } from '../src/testing/profiles'
import { createAppHost, createHost, fixtures, type AppHostOptions, type HostOptions, type SimulatedAppHost, type SimulatedHost } from '../src/testing'

export const PLATFORMS: SimulatedPlatform[] = ['weapp', 'tt', 'alipay', 'swan', 'lark', 'dd', 'ascf', 'qq', 'kwai', 'xhs', 'jd']
export const ADAPTERS: Record<SimulatedPlatform, HostAdapter> = { weapp: weappAdapter, tt: ttAdapter, alipay: alipayAdapter, swan: swanAdapter, lark: larkAdapter, dd: ddAdapter, ascf: ascfAdapter, qq: qqAdapter, kwai: kwaiAdapter, xhs: xhsAdapter, jd: jdAdapter }

/** Every format the package saves, with its MIME type. */
export const FORMATS: Array<[ImageFormat, string]> = [
  ['png', 'image/png'],
  ['jpeg', 'image/jpeg'],
  ['gif', 'image/gif'],
  ['webp', 'image/webp'],
  ['bmp', 'image/bmp'],
]

export const POSTER_URL = 'https://cdn.example.com/poster.png'
export const JPEG_URL = 'https://cdn.example.com/photo.jpg?size=large'
export const LOCAL_PATH = '/static/poster.png'

/** Every host a test installed; test/setup.ts checks each for leftover files and removes it. */
export const liveHosts: Array<SimulatedHost | SimulatedAppHost> = []

/** A fresh simulated host on the global, and a fresh core bound to its adapter. */
export function setup(platform: SimulatedPlatform, options?: HostOptions) {
  const host = createHost(platform, options).install()
  liveHosts.push(host)
  host.downloads.set(POSTER_URL, { status: 200, body: fixtures.png, contentType: 'image/png' })
  host.downloads.set(JPEG_URL, { status: 200, body: fixtures.jpeg, contentType: 'image/jpeg' })
  host.addFile(LOCAL_PATH, fixtures.png)
  const api = createSaveImage(() => ADAPTERS[platform])
  return { host, api }
}

/** The uni-app App's simulated host (`uni` + `plus`) and a core bound to its adapter; the same images online. */
export function setupApp(options?: AppHostOptions) {
  const host = createAppHost(options).install()
  liveHosts.push(host)
  host.downloads.set(POSTER_URL, { status: 200, body: fixtures.png, contentType: 'image/png' })
  host.downloads.set(JPEG_URL, { status: 200, body: fixtures.jpeg, contentType: 'image/jpeg' })
  host.addFile(LOCAL_PATH, fixtures.png)
  const api = createSaveImage(() => appAdapter)
  return { host, api }
}

/** Settles a promise into a value or the error, for asserting on rejections without try/catch noise. */
export async function outcome<T>(promise: Promise<T>): Promise<{ ok: true; value: T } | { ok: false; error: any }> {
  try {
    return { ok: true, value: await promise }
  } catch (error) {
    return { ok: false, error }
  }
}

/** A permission the host refuses without asking again (a plain Alipay denial prompts again: only "don't ask again" sticks). */
export const denied = (platform: SimulatedPlatform) => (platform === 'alipay' ? 'denied-forever' : 'denied') as 'denied' | 'denied-forever'

// Which hosts behave how, read from the simulator's profiles (src/testing/profiles.ts, with their evidence tags).
const hostsWhere = (has: (profile: HostProfile) => boolean | undefined) => PLATFORMS.filter((platform) => has(PROFILES[platform]))
/** Hosts that answer a refusal with a settings dialog of their own (Feishu [D]): the package shows no guide there. */
export const GUIDES_ITSELF = hostsWhere((profile) => profile.guidesAfterDenial)
/** Hosts of the Alipay container: `{ error, errorMessage }` failures, `confirm`, base64 written by downloading its data URI. */
export const inAlipayContainer = (platform: SimulatedPlatform) => PROFILES[platform].alipayErrors
/** Hosts with no album scope (DingTalk, HarmonyOS): no AUTH_DENIED, no guide. */
export const NO_SCOPE = hostsWhere((profile) => profile.noScope)
/** Hosts without a settings page (DingTalk): openAlbumSetting rejects UNSUPPORTED_PLATFORM. */
export const NO_SETTINGS_PAGE = hostsWhere((profile) => profile.noSettingsPage)
/** Hosts that cannot write base64 images to files (Xiaohongshu [O]): data URI and base64 sources reject UNSUPPORTED_PLATFORM. */
export const NO_BASE64: readonly SimulatedPlatform[] = ['xhs']
/** Formats a host's save refuses by extension (Feishu on phones: png/jpg/jpeg/gif, Android also webp [D]). */
export const REFUSED_FORMATS: Partial<Record<SimulatedPlatform, readonly string[]>> = { lark: ['bmp'] }

export const saves = (host: SimulatedHost) => host.count('saveImageToPhotosAlbum') + host.count('saveImage')
export const modals = (host: Pick<SimulatedHost, 'ui'>) => host.ui.filter((event) => event.type === 'modal')
