import { buildPlus, DOC } from './app-plus'
import { buildAppUni, UNI_TEMP } from './app-uni'
import { SimulatedBase, withOptions } from './base'
import type { CallDesk } from './calls'
import type { Scheduler } from './scheduler'
import type {
  AlbumEntry,
  AsyncReturn,
  CallbackOptions,
  Client,
  DownloadResponse,
  HostResult,
  ModalAnswer,
  Permission,
  PromptAnswer,
  SettingsAction,
  SimulatedHostCommon,
  UiEvent,
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

/** Everything the `uni` and `plus` pieces of one simulated App share (as HostContext is for a mini-program host). */
export interface AppContext {
  readonly state: AppHostState
  readonly files: Map<string, Uint8Array>
  readonly album: AlbumEntry[]
  readonly ui: UiEvent[]
  readonly downloads: Map<string, DownloadResponse>
  readonly scheduler: Scheduler
  readonly desk: CallDesk
  /** `plus.globalEvent` listeners, by event */
  readonly listeners: Map<string, Set<() => void>>
  /** the legacy canvases the page drew (an export of one never drawn fails) */
  readonly drawnCanvases: Set<string>
  /** canvas exports so far, to name the next one */
  exports: number
}

class AppHost extends SimulatedBase<AppHostState> implements SimulatedAppHost {
  readonly platform = 'app' as const
  readonly globalName = 'uni' as const
  readonly api: AppUniApi
  readonly plus: FakePlus

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
    const ctx: AppContext = {
      state: this.state,
      files: this.files,
      album: this.album,
      ui: this.ui,
      downloads: this.downloads,
      scheduler: this.scheduler,
      desk: this.desk,
      listeners: new Map(),
      drawnCanvases: new Set(),
      exports: 0,
    }
    this.api = buildAppUni(ctx)
    this.plus = buildPlus(ctx)
  }

  protected globals(): Array<[string, unknown]> {
    return [
      ['uni', this.api],
      ['plus', this.plus],
    ]
  }

  /** uni's temp folder is uni's to clean, not a file of the package. */
  override userFiles(): string[] {
    return super.userFiles().filter((path) => !path.startsWith(`${UNI_TEMP}/`))
  }
}

export function createAppHost(options: AppHostOptions = {}): SimulatedAppHost {
  return new AppHost(options)
}

export function installAppHost(options: AppHostOptions = {}): SimulatedAppHost {
  return createAppHost(options).install()
}
