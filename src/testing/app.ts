import { SimulatedBase, withOptions } from './base'
import { copyBytes, hostBase64, imageFormatOf, videoFormatOf } from './bytes'
import { HANG, type Outcome, type Plan } from './calls'
import { exported, recordingContext } from './canvas'
import { extensionOf, WECHAT_IMAGE_EXTENSIONS } from './profiles'
import type {
  AsyncReturn,
  CallbackOptions,
  Client,
  HostResult,
  ModalAnswer,
  ModalEvent,
  Permission,
  PromptAnswer,
  SettingsAction,
  SimulatedHostCommon,
} from './types'

/**
 * The uni-app App (classic, HTML5+): the `uni` and `plus` globals of an app built with `uni build -p app`
 * (docs/en/hosts/app.md). Tags: [F] uni-app-plus 3.0.0-5000720260410001 `uni.runtime.esm.js`;
 * [D] the `plus.d.ts` / `uni.d.ts` typings; [O] issue reports; [I] inference, where nothing documents it.
 */
export interface AppHostOptions {
  /** default 'android' ('devtools' behaves as Android) */
  client?: Client
  /** the app's OS album permission, default 'not-asked' (asked by the first save) */
  permission?: Permission
  /** answer to the OS prompt, default 'allow' */
  prompt?: PromptAnswer
  /** answer to showModal, default 'confirm' */
  modal?: ModalAnswer
  /** what the user does on the app's settings page, default 'enable' */
  settings?: SettingsAction
  /** the user comes back to the app from the settings page (plus `resume`), default true */
  returnsFromSettings?: boolean
  /** ms before every async callback, default 0 */
  latency?: number
  /** bytes the app may write under `_doc`, default 50 MiB [I] */
  userDataQuota?: number
}

export type AppHostState = Required<AppHostOptions>

export type PlusCallback = (result?: unknown) => void

/** A plus.io entry: a directory (`getFile`) or a file (`createWriter`, `remove`). */
export interface FakePlusEntry {
  readonly isDirectory: boolean
  readonly fullPath: string
  getFile(
    name: string,
    flags: { create?: boolean } | undefined,
    success?: (entry: FakePlusEntry) => void,
    fail?: PlusCallback,
  ): void
  createWriter(success?: (writer: FakePlusWriter) => void, fail?: PlusCallback): void
  remove(success?: () => void, fail?: PlusCallback): void
}

export interface FakePlusWriter {
  /** a failed write's code [I: the codes are not documented] */
  error?: number
  onwrite?: PlusCallback
  onwriteend?: PlusCallback
  onerror?: PlusCallback
  writeAsBinary(base64: string): void
}

export interface FakePlusDownload {
  url: string
  filename?: string
  state: number
  setRequestHeader(name: string, value: string): void
  start(): void
}

/** The `plus` global: only what the App adapter touches. */
export interface FakePlus {
  readonly io: {
    resolveLocalFileSystemURL(url: string, success?: (entry: FakePlusEntry) => void, fail?: PlusCallback): void
  }
  readonly downloader: {
    createDownload(
      url: string,
      options?: Record<string, unknown>,
      done?: (download: FakePlusDownload, status: number) => void,
    ): FakePlusDownload
  }
  readonly globalEvent: {
    addEventListener(event: string, listener: () => void): void
    removeEventListener(event: string, listener: () => void): void
  }
}

/** The `uni` global of the App: only what the App adapter and a page touch. */
export interface AppUniApi {
  saveImageToPhotosAlbum(options: CallbackOptions): AsyncReturn
  saveVideoToPhotosAlbum(options: CallbackOptions): AsyncReturn
  getAppAuthorizeSetting(): HostResult
  openAppAuthorizeSetting(options?: CallbackOptions): AsyncReturn
  showModal(options?: CallbackOptions): AsyncReturn
  showLoading(options?: CallbackOptions): void
  hideLoading(options?: CallbackOptions): void
  showToast(options?: CallbackOptions): void
  getSystemInfoSync(): HostResult
  [member: string]: unknown
}

export interface SimulatedAppHost extends SimulatedHostCommon<AppHostState> {
  readonly platform: 'app'
  readonly globalName: 'uni'
  /** the `uni` global */
  readonly api: AppUniApi
  /** the `plus` global */
  readonly plus: FakePlus
}

/**
 * Its files are named as the app names them (`_doc/a.png`, `/static/a.png`); `userDataPath` is `_doc`. Fault api names:
 * 'saveImageToPhotosAlbum', 'openAppAuthorizeSetting', 'showModal', 'downloader.createDownload',
 * 'io.resolveLocalFileSystemURL', 'io.getFile', 'io.createWriter', 'io.writeAsBinary', 'io.remove'.
 */
const MiB = 1024 * 1024
const DOC = '_doc'
const UNI_TEMP = `${DOC}/uniapp_temp_1764000000000`
/** The roots plus.io resolves [D plus.d.ts]; `_www` is the read-only app package. */
const ROOTS = ['_doc', '_www', '_documents', '_downloads']
/** [I] plus documents no error codes for io or gallery; these follow the W3C FileError numbers. */
const NOT_FOUND = { code: 1, message: 'file not found' }
const QUOTA = 10
const ENCODING = 5

const fail = (res: HostResult): Outcome => ({ ok: false, res })

/** What a plus API's error callback gets. */
class Failure {
  constructor(readonly fail: HostResult) {}
}

class AppHost extends SimulatedBase<AppHostState> implements SimulatedAppHost {
  readonly platform = 'app' as const
  readonly globalName = 'uni' as const
  readonly api: AppUniApi
  readonly plus: FakePlus
  private readonly listeners = new Map<string, Set<() => void>>()
  private readonly drawnCanvases = new Set<string>()
  private exports = 0

  constructor(options: AppHostOptions) {
    const defaults: AppHostState = {
      client: 'android',
      permission: 'not-asked',
      prompt: 'allow',
      modal: 'confirm',
      settings: 'enable',
      returnsFromSettings: true,
      latency: 0,
      userDataQuota: 50 * MiB,
    }
    super(withOptions(defaults, options), DOC, (api) => (api.includes('.') ? `plus.${api}` : `uni.${api}`))
    this.api = this.buildUni()
    this.plus = this.buildPlus()
  }

  protected globals(): Array<[string, unknown]> {
    return [
      ['uni', this.api],
      ['plus', this.plus],
    ]
  }

  // ---- uni ----

  private buildUni(): AppUniApi {
    const { desk } = this
    return {
      saveImageToPhotosAlbum: desk.asyncApi(
        'saveImageToPhotosAlbum',
        (opts) => ({ settle: () => this.save('saveImageToPhotosAlbum', opts.filePath) }),
        true,
      ),
      saveVideoToPhotosAlbum: desk.asyncApi(
        'saveVideoToPhotosAlbum',
        (opts) => ({ settle: () => this.save('saveVideoToPhotosAlbum', opts.filePath) }),
        true,
      ),
      getAppAuthorizeSetting: desk.syncApi('getAppAuthorizeSetting', () => this.authorizeSetting()),
      openAppAuthorizeSetting: desk.asyncApi('openAppAuthorizeSetting', () => this.openSettings(), true),
      showModal: desk.asyncApi('showModal', (opts) => this.modal(opts), true),
      showLoading: this.indicator('showLoading'),
      hideLoading: this.indicator('hideLoading'),
      showToast: this.indicator('showToast'),
      createCanvasContext: desk.syncApi('createCanvasContext', (canvasId: string) => this.canvasContext(canvasId)),
      canvasToTempFilePath: desk.asyncApi(
        'canvasToTempFilePath',
        (opts) => ({ settle: () => this.exportCanvas(opts) }),
        true,
      ),
      getSystemInfoSync: desk.syncApi('getSystemInfoSync', () => ({
        platform: this.ios ? 'ios' : 'android',
        system: this.ios ? 'iOS 17.5' : 'Android 14',
        uniPlatform: 'app',
        uniRuntimeVersion: '3.0.0',
        windowWidth: 375,
        windowHeight: 812,
        pixelRatio: 3,
      })),
    }
  }

  /** The legacy canvas of the current page: uni routes by canvasId through the view layer, no component needed [F]. */
  private canvasContext(canvasId: string): Record<string, unknown> {
    const draw = (_reserve?: boolean, callback?: () => void) => {
      this.drawnCanvases.add(canvasId)
      if (typeof callback === 'function') this.scheduler.later(this.state.latency, callback)
    }
    return recordingContext([], { draw })
  }

  /**
   * uni.canvasToTempFilePath: canvasId only (its protocol requires it [F]); the view writes the export under
   * `_doc/uniapp_temp_<ts>/canvas/` [F], uni's own folder. A canvas never drawn fails [I text].
   */
  private exportCanvas(opts: CallbackOptions): Outcome {
    if (typeof opts.canvasId !== 'string')
      return fail({ errMsg: 'canvasToTempFilePath:fail Missing required args: "canvasId"' })
    if (!this.drawnCanvases.has(opts.canvasId))
      return fail({ errMsg: 'canvasToTempFilePath:fail toTempFilePath:fail canvas is empty' })
    const { bytes, ext } = exported(opts.fileType)
    const path = `${UNI_TEMP}/canvas/${++this.exports}.${ext}`
    this.files.set(path, bytes)
    return { ok: true, res: { errMsg: 'canvasToTempFilePath:ok', tempFilePath: path } }
  }

  /** uni's temp folder is uni's to clean, not a file of the package. */
  override userFiles(): string[] {
    return super.userFiles().filter((path) => !path.startsWith(`${UNI_TEMP}/`))
  }

  private get ios(): boolean {
    return this.state.client === 'ios'
  }

  /**
   * uni.saveImageToPhotosAlbum and uni.saveVideoToPhotosAlbum → plus.gallery.save [F]. Order: uni's argument check
   * [F] → the OS album permission (prompted on first use) [D/I] → the file [I text] → its type [D "不支持则 errorCB",
   * I text]. Android reports success for an image file without an image extension, and the image never appears
   * [O #2429].
   */
  private save(api: 'saveImageToPhotosAlbum' | 'saveVideoToPhotosAlbum', path: unknown): Outcome {
    if (typeof path !== 'string') return fail({ errMsg: `${api}:fail Missing required args: "filePath"` })
    if (!this.permitted()) return fail({ errMsg: `${api}:fail No Permission`, code: 0 })
    const bytes = this.files.get(path)
    if (!bytes) return fail({ errMsg: `${api}:fail ${NOT_FOUND.message}`, code: NOT_FOUND.code })
    const ok = { errMsg: `${api}:ok`, path: `file://${path}` }
    const video = api === 'saveVideoToPhotosAlbum'
    if (!video && !this.ios && WECHAT_IMAGE_EXTENSIONS.indexOf(extensionOf(path)) < 0) return { ok: true, res: ok }
    const format = video ? videoFormatOf(bytes) : imageFormatOf(bytes)
    if (!format) return fail({ errMsg: `${api}:fail unsupported file type`, code: 0 })
    this.album.push({ path, kind: video ? 'video' : 'image', format, bytes: copyBytes(bytes) })
    return { ok: true, res: ok }
  }

  /** The OS prompt on first use; a refusal sticks until the settings page [D iOS; I Android]. */
  private permitted(): boolean {
    const { state } = this
    if (state.permission === 'granted') return true
    if (state.permission !== 'not-asked') return false
    this.ui.push({ type: 'permission-prompt' })
    state.permission = state.prompt === 'allow' ? 'granted' : 'denied'
    return state.permission === 'granted'
  }

  /** `albumAuthorized` is reported on iOS only [D uni.d.ts]. */
  private authorizeSetting(): HostResult {
    const { permission } = this.state
    if (!this.ios) return { cameraAuthorized: 'authorized' }
    const album = permission === 'granted' ? 'authorized' : permission === 'not-asked' ? 'not determined' : 'denied'
    return { albumAuthorized: album, cameraAuthorized: 'authorized' }
  }

  /** The app's page in the system settings [F]: the app pauses, and resumes when the user comes back. */
  private openSettings(): Plan {
    this.ui.push({ type: 'settings' })
    this.emit('pause')
    return {
      settle: () => {
        if (this.state.settings === 'enable') this.state.permission = 'granted'
        if (this.state.returnsFromSettings) this.scheduler.later(this.state.latency, () => this.emit('resume'))
        return { ok: true, res: { errMsg: 'openAppAuthorizeSetting:ok' } }
      },
    }
  }

  private modal(opts: CallbackOptions): Plan {
    const event: ModalEvent = { type: 'modal' }
    for (const key of ['title', 'content', 'confirmText', 'cancelText'] as const) {
      if (typeof opts[key] === 'string') event[key] = opts[key] as string
    }
    this.ui.push(event)
    return {
      settle: () => {
        const modal = this.state.modal
        const confirm = typeof modal === 'function' ? modal(event) === true : modal === 'confirm'
        return { ok: true, gesture: true, res: { errMsg: 'showModal:ok', confirm, cancel: !confirm } }
      },
    }
  }

  private indicator(api: 'showLoading' | 'hideLoading' | 'showToast'): (options?: CallbackOptions) => void {
    return this.desk.syncApi(api, (options?: CallbackOptions) => {
      const opts = this.desk.optionsOf(options)
      const title = typeof opts.title === 'string' ? opts.title : undefined
      if (api === 'hideLoading') this.ui.push({ type: 'hide-loading' })
      else
        this.ui.push(
          title === undefined
            ? { type: api === 'showLoading' ? 'loading' : 'toast' }
            : { type: api === 'showLoading' ? 'loading' : 'toast', title },
        )
      this.desk.notify(opts, { errMsg: `${api}:ok` })
    })
  }

  // ---- plus ----

  private buildPlus(): FakePlus {
    const resolve = this.positional<[string], FakePlusEntry>('io.resolveLocalFileSystemURL', (url) =>
      this.resolvePath(url),
    )
    return {
      io: { resolveLocalFileSystemURL: (url, success, failed) => resolve([url], success, failed) },
      downloader: { createDownload: (url, options, done) => this.createDownload(url, options ?? {}, done) },
      globalEvent: {
        addEventListener: this.desk.syncApi('globalEvent.addEventListener', (event: string, listener: () => void) => {
          const set = this.listeners.get(event) ?? new Set()
          set.add(listener)
          this.listeners.set(event, set)
        }),
        removeEventListener: this.desk.syncApi(
          'globalEvent.removeEventListener',
          (event: string, listener: () => void) => {
            this.listeners.get(event)?.delete(listener)
          },
        ),
      },
    }
  }

  private emit(event: string): void {
    for (const listener of Array.from(this.listeners.get(event) ?? [])) {
      try {
        listener()
      } catch (error) {
        this.errors.push(error)
      }
    }
  }

  /**
   * A plus API with positional (success, fail) callbacks, on the same desk as uni's: logged, faultable,
   * answered after `latency`. `run` returns the success value, or throws `{fail}` for the error callback.
   */
  private positional<A extends unknown[], T>(api: string, run: (...args: A) => T | Failure) {
    const call = this.desk.asyncApi(api, (opts) => ({
      settle: () => {
        const out = run(...(opts.args as A))
        return out instanceof Failure ? fail(out.fail) : { ok: true, res: { value: out } as HostResult }
      },
    }))
    return (args: A, success?: (value: T) => void, failed?: PlusCallback) =>
      call({ args, success: (res: HostResult) => success?.(res.value as T), fail: (res: HostResult) => failed?.(res) })
  }

  private resolvePath(url: string): FakePlusEntry | Failure {
    const path = url.replace(/\/+$/, '')
    if (ROOTS.includes(path) || this.isDirectory(path)) return this.entry(path, true)
    if (this.files.has(path)) return this.entry(path, false)
    return new Failure({ ...NOT_FOUND })
  }

  private isDirectory(path: string): boolean {
    return Array.from(this.files.keys()).some((file) => file.startsWith(`${path}/`))
  }

  private entry(fullPath: string, isDirectory: boolean): FakePlusEntry {
    const getFile = this.positional<[string, { create?: boolean } | undefined], FakePlusEntry>(
      'io.getFile',
      (name, flags) => {
        const path = `${fullPath}/${name}`
        if (!isDirectory) return new Failure({ code: 11, message: 'not a directory' })
        if (!this.files.has(path)) {
          if (!flags || !flags.create) return new Failure({ ...NOT_FOUND })
          if (!path.startsWith(`${DOC}/`)) return new Failure({ code: 6, message: 'read-only' })
          this.files.set(path, new Uint8Array(0))
        }
        return this.entry(path, false)
      },
    )
    const createWriter = this.positional<[], FakePlusWriter>('io.createWriter', () =>
      this.files.has(fullPath) ? this.writer(fullPath) : new Failure({ ...NOT_FOUND }),
    )
    const remove = this.positional('io.remove', () => {
      if (!this.files.delete(fullPath)) return new Failure({ ...NOT_FOUND })
      return undefined
    })
    return {
      isDirectory,
      fullPath,
      getFile: (name, flags, success, failed) => getFile([name, flags], success, failed),
      createWriter: (success, failed) => createWriter([], success, failed),
      remove: (success, failed) => remove([], success, failed),
    }
  }

  /** writeAsBinary(base64) [O image-tools base64ToPath]: the bytes as given; errors by number only [I]. */
  private writer(path: string): FakePlusWriter {
    const write = this.desk.asyncApi('io.writeAsBinary', (opts) => ({
      settle: () => {
        const bytes = typeof opts.data === 'string' ? hostBase64(opts.data) : null
        if (!bytes) return fail({ code: ENCODING })
        if (this.usedExcept(path) + bytes.length > this.state.userDataQuota) return fail({ code: QUOTA })
        if (!this.files.has(path)) return fail({ ...NOT_FOUND })
        this.files.set(path, bytes)
        return { ok: true, res: {} }
      },
    }))
    const writer: FakePlusWriter = {
      writeAsBinary: (data: string) =>
        write({
          data,
          success: () => {
            writer.onwrite?.({ target: writer })
            writer.onwriteend?.({ target: writer })
          },
          fail: (res: HostResult) => {
            writer.error = res.code as number
            writer.onerror?.({ target: writer })
            writer.onwriteend?.({ target: writer })
          },
        }),
    }
    return writer
  }

  private usedExcept(path: string): number {
    let total = 0
    this.files.forEach((bytes, file) => {
      if (file !== path && file.startsWith(`${DOC}/`)) total += bytes.length
    })
    return total
  }

  /**
   * plus.downloader [D plus.d.ts; F uni's downloadFile]: `filename` ending in a name is used as is
   * (an existing name gets "(1)"); ending in '/' (or absent: `_downloads/`) it names the file from the URL,
   * which may have no extension. The callback gets the HTTP status; 0 when the request failed.
   */
  private createDownload(
    url: string,
    options: Record<string, unknown>,
    done?: (download: FakePlusDownload, status: number) => void,
  ): FakePlusDownload {
    const call = this.desk.asyncApi('downloader.createDownload', () => {
      const response = this.downloads.get(url)
      return {
        delay: response?.delay,
        settle: () => {
          if (!response || response.fail) return fail({ status: 0 })
          if (response.hang) return HANG
          const status = response.status ?? 200
          const path = this.downloadPath(url, typeof options.filename === 'string' ? options.filename : '_downloads/')
          this.files.set(path, copyBytes(response.body))
          download.filename = path
          return { ok: true, res: { status } }
        },
      }
    })
    const headers: Record<string, string> = {}
    let started = false
    const download: FakePlusDownload = {
      url,
      state: 0,
      setRequestHeader: (name, value) => {
        headers[name] = value
      },
      start: () => {
        if (started) return
        started = true
        download.state = 1
        call({
          url,
          options,
          headers,
          success: (res: HostResult) => {
            download.state = 4
            done?.(download, res.status as number)
          },
          fail: () => done?.(download, 0),
        })
      },
    }
    return download
  }

  private downloadPath(url: string, filename: string): string {
    // a directory: the name comes from the URL, extension or not [F/O]
    const path = filename.endsWith('/')
      ? `${filename}${url.split(/[?#]/)[0]!.split('/').pop() || 'download'}`
      : filename
    if (!this.files.has(path)) return path
    const dot = path.lastIndexOf('.')
    const [stem, ext] = dot > path.lastIndexOf('/') ? [path.slice(0, dot), path.slice(dot)] : [path, '']
    let i = 1
    while (this.files.has(`${stem}(${i})${ext}`)) i++
    return `${stem}(${i})${ext}`
  }
}

export function createAppHost(options: AppHostOptions = {}): SimulatedAppHost {
  return new AppHost(options)
}

export function installAppHost(options: AppHostOptions = {}): SimulatedAppHost {
  return createAppHost(options).install()
}
