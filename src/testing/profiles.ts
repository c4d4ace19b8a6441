import type { PlatformId } from '../hosts'
import type { Client, HostEnv, HostResult, HostState } from './types'

const MiB = 1024 * 1024

/** Static facts about one host (the #permission and #files sections of docs/en/hosts/<id>.md). */
export interface HostProfile {
  platform: PlatformId
  /** The host global the adapter reads. */
  globalName: string
  /** getSetting / authorize key of the album permission */
  scopeKey: string
  /** openSetting result key (Alipay differs from its getSetting key [D]) */
  openSettingScopeKey: string
  /** USER_DATA_PATH as this client reports it */
  userDataPath(client: Client): string
  /** The temp file path of download `id`; `ext` null: the response named no image type */
  tempPath(client: Client, id: string, ext: string | null): string
  /** What getSystemInfoSync() says of the host itself (its app, version and base library), besides the device */
  systemInfo: Readonly<Record<string, unknown>>
  /** getSystemInfoSync()'s `platform` where it is not the client's own name (the Alipay container: 'iOS', 'Android') */
  platformNames?: Partial<Record<Client, string>>
  /** Fields of `env` besides USER_DATA_PATH */
  env?: Omit<HostEnv, 'USER_DATA_PATH'>
  /** The album permission refused; `fresh`: the user just refused in the prompt (vs. an earlier refusal) */
  authDenied(api: string, fresh: boolean, state: HostState): HostResult
  /** The OS denies the host app photo access */
  systemDenied(api: string, state: HostState): HostResult
  /** The save's file does not exist */
  fileNotFound(api: string): HostResult
  /**
   * Privacy refusals carry these codes (not agreed, undeclared) in the client's error field (Douyin [D]); else WeChat's
   * errno 104 and 112
   */
  privacyCodes?: readonly [number, number]
  /** A video container the save refuses has its own code and text (Douyin 119802 [D]); else it is an image's refusal */
  videoFormatRefusal?: { code: number; text: string }
  /** File system failures carry the FileError code as errCode (WeChat [D typings]) */
  fsErrCodes?: true
  defaultQuota: number
  /** Alipay fails payloads as {error, errorMessage}; the others as {errMsg, <code field>} */
  alipayErrors: boolean
  /** Largest single file write, where the host documents one */
  fileLimit?: number
  /** Image extensions the save accepts per client, where the host documents them (else: any, by content) */
  saveExtensions?: Partial<Record<Client, readonly string[]>>
  /** After a refusal the host opens its own dialog pointing to its settings (Feishu [D]) */
  guidesItself?: boolean
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
  downloadsToFile?: true | { field: 'version' | 'SDKVersion'; since: string }
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
  /**
   * Its file system cannot write base64 images: the write throws "window is not defined" (Xiaohongshu:
   * redengineer/redmini #1344, #1465, #1492 [O])
   */
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
  saveMany?: boolean
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

/** Image extensions WeChat accepts for saveImageToPhotosAlbum [I: the set is not documented]. */
export const WECHAT_IMAGE_EXTENSIONS = ['png', 'jpg', 'jpeg', 'gif', 'webp', 'bmp']

export const VIDEO_SAVE = 'saveVideoToPhotosAlbum'

/** Alipay's failure shape: `{ error, errorMessage }` [D typings]. */
export const alipay = (error: number, errorMessage: string): HostResult => ({ error, errorMessage })
/** Alipay 17 "保存图片过程中的其他错误" [D]: bad filePath, missing file, non-image content. */
export const alipaySaveFailed = (): HostResult => alipay(17, '保存图片过程中的其他错误')

/** Alipay's refusals: 2001 [D saveImage doc], 2003 refused with "不再询问", 2002 every call after [D]; texts of 2002/2003 [I]. */
export const ALIPAY_DENIALS = {
  2001: '用户拒绝给小程序授权',
  2002: '用户已拒绝授权且不再询问',
  2003: '用户拒绝授权并勾选不再询问',
}

const errMsg = (text: string): HostResult => ({ errMsg: text })

/** The Alipay container's refusals and paths (Alipay, and DingTalk which shares it [D]). */
const ALIPAY_CONTAINER = {
  authDenied: () => alipay(2001, ALIPAY_DENIALS[2001]),
  // DingTalk: dd.saveImage error 15 "iOS album permission off" [D]
  systemDenied: () => alipay(15, '没有开启相册权限(ios only)'),
  fileNotFound: alipaySaveFailed,
  userDataPath: () => 'https://usr',
  // images are named `.image`, anything else `.other` [D]
  tempPath: (_client: Client, id: string, ext: string | null) =>
    `https://resource/${id}.${ext === null ? 'other' : 'image'}`,
  platformNames: { ios: 'iOS', android: 'Android' },
} satisfies Partial<HostProfile>
/** The hosts whose getSystemInfoSync documents no particular versions: plausible ones [I]. */
const SOME_VERSIONS = { version: '1.0.0', SDKVersion: '3.0.0' }

/** Paths of a host whose user files are `<scheme>://usr` and temp files `<scheme>://<temp><id>.<ext>`. */
const schemePaths = (userData: string, temp: string) => ({
  userDataPath: () => userData,
  tempPath: (_client: Client, id: string, ext: string | null) => `${temp}${id}${ext ? `.${ext}` : ''}`,
})

/**
 * WeChat's refusal by client [O]: devtools "fail auth deny"; Android "fail:auth denied" (authorize: "fail:auth deny");
 * iOS "fail auth deny", then "fail authorize no response" on later calls.
 */
function wechatDenial(api: string, fresh: boolean, state: HostState): HostResult {
  if (state.client === 'android')
    return errMsg(api === 'authorize' ? 'authorize:fail:auth deny' : `${api}:fail:auth denied`)
  return errMsg(state.client === 'ios' && !fresh ? `${api}:fail authorize no response` : `${api}:fail auth deny`)
}

/**
 * What a host that publishes none of its texts answers: WeChat's devtools texts [I] (docs/en/hosts/index.md). A
 * profile says where its host differs.
 */
const WECHAT_TEXTS = {
  authDenied: (api: string) => errMsg(`${api}:fail auth deny`),
  systemDenied: (api: string) => errMsg(`${api}:fail system permission denied`),
  fileNotFound: (api: string) => errMsg(`${api}:fail file not found`),
}
const fileNotExists = (api: string) => errMsg(`${api}:fail file not exists`)

/** One profile per mini-program host with a simulated twin; its key is the host's platform id. */
export const PROFILES = {
  weapp: {
    platform: 'weapp',
    template: 'wxml',
    tapAttr: 'bindtap',
    globalName: 'wx',
    scopeKey: 'scope.writePhotosAlbum',
    openSettingScopeKey: 'scope.writePhotosAlbum',
    defaultQuota: 10 * MiB,
    alipayErrors: false,
    downloadsToFile: true,
    privacyLayer: true,
    saveMany: true,
    tapOnlySettings: true,
    offscreenCanvas: true,
    opensAppSettings: true,
    videoFormats: ['mp4'],
    ...WECHAT_TEXTS,
    authDenied: wechatDenial,
    systemDenied: (api) => errMsg(`${api}:fail:system permission denied`),
    // WeChat devtools 'http://usr' vs device 'wxfile://usr' [O]
    userDataPath: (client) => (client === 'devtools' ? 'http://usr' : 'wxfile://usr'),
    tempPath: (client, id, ext) =>
      `${client === 'devtools' ? 'http://tmp/' : 'wxfile://tmp_'}${id}${ext ? `.${ext}` : ''}`,
    // the save refuses a file without an image extension, e.g. an extensionless downloadFile temp file [O]
    saveExtensions: {
      ios: WECHAT_IMAGE_EXTENSIONS,
      android: WECHAT_IMAGE_EXTENSIONS,
      devtools: WECHAT_IMAGE_EXTENSIONS,
    },
    fsErrCodes: true,
    systemInfo: { version: '8.0.50', SDKVersion: '3.5.0' },
  },
  // Douyin's album scope is scope.album [D]; user dir quota 50 MB [D] (docs/en/hosts/tt.md#files).
  // downloadFile takes a filePath from base library 2.42.0; before, the temp file is typed by the Content-Type [D].
  tt: {
    platform: 'tt',
    template: 'ttml',
    tapAttr: 'bindtap',
    globalName: 'tt',
    scopeKey: 'scope.album',
    openSettingScopeKey: 'scope.album',
    defaultQuota: 50 * MiB,
    alipayErrors: false,
    privacyLayer: true,
    downloadsToFile: { field: 'SDKVersion', since: '2.42.0' },
    exportsNodeByDataUrl: true,
    ...schemePaths('ttfile://user', 'ttfile://temp/'),
    env: { VERSION: 'production' },
    // 112090 [D]; the video save has its own code, 119890 [D]
    authDenied: (api, _fresh, state) => ({
      errMsg: `${api}:fail auth deny`,
      [state.errorField]: api === VIDEO_SAVE ? 119890 : 112090,
    }),
    // completes the truncated "system auth de…" [I]
    systemDenied: (api, state) => ({ errMsg: `${api}:fail system auth deny`, [state.errorField]: 112089 }),
    fileNotFound: fileNotExists,
    privacyCodes: [10201, 10202],
    videoFormatRefusal: { code: 119802, text: "can't support this video format" },
    systemInfo: { appName: 'Douyin', version: '30.0.0', SDKVersion: '3.50.0' },
  },
  // Alipay: getSetting says writePhotosAlbum, openSetting says album [D]; writeFile fails with
  // "文件夹超过 50M" [D typings], so the folder quota is 50 MiB (single files: 10 MiB, see fs.ts).
  alipay: {
    platform: 'alipay',
    template: 'axml',
    tapAttr: 'onTap',
    globalName: 'my',
    scopeKey: 'writePhotosAlbum',
    openSettingScopeKey: 'album',
    defaultQuota: 50 * MiB,
    alipayErrors: true,
    fileLimit: 10 * MiB,
    overlapBug: true,
    videoPathField: 'src',
    enterpriseVideo: true,
    ...ALIPAY_CONTAINER,
    env: { clientName: 'ap', clientVersion: '10.6.0', language: 'zh-Hans' },
    systemInfo: { app: 'alipay', version: '10.6.0', language: 'zh-Hans' },
  },
  // swan.downloadFile documents a filePath [D swan-docs]
  swan: {
    platform: 'swan',
    template: 'swan',
    tapAttr: 'bindtap',
    globalName: 'swan',
    scopeKey: 'scope.writePhotosAlbum',
    openSettingScopeKey: 'scope.writePhotosAlbum',
    defaultQuota: 10 * MiB,
    alipayErrors: false,
    downloadsToFile: true,
    webRendition: true,
    ...WECHAT_TEXTS,
    ...schemePaths('bdfile://usr', 'bdfile://tmp/'),
    // errCode 10003 "user deny" [D authorize list], 10005 "system deny" [D]; the errMsg wordings [I]
    authDenied: (api) => ({ errCode: 10003, errMsg: `${api}:fail user deny` }),
    systemDenied: (api) => ({ errCode: 10005, errMsg: `${api}:fail system deny` }),
    fileNotFound: (api) => errMsg(`${api}:fail get file data fail`),
    systemInfo: { host: 'baiduboxapp', version: '13.60.0', SDKVersion: '3.420.0' },
  },
  // Feishu / Lark on `tt` (docs/en/hosts/lark.md [D open.feishu.cn]): WeChat's scope key; 200 MB user dir, ≤ 10 MB per write;
  // the save wants an image extension: iOS png/jpg/jpeg/gif, Android adds webp (devtools: as Android [I]).
  lark: {
    platform: 'lark',
    template: 'ttml',
    tapAttr: 'bindtap',
    globalName: 'tt',
    scopeKey: 'scope.writePhotosAlbum',
    openSettingScopeKey: 'scope.writePhotosAlbum',
    defaultQuota: 200 * MiB,
    alipayErrors: false,
    fileLimit: 10 * MiB,
    saveExtensions: {
      ios: ['png', 'jpg', 'jpeg', 'gif'],
      android: ['png', 'jpg', 'jpeg', 'gif', 'webp'],
      devtools: ['png', 'jpg', 'jpeg', 'gif', 'webp'],
    },
    guidesItself: true,
    // downloadFile's filePath from Feishu 3.43.0 [D]; older clients' temp names are undocumented [I]
    downloadsToFile: { field: 'version', since: '3.43.0' },
    namesTempFromUrl: true,
    ...WECHAT_TEXTS,
    ...schemePaths('ttfile://user', 'ttfile://temp/'),
    fileNotFound: fileNotExists,
    // the doc sample's appName [D]
    systemInfo: { appName: 'Feishu', version: '7.30.0', SDKVersion: '3.60.0' },
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
    scopeKey: '',
    openSettingScopeKey: '',
    defaultQuota: 200 * MiB,
    alipayErrors: false,
    noScope: true,
    confirmsEachSave: true,
    utf8Writes: true,
    downloadsToFile: true,
    ...WECHAT_TEXTS,
    ...schemePaths('internal://files', 'internal://tmp/'),
    // no scope: the refusal is the system confirm's cancel [I text]
    authDenied: (api) => errMsg(`${api}:fail cancel`),
    fileNotFound: fileNotExists,
    systemInfo: SOME_VERSIONS,
  },
  // HarmonyOS NEXT through uni-app: `uni`, whose getSystemInfoSync says osName 'harmonyos' (docs/en/hosts/app-harmony.md,
  // [O] uni's own source): no album permission, the system's save dialog per image (cancelled: 1101001), downloads
  // to the filePath given, base64 writes; quota [I].
  'app-harmony': {
    platform: 'app-harmony',
    globalName: 'uni',
    scopeKey: '',
    openSettingScopeKey: '',
    defaultQuota: 200 * MiB,
    alipayErrors: false,
    noScope: true,
    noSettingsPage: true,
    confirmsEachSave: true,
    downloadsToFile: true,
    // the app's sandbox files folder: uni reads it from its native side (plus.io.getEnv() [O]); the value is [I];
    // downloads without a filePath go to CACHE_PATH/uni-download/ [O]
    ...schemePaths('/data/storage/el2/base/haps/entry/files', '/data/storage/el2/base/haps/entry/cache/uni-download/'),
    // the save dialog closed without a URI: uni-media's 1101001 "user cancel"; 1101005 "No Permission" [O]
    authDenied: (api) => ({ errCode: 1101001, errMsg: `${api}:fail user cancel` }),
    systemDenied: (api) => ({ errCode: 1101005, errMsg: `${api}:fail No Permission` }),
    // the exception of opening a missing file, its message passed on without a code [O uni; the text: ohos fs 13900002]
    fileNotFound: (api) => errMsg(`${api}:fail No such file or directory`),
    // uni-getSystemInfo app-harmony [O]
    systemInfo: { osName: 'harmonyos', platform: 'harmonyos', uniPlatform: 'app', appVersion: '1.0.0' },
  },
  // QQ on `qq` [D doc mirror]: WeChat's scope key, a 10 MB cap on user and cache files; texts [I]
  qq: {
    platform: 'qq',
    template: 'qml',
    tapAttr: 'bindtap',
    globalName: 'qq',
    scopeKey: 'scope.writePhotosAlbum',
    openSettingScopeKey: 'scope.writePhotosAlbum',
    defaultQuota: 10 * MiB,
    alipayErrors: false,
    ...WECHAT_TEXTS,
    ...schemePaths('qqfile://usr', 'qqfile://tmp_'),
    systemInfo: SOME_VERSIONS,
  },
  // Kuaishou on `ks` [O]; JD on `jd` [I: the WeChat shape]; Xiaohongshu on `xhs` [F Taro plugin, O]
  kwai: {
    platform: 'kwai',
    template: 'ksml',
    tapAttr: 'bindtap',
    globalName: 'ks',
    scopeKey: 'scope.writePhotosAlbum',
    openSettingScopeKey: 'scope.writePhotosAlbum',
    defaultQuota: 10 * MiB,
    alipayErrors: false,
    ...WECHAT_TEXTS,
    ...schemePaths('ksfile://usr', 'ksfile://temp/'),
    fileNotFound: fileNotExists,
    systemInfo: SOME_VERSIONS,
  },
  jd: {
    platform: 'jd',
    template: 'jxml',
    tapAttr: 'bindtap',
    readonlyTriggerEvent: true,
    globalName: 'jd',
    scopeKey: 'scope.writePhotosAlbum',
    openSettingScopeKey: 'scope.writePhotosAlbum',
    defaultQuota: 10 * MiB,
    alipayErrors: false,
    ...WECHAT_TEXTS,
    ...schemePaths('jdfile://usr', 'jdfile://tmp_'),
    systemInfo: SOME_VERSIONS,
  },
  xhs: {
    platform: 'xhs',
    template: 'xhsml',
    tapAttr: 'bindtap',
    globalName: 'xhs',
    scopeKey: 'scope.writePhotosAlbum',
    openSettingScopeKey: 'scope.writePhotosAlbum',
    defaultQuota: 10 * MiB,
    alipayErrors: false,
    brokenFileSystem: true,
    ...WECHAT_TEXTS,
    // USER_DATA_PATH is declared, but reported undefined (redmini #1465) [O]: a path nothing can write to
    ...schemePaths('xhsfile://usr', 'xhsfile://tmp/'),
    // redmini #1630 [O]
    authDenied: (api) => ({ code: 15, errMsg: `${api} fail: call function: '${api}'，小程序请求写入相册被拒绝` }),
    fileNotFound: fileNotExists,
    systemInfo: SOME_VERSIONS,
  },
  dd: {
    platform: 'dd',
    template: 'axml',
    tapAttr: 'onTap',
    globalName: 'dd',
    scopeKey: '',
    openSettingScopeKey: '',
    defaultQuota: 50 * MiB,
    alipayErrors: true,
    noScope: true,
    noSettingsPage: true,
    toastsSave: true,
    aliases: ['my'],
    ...ALIPAY_CONTAINER,
    systemInfo: { app: 'DingTalk', version: '7.6.0' },
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

export function extensionOf(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1)
  const dot = name.lastIndexOf('.')
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : ''
}
