import type { PlatformId } from '../hosts'
import type { Client } from './types'

const MiB = 1024 * 1024

/** Static facts about one host (the #permission and #files sections of docs/en/hosts/<id>.md). */
export interface HostProfile {
  platform: PlatformId
  /** The host global the adapter reads. */
  globalName: string
  /** getSetting / authorize key of the album permission */
  settingScope: string
  /** openSetting result key (Alipay differs from its getSetting key [D]) */
  openSettingScope: string
  defaultQuota: number
  /** Alipay fails payloads as {error, errorMessage}; the others as {errMsg, <code field>} */
  alipayErrors: boolean
  /** Largest single file write, where the host documents one */
  fileLimit?: number
  /** Image extensions the save accepts per client, where the host documents them (else: any, by content) */
  saveExtensions?: Partial<Record<Client, readonly string[]>>
  /** After a refusal the host opens its own dialog pointing to its settings (Feishu [D]) */
  guidesAfterDenial?: boolean
  /** No album scope to grant or refuse (DingTalk, HarmonyOS atomic services) */
  noScope?: boolean
  /** No getSetting, authorize or openSetting (DingTalk: none documented) */
  noSettingsPage?: boolean
  /** Every save opens a system confirm, answered by `prompt` (HarmonyOS atomic services [D]) */
  confirmsEachSave?: boolean
  /** writeFile takes utf-8 text or an ArrayBuffer, never base64 text (HarmonyOS atomic services [D]) */
  utf8Writes?: boolean
  /**
   * downloadFile writes to a `filePath` it is given: every client (WeChat [D typings], HarmonyOS atomic services [D]),
   * or those whose getSystemInfoSync `field` is at least `since` (Douyin's base library 2.42.0, Feishu 3.43.0 [D])
   */
  downloadsToFilePath?: true | { field: 'version' | 'SDKVersion'; since: string }
  /**
   * A download without a `filePath` is named after the URL's path, its extension included or missing, rather than by
   * the response's Content-Type (Feishu: undocumented, so the case its save refuses [I])
   */
  namesTempFromUrl?: boolean
  /** Overlapping saves lose callbacks (Alipay "已知问题" [D]) */
  overlapBug?: boolean
  /** The host toasts a successful save itself, whatever the options (DingTalk [D]) */
  toastsSave?: boolean
  /** A privacy agreement gates the save, with requirePrivacyAuthorize and friends (WeChat 2.32.3, Douyin 3.19.0 [D]) */
  privacyLayer?: boolean
  /** Its file system cannot write base64 images (Xiaohongshu: redengineer/redmini #1344, #1465, #1492 [O]) */
  brokenFileSystem?: boolean
  /**
   * The host's page template language and its tap attribute, as a framework's build writes them (wxml, bindtap);
   * absent where a build is an app's service script, not mini-program pages (HarmonyOS NEXT)
   */
  template?: string
  tapAttr?: string
  /** Its component instances have a read-only triggerEvent, which uni's runtime for it works around (JD) */
  readonlyTriggerEvent?: boolean
  /** saveMediaToPhotosAlbum saves several files in one call, from base library 3.17.2 (WeChat [D]) */
  savesMany?: boolean
  /** openSetting opens only inside a tap (WeChat ≥ 2.3.0 [D]); undocumented elsewhere */
  tapOnlySettings?: boolean
  /** A Canvas 2D node is exported by its toDataURL, its legacy canvasToTempFilePath being unmaintained (Douyin [D]) */
  exportsNodeByDataUrl?: boolean
  /** createOffscreenCanvas({ type: '2d' }) with createImage and toDataURL (WeChat 2.16.1 [D]; toDataURL on it [O]) */
  offscreenCanvas?: boolean
  /**
   * openAppAuthorizeSetting opens the phone's settings for the host app, getAppAuthorizeSetting reads its switches,
   * onAppShow hears the user come back (WeChat 2.20.1 [D])
   */
  opensAppSettings?: boolean
  /** The video containers its save takes, where it documents them (WeChat: mp4 [D]); else any it can tell */
  videoFormats?: readonly string[]
  /** The video save names the path `src` (Alipay [O uni-app's mp-alipay protocol]); else `filePath` */
  videoPathField?: 'src'
  /** The video save is for enterprise accounts only: `account: 'individual'` is refused (Alipay [D]) */
  enterpriseVideo?: true
  /** A web rendition (`web: true`) where the save and openSetting fail (Baidu Web 态 [D]) */
  webRendition?: true
  /** Other globals naming the same API: DingTalk also answers as `my`, which uni's mp-alipay runtime calls there [F U1] */
  aliases?: readonly string[]
}

/** One profile per mini-program host with a simulated twin; its key is the host's platform id. */
export const PROFILES = {
  weapp: {
    platform: 'weapp',
    template: 'wxml',
    tapAttr: 'bindtap',
    globalName: 'wx',
    settingScope: 'scope.writePhotosAlbum',
    openSettingScope: 'scope.writePhotosAlbum',
    defaultQuota: 10 * MiB,
    alipayErrors: false,
    downloadsToFilePath: true,
    privacyLayer: true,
    savesMany: true,
    tapOnlySettings: true,
    offscreenCanvas: true,
    opensAppSettings: true,
    videoFormats: ['mp4'],
  },
  // Douyin's album scope is scope.album [D]; user dir quota 50 MB [D] (docs/en/hosts/tt.md#files).
  // downloadFile takes a filePath from base library 2.42.0; before, the temp file is typed by the Content-Type [D].
  tt: {
    platform: 'tt',
    template: 'ttml',
    tapAttr: 'bindtap',
    globalName: 'tt',
    settingScope: 'scope.album',
    openSettingScope: 'scope.album',
    defaultQuota: 50 * MiB,
    alipayErrors: false,
    privacyLayer: true,
    downloadsToFilePath: { field: 'SDKVersion', since: '2.42.0' },
    exportsNodeByDataUrl: true,
  },
  // Alipay: getSetting says writePhotosAlbum, openSetting says album [D]; writeFile fails with
  // "文件夹超过 50M" [D typings], so the folder quota is 50 MiB (single files: 10 MiB, see fs.ts).
  alipay: {
    platform: 'alipay',
    template: 'axml',
    tapAttr: 'onTap',
    globalName: 'my',
    settingScope: 'writePhotosAlbum',
    openSettingScope: 'album',
    defaultQuota: 50 * MiB,
    alipayErrors: true,
    fileLimit: 10 * MiB,
    overlapBug: true,
    videoPathField: 'src',
    enterpriseVideo: true,
  },
  // swan.downloadFile documents a filePath [D swan-docs]
  swan: {
    platform: 'swan',
    template: 'swan',
    tapAttr: 'bindtap',
    globalName: 'swan',
    settingScope: 'scope.writePhotosAlbum',
    openSettingScope: 'scope.writePhotosAlbum',
    defaultQuota: 10 * MiB,
    alipayErrors: false,
    downloadsToFilePath: true,
    webRendition: true,
  },
  // Feishu / Lark on `tt` (docs/en/hosts/lark.md [D open.feishu.cn]): WeChat's scope key; 200 MB user dir, ≤ 10 MB per write;
  // the save wants an image extension: iOS png/jpg/jpeg/gif, Android adds webp (devtools: as Android [I]).
  lark: {
    platform: 'lark',
    template: 'ttml',
    tapAttr: 'bindtap',
    globalName: 'tt',
    settingScope: 'scope.writePhotosAlbum',
    openSettingScope: 'scope.writePhotosAlbum',
    defaultQuota: 200 * MiB,
    alipayErrors: false,
    fileLimit: 10 * MiB,
    saveExtensions: {
      ios: ['png', 'jpg', 'jpeg', 'gif'],
      android: ['png', 'jpg', 'jpeg', 'gif', 'webp'],
      devtools: ['png', 'jpg', 'jpeg', 'gif', 'webp'],
    },
    guidesAfterDenial: true,
    // downloadFile's filePath from Feishu 3.43.0 [D]; older clients' temp names are undocumented [I]
    downloadsToFilePath: { field: 'version', since: '3.43.0' },
    namesTempFromUrl: true,
  },
  // DingTalk on `dd` (docs/en/hosts/dd.md [D open.dingtalk.com]): the Alipay container's error shape and temp paths;
  // no album scope or settings page; the host toasts the save; USER_DATA_PATH's value and quota are [I].
  // HarmonyOS atomic services on `has` (docs/en/hosts/ascf.md [D Huawei ASCF]): no scope, a system confirm per save,
  // writes under internal://files/ as utf-8 or an ArrayBuffer only, downloads to a given filePath; quota [I].
  ascf: {
    platform: 'ascf',
    template: 'hxml',
    tapAttr: 'bindtap',
    globalName: 'has',
    settingScope: '',
    openSettingScope: '',
    defaultQuota: 200 * MiB,
    alipayErrors: false,
    noScope: true,
    confirmsEachSave: true,
    utf8Writes: true,
    downloadsToFilePath: true,
  },
  // HarmonyOS NEXT through uni-app: `uni`, whose getSystemInfoSync says osName 'harmonyos' (docs/en/hosts/app-harmony.md,
  // [O] uni's own source): no album permission, the system's save dialog per image (cancelled: 1101001), downloads
  // to the filePath given, base64 writes; quota [I].
  'app-harmony': {
    platform: 'app-harmony',
    globalName: 'uni',
    settingScope: '',
    openSettingScope: '',
    defaultQuota: 200 * MiB,
    alipayErrors: false,
    noScope: true,
    noSettingsPage: true,
    confirmsEachSave: true,
    downloadsToFilePath: true,
  },
  // QQ on `qq` [D doc mirror]: WeChat's scope key, a 10 MB cap on user and cache files; texts [I]
  qq: {
    platform: 'qq',
    template: 'qml',
    tapAttr: 'bindtap',
    globalName: 'qq',
    settingScope: 'scope.writePhotosAlbum',
    openSettingScope: 'scope.writePhotosAlbum',
    defaultQuota: 10 * MiB,
    alipayErrors: false,
  },
  // Kuaishou on `ks` [O]; JD on `jd` [I: the WeChat shape]; Xiaohongshu on `xhs` [F Taro plugin, O]
  kwai: {
    platform: 'kwai',
    template: 'ksml',
    tapAttr: 'bindtap',
    globalName: 'ks',
    settingScope: 'scope.writePhotosAlbum',
    openSettingScope: 'scope.writePhotosAlbum',
    defaultQuota: 10 * MiB,
    alipayErrors: false,
  },
  jd: {
    platform: 'jd',
    template: 'jxml',
    tapAttr: 'bindtap',
    readonlyTriggerEvent: true,
    globalName: 'jd',
    settingScope: 'scope.writePhotosAlbum',
    openSettingScope: 'scope.writePhotosAlbum',
    defaultQuota: 10 * MiB,
    alipayErrors: false,
  },
  xhs: {
    platform: 'xhs',
    template: 'xhsml',
    tapAttr: 'bindtap',
    globalName: 'xhs',
    settingScope: 'scope.writePhotosAlbum',
    openSettingScope: 'scope.writePhotosAlbum',
    defaultQuota: 10 * MiB,
    alipayErrors: false,
    brokenFileSystem: true,
  },
  dd: {
    platform: 'dd',
    template: 'axml',
    tapAttr: 'onTap',
    globalName: 'dd',
    settingScope: '',
    openSettingScope: '',
    defaultQuota: 50 * MiB,
    alipayErrors: true,
    noScope: true,
    noSettingsPage: true,
    toastsSave: true,
    aliases: ['my'],
  },
} as const satisfies { [P in PlatformId]?: HostProfile & { platform: P } }

/** The mini-program hosts with a simulated twin (a browser is tested in a real one; the uni-app App: see app.ts). */
export type SimulatedPlatform = keyof typeof PROFILES
/** The globals the simulated hosts install. */
export type GlobalName = (typeof PROFILES)[SimulatedPlatform]['globalName']
/** A simulated host's profile, read as one shape. */
export type SimulatedProfile = HostProfile & { platform: SimulatedPlatform; globalName: GlobalName }

/** The profile of a simulated host. */
export const profileOf = (platform: SimulatedPlatform): SimulatedProfile => PROFILES[platform]

/**
 * A permission the host refuses without asking again: the Alipay container asks again after a plain denial, only
 * "don't ask again" sticks.
 */
export const denied = (platform: SimulatedPlatform): 'denied' | 'denied-forever' =>
  profileOf(platform).alipayErrors ? 'denied-forever' : 'denied'

/** USER_DATA_PATH: WeChat devtools 'http://usr' vs device 'wxfile://usr' [O]; tt [D]; my [D typings]; swan [D]. */
export function userDataPathFor(platform: SimulatedPlatform, client: Client): string {
  switch (platform) {
    case 'weapp':
      return client === 'devtools' ? 'http://usr' : 'wxfile://usr'
    case 'tt':
    case 'lark':
      return 'ttfile://user'
    case 'alipay':
    case 'dd':
      return 'https://usr'
    case 'swan':
      return 'bdfile://usr'
    case 'ascf':
      return 'internal://files'
    case 'app-harmony':
      // the app's sandbox files folder: uni reads it from its native side (plus.io.getEnv() [O]); the value is [I]
      return '/data/storage/el2/base/haps/entry/files'
    case 'qq':
      return 'qqfile://usr'
    case 'kwai':
      return 'ksfile://usr'
    case 'jd':
      return 'jdfile://usr'
    case 'xhs':
      // declared, but reported undefined (redmini #1465) [O]: a path nothing can write to
      return 'xhsfile://usr'
  }
}

/** Temp file path of a download. Alipay names images `.image`, anything else `.other` [D]. */
export function tempPathFor(platform: SimulatedPlatform, client: Client, id: string, ext: string | null): string {
  const suffix = ext ? `.${ext}` : ''
  switch (platform) {
    case 'weapp':
      return client === 'devtools' ? `http://tmp/${id}${suffix}` : `wxfile://tmp_${id}${suffix}`
    case 'tt':
    case 'lark':
      return `ttfile://temp/${id}${suffix}`
    case 'alipay':
    case 'dd':
      return `https://resource/${id}.${ext === null ? 'other' : 'image'}`
    case 'swan':
      return `bdfile://tmp/${id}${suffix}`
    case 'ascf':
      return `internal://tmp/${id}${suffix}`
    case 'app-harmony':
      // uni's downloadFile without a filePath: CACHE_PATH/uni-download/ [O]
      return `/data/storage/el2/base/haps/entry/cache/uni-download/${id}${suffix}`
    case 'qq':
      return `qqfile://tmp_${id}${suffix}`
    case 'kwai':
      return `ksfile://temp/${id}${suffix}`
    case 'jd':
      return `jdfile://tmp_${id}${suffix}`
    case 'xhs':
      return `xhsfile://tmp/${id}${suffix}`
  }
}

const MIME_EXT: Record<string, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/jpg': 'jpg',
  'image/pjpeg': 'jpg',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'image/bmp': 'bmp',
  'image/x-ms-bmp': 'bmp',
  'image/svg+xml': 'svg',
  'video/mp4': 'mp4',
  'video/quicktime': 'mov',
}

/** Extension a host derives from the Content-Type; none for a missing or non-image type. */
export function extensionFor(contentType: string | undefined): string | null {
  if (!contentType) return null
  const mime = contentType.split(';')[0].trim().toLowerCase()
  if (MIME_EXT[mime]) return MIME_EXT[mime]
  const match = /^image\/([a-z0-9]+)$/.exec(mime)
  return match ? match[1] : null
}

/** Image extensions WeChat accepts for saveImageToPhotosAlbum [I: the set is not documented]. */
export const WECHAT_IMAGE_EXTENSIONS = ['png', 'jpg', 'jpeg', 'gif', 'webp', 'bmp']

export function extensionOf(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1)
  const dot = name.lastIndexOf('.')
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : ''
}
