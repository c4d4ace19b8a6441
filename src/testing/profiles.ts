import type { Client, GlobalName, SimulatedPlatform } from './types'

const MiB = 1024 * 1024

/** Static facts about one host (hosts.md §2, §4). */
export interface HostProfile {
  platform: SimulatedPlatform
  globalName: GlobalName
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
  /** Other globals naming the same API: DingTalk also answers as `my`, which uni's mp-alipay runtime calls there [F U1] */
  aliases?: readonly GlobalName[]
}

export const PROFILES: Record<SimulatedPlatform, HostProfile> = {
  weapp: { platform: 'weapp', globalName: 'wx', settingScope: 'scope.writePhotosAlbum', openSettingScope: 'scope.writePhotosAlbum', defaultQuota: 10 * MiB, alipayErrors: false, downloadsToFilePath: true, privacyLayer: true },
  // Douyin's album scope is scope.album [D]; user dir quota 50 MB [D] (hosts.md §4).
  // downloadFile takes a filePath from base library 2.42.0; before, the temp file is typed by the Content-Type [D].
  tt: {
    platform: 'tt',
    globalName: 'tt',
    settingScope: 'scope.album',
    openSettingScope: 'scope.album',
    defaultQuota: 50 * MiB,
    alipayErrors: false,
    privacyLayer: true,
    downloadsToFilePath: { field: 'SDKVersion', since: '2.42.0' },
  },
  // Alipay: getSetting says writePhotosAlbum, openSetting says album [D]; writeFile fails with
  // "文件夹超过 50M" [D typings], so the folder quota is 50 MiB (single files: 10 MiB, see fs.ts).
  alipay: { platform: 'alipay', globalName: 'my', settingScope: 'writePhotosAlbum', openSettingScope: 'album', defaultQuota: 50 * MiB, alipayErrors: true, fileLimit: 10 * MiB, overlapBug: true },
  // swan.downloadFile documents a filePath [D swan-docs]
  swan: { platform: 'swan', globalName: 'swan', settingScope: 'scope.writePhotosAlbum', openSettingScope: 'scope.writePhotosAlbum', defaultQuota: 10 * MiB, alipayErrors: false, downloadsToFilePath: true },
  // Feishu / Lark on `tt` (more-hosts.md [D open.feishu.cn]): WeChat's scope key; 200 MB user dir, ≤ 10 MB per write;
  // the save wants an image extension: iOS png/jpg/jpeg/gif, Android adds webp (devtools: as Android [I]).
  lark: {
    platform: 'lark',
    globalName: 'tt',
    settingScope: 'scope.writePhotosAlbum',
    openSettingScope: 'scope.writePhotosAlbum',
    defaultQuota: 200 * MiB,
    alipayErrors: false,
    fileLimit: 10 * MiB,
    saveExtensions: { ios: ['png', 'jpg', 'jpeg', 'gif'], android: ['png', 'jpg', 'jpeg', 'gif', 'webp'], devtools: ['png', 'jpg', 'jpeg', 'gif', 'webp'] },
    guidesAfterDenial: true,
    // downloadFile's filePath from Feishu 3.43.0 [D]; older clients' temp names are undocumented [I]
    downloadsToFilePath: { field: 'version', since: '3.43.0' },
    namesTempFromUrl: true,
  },
  // DingTalk on `dd` (more-hosts.md [D open.dingtalk.com]): the Alipay container's error shape and temp paths;
  // no album scope or settings page; the host toasts the save; USER_DATA_PATH's value and quota are [I].
  // HarmonyOS atomic services on `has` (more-hosts.md [D Huawei ASCF]): no scope, a system confirm per save,
  // writes under internal://files/ as utf-8 or an ArrayBuffer only, downloads to a given filePath; quota [I].
  ascf: {
    platform: 'ascf',
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
  // QQ on `qq` [D doc mirror]: WeChat's scope key, a 10 MB cap on user and cache files; texts [I]
  qq: { platform: 'qq', globalName: 'qq', settingScope: 'scope.writePhotosAlbum', openSettingScope: 'scope.writePhotosAlbum', defaultQuota: 10 * MiB, alipayErrors: false },
  // Kuaishou on `ks` [O]; JD on `jd` [I: the WeChat shape]; Xiaohongshu on `xhs` [F Taro plugin, O]
  kwai: { platform: 'kwai', globalName: 'ks', settingScope: 'scope.writePhotosAlbum', openSettingScope: 'scope.writePhotosAlbum', defaultQuota: 10 * MiB, alipayErrors: false },
  jd: { platform: 'jd', globalName: 'jd', settingScope: 'scope.writePhotosAlbum', openSettingScope: 'scope.writePhotosAlbum', defaultQuota: 10 * MiB, alipayErrors: false },
  xhs: { platform: 'xhs', globalName: 'xhs', settingScope: 'scope.writePhotosAlbum', openSettingScope: 'scope.writePhotosAlbum', defaultQuota: 10 * MiB, alipayErrors: false },
  dd: { platform: 'dd', globalName: 'dd', settingScope: '', openSettingScope: '', defaultQuota: 50 * MiB, alipayErrors: true, noScope: true, noSettingsPage: true, toastsSave: true, aliases: ['my'] },
}

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
