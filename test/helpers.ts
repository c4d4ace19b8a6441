import type { HostAdapter, PlatformModule } from '../src/core/adapter'
import { createSaveImage, findHost } from '../src/core/api'
import type { ImageFormat } from '../src/core/format'
import { HOSTS, type PlatformId } from '../src/hosts'
import { PROFILES, profileOf, type HostProfile, type SimulatedPlatform } from '../src/testing/profiles'
import {
  createAppHost,
  createHost,
  fixtures,
  type AppHostOptions,
  type HostOptions,
  type SimulatedAppHost,
  type SimulatedHost,
} from '../src/testing'

// Every host comes from the host table (src/hosts.ts), its adapter from its module, its behaviour from the
// simulator's profile: no test lists hosts by hand.

const modules = import.meta.glob<PlatformModule>('../platforms/**/*.ts', { eager: true })

/** The platform module of a host of the table: its adapter, and what else it exports. */
export function moduleOf(platform: PlatformId): PlatformModule {
  const host = HOSTS.find((row) => row.id === platform)
  const module = host && modules[`../platforms/${host.adapter}.ts`]
  if (!module) throw new Error(`no adapter module for ${platform}`)
  return module
}

/** The adapter of a host of the table. */
export const adapterOf = (platform: PlatformId): HostAdapter => moduleOf(platform).adapter

/** The hosts with a simulated mini-program twin, in the table's order. */
export const PLATFORMS: SimulatedPlatform[] = HOSTS.flatMap((host) =>
  host.id in PROFILES ? [host.id as SimulatedPlatform] : [],
)

/** The universal build's three functions: every adapter of the table, the host found at call time in its order. */
export const universal = () => createSaveImage(findHost(HOSTS.map((host) => moduleOf(host.id))))

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
  const api = createSaveImage(() => adapterOf(platform))
  return { host, api }
}

/** The uni-app App's simulated host (`uni` + `plus`) and a core bound to its adapter; the same images online. */
export function setupApp(options?: AppHostOptions) {
  const host = createAppHost(options).install()
  liveHosts.push(host)
  host.downloads.set(POSTER_URL, { status: 200, body: fixtures.png, contentType: 'image/png' })
  host.downloads.set(JPEG_URL, { status: 200, body: fixtures.jpeg, contentType: 'image/jpeg' })
  host.addFile(LOCAL_PATH, fixtures.png)
  const api = createSaveImage(() => adapterOf('app'))
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

export { denied } from '../src/testing/profiles'

// Which hosts behave how, read from the simulator's profiles (src/testing/profiles.ts, with their evidence tags).
const hostsWhere = (has: (profile: HostProfile) => boolean | undefined) =>
  PLATFORMS.filter((platform) => has(profileOf(platform) as HostProfile))
/** Hosts that answer a refusal with a settings dialog of their own (Feishu [D]): the package shows no guide there. */
export const GUIDES_ITSELF = hostsWhere((profile) => profile.guidesItself)
/** Hosts of the Alipay container: `{ error, errorMessage }` failures, `confirm`, base64 written by downloading its data URI. */
export const inAlipayContainer = (platform: SimulatedPlatform) => profileOf(platform).alipayErrors
/** Hosts that save several files in one call (WeChat ≥ 3.17.2 saveMediaToPhotosAlbum). */
export const SAVES_MANY = hostsWhere((profile) => profile.saveMany)
/** Hosts with a privacy agreement gating the save (WeChat, Douyin). */
export const PRIVACY = hostsWhere((profile) => profile.privacyLayer)
/** Hosts with no album scope (DingTalk, HarmonyOS): no AUTH_DENIED, no guide. */
export const NO_SCOPE = hostsWhere((profile) => profile.noScope)
/** Hosts without a settings page (DingTalk): openAlbumSetting rejects UNSUPPORTED_PLATFORM. */
export const NO_SETTINGS_PAGE = hostsWhere((profile) => profile.noSettingsPage)
/** Hosts that cannot write base64 images to files (Xiaohongshu [O]): data URI and base64 sources reject UNSUPPORTED_PLATFORM. */
export const NO_BASE64 = hostsWhere((profile) => profile.brokenFileSystem)
/** Formats a host's save refuses by extension (Feishu on phones: png/jpg/jpeg/gif, Android also webp [D]). */
export const refusedFormats = (platform: SimulatedPlatform): ImageFormat[] => {
  const accepted = (profileOf(platform) as HostProfile).saveExtensions?.android
  return accepted
    ? FORMATS.map(([format]) => format).filter((format) => accepted.indexOf(format === 'jpeg' ? 'jpg' : format) < 0)
    : []
}

export const saves = (host: SimulatedHost) => host.count('saveImageToPhotosAlbum') + host.count('saveImage')
export const modals = (host: Pick<SimulatedHost, 'ui'>) => host.ui.filter((event) => event.type === 'modal')
