import type { SimulatedCanvasNode } from './canvas'
import type { GlobalName, SimulatedPlatform } from './profiles'

export type { GlobalName, SimulatedPlatform }

/** The image formats an album keeps. */
export type ImageFormat = 'png' | 'jpeg' | 'gif' | 'webp' | 'bmp'
/** The video containers an album keeps: MP4 (every host), QuickTime MOV (not WeChat, which documents mp4). */
export type VideoFormat = 'mp4' | 'mov'

/** Where the mini-program runs: it decides WeChat's denial strings and paths (docs/en/hosts/weapp.md#errors, #quirks). */
export type Client = 'devtools' | 'android' | 'ios'
/** Album permission of the mini-program. A scope key is absent from getSetting until asked. */
export type Permission = 'not-asked' | 'granted' | 'denied' | 'denied-forever'
/** WeChat / Douyin privacy agreement state (docs/en/guide/privacy.md). */
export type Privacy = 'agreed' | 'not-agreed' | 'undeclared'
/** The user's answer to the host's own first-time album prompt. */
export type PromptAnswer = 'allow' | 'deny' | 'deny-forever'
/** The user's answer to every modal: true from a function means "confirm". */
export type ModalAnswer = 'confirm' | 'cancel' | ((ui: ModalEvent) => boolean)
/** What the user does on the settings page. */
export type SettingsAction = 'enable' | 'keep'

/** A canned server response for `downloadFile`, keyed by exact URL in `host.downloads`. */
export interface DownloadResponse {
  /** default 200 */
  status?: number
  /** default: empty */
  body?: Uint8Array
  /** e.g. 'image/png'; names the temp file's extension (Alipay: `.image` vs `.other`) */
  contentType?: string
  /** ms before the callback, on top of `latency` */
  delay?: number
  /** raw fail payload instead of a response */
  fail?: Record<string, unknown>
  /** never calls back (a task's abort() still fails it) */
  hang?: boolean
  /** progress events the download task sends over `delay`, default 2 */
  progressSteps?: number
  /** the server sends no Content-Length: progress events report a total of 0 */
  unknownLength?: boolean
  /** the Content-Length the server announces, default the body's (a large file without its bytes in memory) */
  contentLength?: number
}

export type Fault =
  | { kind: 'hang' }
  | { kind: 'throw'; error?: unknown }
  | { kind: 'fail'; payload: Record<string, unknown> }
  | { kind: 'delay'; ms: number }

export interface HostOptions {
  /** default 'android'; WeChat denial strings and paths depend on it (devtools: 'http://usr', 'http://tmp/…') */
  client?: Client
  /** album permission of the mini-program, default 'not-asked' */
  permission?: Permission
  /** answer to the host's own first-time album prompt, default 'allow' */
  prompt?: PromptAnswer
  /** the OS grants the host app photo access, default true */
  systemPermission?: boolean
  /** wx and tt only, default 'agreed' */
  privacy?: Privacy
  /** wx and tt only: the user's answer to the privacy popup requirePrivacyAuthorize opens without an app listener, default 'agree' */
  privacyAnswer?: 'agree' | 'disagree'
  /** wx only: the base library has saveMediaToPhotosAlbum (≥ 3.17.2), default true */
  saveMedia?: boolean
  /** answer to showModal / confirm, default 'confirm' */
  modal?: ModalAnswer
  /** what the user does on the settings page, default 'enable' */
  settings?: SettingsAction
  /** ms before every async callback, default 0 */
  latency?: number
  /** bytes under USER_DATA_PATH: default 10 MiB on wx/swan, 50 MiB on tt and Alipay (Alipay also caps one file at 10 MiB) */
  userDataQuota?: number
  /** Alipay only, default true; false = an old client with only the legacy saveImage */
  canIUseSaveImageToPhotosAlbum?: boolean
  /** openSetting only inside a tap; default true on weapp, false elsewhere */
  gestureRequired?: boolean
  /** Baidu Web 态: the save and openSetting fail */
  web?: boolean
  /** Douyin's numeric error field, default 'errNo' */
  errorField?: 'errNo' | 'errorCode'
  /** The host app's version in getSystemInfoSync, e.g. an old Feishu '3.40.0'; default '' (a current client) */
  version?: string
  /** The base library's version in getSystemInfoSync (`SDKVersion`), e.g. an old Douyin '2.40.0'; default '' (a current one) */
  sdkVersion?: string
  /** The download task tells its response headers (onHeadersReceived), default true; false: a client or server that does not */
  headersEvent?: boolean
  /** Alipay only: an individual account may not call the video save ("仅支持企业支付宝小程序" [D]), default 'enterprise' */
  account?: 'enterprise' | 'individual'
}

/**
 * The live, mutable state of a simulated host (`host.state`, also reachable as `host.options`).
 * Assign any field between calls, e.g. `host.state.permission = 'denied'`.
 * `client` is read at every call for error strings; paths were fixed from it when the host was created.
 */
export type HostState = Required<HostOptions>

export interface ModalEvent {
  type: 'modal'
  title?: string
  content?: string
  confirmText?: string
  cancelText?: string
}
export type UiEvent =
  | ModalEvent
  | { type: 'loading'; title?: string }
  | { type: 'hide-loading' }
  | { type: 'toast'; title?: string }
  | { type: 'settings' }
  /** the phone's settings page for the host app (WeChat openAppAuthorizeSetting) */
  | { type: 'system-settings' }
  | { type: 'permission-prompt' }
  /** the host's own dialog pointing to its settings after a refusal (Feishu) */
  | { type: 'host-guide' }
  /** the system confirm every save opens (HarmonyOS atomic services), answered by `prompt` */
  | { type: 'save-confirm' }
  /** the privacy popup (the app's own through onNeedPrivacyAuthorization, else the host's) */
  | { type: 'privacy-popup'; referrer: string }

export interface CallRecord {
  api: string
  kind: 'async' | 'sync'
  /** the single argument, or an array when the call had several */
  args: unknown
}

export interface AlbumEntry {
  path: string
  kind: 'image' | 'video'
  format: ImageFormat | VideoFormat
  bytes: Uint8Array
}

/** A callback payload: the union of the fields the hosts use, loosely typed. */
export interface HostResult {
  errMsg?: string
  errno?: number
  errNo?: number
  errorCode?: number
  errCode?: number
  error?: number
  errorMessage?: string
  tempFilePath?: string
  filePath?: string
  apFilePath?: string
  statusCode?: number
  confirm?: boolean
  cancel?: boolean
  authSetting?: Record<string, boolean>
  success?: boolean
  [field: string]: unknown
}

export interface CallbackOptions {
  success?(res: HostResult): void
  fail?(err: HostResult): void
  complete?(res: HostResult): void
  [option: string]: unknown
}

/** What an async API returns: a Promise when called without any callback, else nothing. */
export type AsyncReturn = Promise<HostResult> | void

export interface DownloadTask {
  abort(): void
  onProgressUpdate(listener: (res: HostResult) => void): void
  offProgressUpdate(listener?: (res: HostResult) => void): void
  onHeadersReceived(listener: (res: HostResult) => void): void
  offHeadersReceived(listener?: (res: HostResult) => void): void
}

export interface FakeFileSystemManager {
  writeFile(options: CallbackOptions): void
  writeFileSync(filePath: string, data: string | ArrayBuffer, encoding?: string): void
  unlink(options: CallbackOptions): void
  /** Alipay also accepts `{ filePath }` and returns `{ success: true }` */
  unlinkSync(filePath: string | { filePath: string }): HostResult | void
  readFile(options: CallbackOptions): void
  rename(options: CallbackOptions): void
  readFileSync(filePath: string, encoding?: string): string | ArrayBuffer
  access(options: CallbackOptions): void
  accessSync(path: string): void
  readdirSync(dirPath: string): string[]
  mkdir(options: CallbackOptions): void
  mkdirSync(dirPath: string, recursive?: boolean): void
}

export interface HostEnv {
  USER_DATA_PATH: string
  [field: string]: unknown
}

/**
 * The fake host global. Members that only some hosts have are optional.
 * On Alipay with `canIUseSaveImageToPhotosAlbum: false`, `saveImageToPhotosAlbum` reads as undefined.
 */
export interface HostApi {
  readonly env: HostEnv
  getFileSystemManager(): FakeFileSystemManager
  /** Returns a DownloadTask; typed `unknown` so tests can wrap or replace the member freely. */
  downloadFile(options: CallbackOptions): unknown
  saveImageToPhotosAlbum(options: CallbackOptions): AsyncReturn
  /** absent on DingTalk */
  openSetting?(options?: CallbackOptions): AsyncReturn
  /** absent on DingTalk */
  getSetting?(options?: CallbackOptions): AsyncReturn
  showModal(options?: CallbackOptions): AsyncReturn
  showLoading(options?: CallbackOptions): void
  hideLoading(options?: CallbackOptions): void
  showToast(options?: CallbackOptions): void
  hideToast(options?: CallbackOptions): void
  canIUse(schema: string): boolean
  getSystemInfoSync(): HostResult
  /** wx, tt, swan */
  authorize?(options: CallbackOptions): AsyncReturn
  /** Alipay */
  confirm?(options?: CallbackOptions): AsyncReturn
  /** Alipay legacy */
  saveImage?(options: CallbackOptions): AsyncReturn
  [member: string]: unknown
}

/** What every simulated host offers, over its own mutable state. */
export interface SimulatedHostCommon<State> {
  readonly userDataPath: string
  readonly album: AlbumEntry[]
  readonly files: Map<string, Uint8Array>
  readonly calls: CallRecord[]
  readonly ui: UiEvent[]
  readonly downloads: Map<string, DownloadResponse>
  /** Mutable state: assign any field between calls. */
  readonly state: State
  /** The same object as `state`. */
  readonly options: State
  /** Exceptions thrown by app callbacks; the simulator swallows them like a host's error log. */
  readonly errors: unknown[]
  count(api: string): number
  asyncCalls(): string[]
  addFile(path: string, bytes: Uint8Array): void
  userFiles(): string[]
  fault(api: string, fault: Fault, times?: number): void
  tap<T>(fn: () => T): T
  install(): this
  uninstall(): void
  idle(): Promise<void>
}

export interface SimulatedHost extends SimulatedHostCommon<HostState> {
  readonly platform: SimulatedPlatform
  readonly globalName: GlobalName
  readonly api: HostApi
  /** A `<canvas type="2d" id>` on the page: SelectorQuery finds its node by `#id`. */
  addCanvas(id: string, size?: { width?: number; height?: number }): SimulatedCanvasNode
}
