import { Failure, type ErrorCode } from './errors'
import type { FileFormat } from './format'
import type { PlatformId } from '../hosts'
import type { CanvasSource, SaveImageResult } from './types'

/** What a save gave the user, and the path (H5: the file name) it was given as. */
export type Saved = Pick<SaveImageResult, 'mode' | 'filePath'>

/** How an adapter reports the end of one host call. */
export interface Done<T> {
  success(value: T): void
  fail(raw: unknown): void
}

export interface Downloaded {
  path: string
  /** Absent where the host does not report it (it then fails non-2xx itself). */
  statusCode?: number
  /** The host's own success payload. */
  raw: unknown
  /** The response's Content-Type, where the host hands the headers over (a task's onHeadersReceived, or its payload). */
  contentType?: string
}

/** A download's progress: bytes so far, and the total where the server sent a length. */
export type Progress = (loaded: number, total: number | undefined) => void

/** A canvas to export, checked: its file type settled. */
export type CanvasRequest = CanvasSource & Required<Pick<CanvasSource, 'fileType'>>

/** Thrown by an adapter when the host lacks an API it needs: the call rejects UNSUPPORTED_PLATFORM. */
export class MissingHostApi extends Failure {
  constructor(api: string) {
    super('UNSUPPORTED_PLATFORM', __DEV__ && `the host has no ${api}`)
  }
}

export interface ModalTexts {
  title: string
  content: string
  confirmText: string
  cancelText: string
}

/**
 * What a step that prepares a file returns when it starts: the file of ours it writes (its `target`), which the
 * core removes after the save, or nothing when the host writes a temp file of its own (the host's to clean).
 */
export type Owned = string | void

/**
 * What a platform module exports: its adapter, and where two hosts share a global (Feishu and Douyin: `tt`), whether
 * the global is this host's. The universal build, which finds its host at run time, asks; a build for one host does
 * not, so the check stays out of it.
 */
export interface PlatformModule {
  adapter: HostAdapter
  isThisHost?: () => boolean
}

/**
 * Everything the core needs from one host, one concern per part: how a source becomes a file (`files`), how files
 * reach the album (`album`), how a refusal is recovered (`recovery`). Where hosts differ, the adapter says so through
 * this shape; the core never asks which host it runs on. What a host lacks is absent.
 */
export interface HostAdapter {
  readonly platform: PlatformId
  /** The host global exists and has a save API. Read at call time: importing must never throw. */
  available(): boolean
  /** The contract's code for a host's failure payload. */
  classify(raw: unknown): ErrorCode
  readonly files: HostFiles
  readonly album: HostAlbum
  readonly recovery: HostRecovery
  /** The host's loading indicator. */
  readonly loading?: { show(title: string): void; hide(): void }
}

/** How a source becomes a file the host can save, and how the files of ours are removed. */
export interface HostFiles {
  userDataPath(): string
  /** Prefixes of host-local paths that look like URLs (e.g. a devtools `http://tmp/`). */
  readonly localPrefixes: readonly string[]
  /**
   * Downloads a URL, to `target` where the host lets us name the file; `progress` hears the host's download task
   * progress events, where it has them.
   */
  download(
    url: string,
    headers: Record<string, string> | undefined,
    target: string,
    done: Done<Downloaded>,
    progress: Progress,
  ): Owned
  /** The largest file the host downloads, where it documents one: a larger download fails as soon as its size is known. */
  readonly downloadLimit?: number
  /**
   * The base64 of a file's first bytes, for a download whose headers did not say what it is. Absent where the host
   * has no way to read a file: the download is then taken on trust.
   */
  readHead?(path: string, done: Done<string>): void
  /** Renames a file of ours (a download whose bytes are not what its name says). */
  renameFile?(from: string, to: string, done: Done<unknown>): void
  /** Turns base64 image data into a file the host can save; resolves its path. */
  writeImage(base64: string, format: FileFormat, target: string, done: Done<string>): Owned
  /** Exports a canvas to an image file the host can save; resolves its path. Absent where the build leaves canvases out. */
  exportCanvas?(canvas: CanvasRequest, target: string, done: Done<string>): Owned
  /**
   * Draws an image file (or an SVG) on a 2D canvas the host documents, and exports it as `fileType` to a file the
   * host can save. Absent where the host documents no such canvas, or the build leaves conversion out.
   */
  redraw?(path: string, fileType: 'png' | 'jpg', target: string, done: Done<string>): Owned
  /**
   * Removes a file of ours; present wherever a step returns one. Best effort and synchronous: cleanup must not add a
   * round-trip or fail a save.
   */
  removeFile?(path: string): void
}

/** How files reach the album: one image, one video, or several in one call. */
export interface HostAlbum {
  /** `hint`: the call's `hint` option, for a host that shows the image to the user (H5). */
  save(filePath: string, done: Done<Saved>, hint: string | undefined): void
  /**
   * Saves a video to the album. Absent where the build leaves videos out; a host without a video save API throws
   * MissingHostApi (UNSUPPORTED_PLATFORM).
   */
  saveVideo?(filePath: string, done: Done<Saved>): void
  /**
   * The host's save of several files in one call (one system prompt), read when a batch starts: absent where this
   * client has none. One `Saved` per path; `videos[k]` says the k-th file is a video.
   */
  readonly saveMany?: (filePaths: string[], videos: boolean[], done: Done<Saved[]>) => void
}

/** How a refusal is recovered: the host's privacy step, its settings pages, the guide's modal. */
export interface HostRecovery {
  /** What the app must declare in the host's privacy agreement to save to the album, where the host has one. */
  readonly privacyType?: string
  /**
   * The host's privacy step: lets the app's privacy popup run, and succeeds once the user agreed. Absent where the
   * build leaves the privacy step out.
   */
  authorizePrivacy?(done: Done<unknown>): void
  /** Opens the host settings page; resolves whether the album permission is on afterwards. */
  openSetting?(done: Done<boolean>): void
  /**
   * Opens the phone's settings for the host app (where the OS, not the host, refused the album), where the host
   * documents such a page; resolves false only when the host reports the album still off once the user is back.
   */
  openAppSetting?(done: Done<boolean>): void
  /**
   * After a refusal the host itself shows a dialog that leads to its settings (Feishu): the core shows no guide of
   * its own, and that refusal answers every save that was already waiting, so the dialog is shown once.
   */
  readonly guidesItself?: true
  /** A two-button modal; `done(true)` on confirm. Absent: the host has none (or the build leaves the guide out), so no guide. */
  confirm?(texts: ModalTexts, done: (confirmed: boolean) => void): void
}
