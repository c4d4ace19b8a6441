import type { SaveImageError } from './errors'
import type { PlatformId } from '../hosts'

export interface ModalTextOptions {
  title?: string
  content?: string
  confirmText?: string
  cancelText?: string
}

export interface GuideTexts extends ModalTextOptions {
  /**
   * The modal shown on `SYSTEM_PERMISSION_DENIED` (the phone's OS refused the host app the photo library) where the
   * host can open the phone's settings for the app: its confirm opens them. Default: Chinese texts naming the phone's
   * settings.
   */
  system?: ModalTextOptions
}

/** A download's progress: `total` is undefined where the host does not know it; `index` is the item's in a batch. */
export interface DownloadProgress {
  loaded: number
  total: number | undefined
  index: number
}

/** Options shared by a single save and a batch. */
export interface CommonOptions {
  /** Request headers for the download of a URL. */
  headers?: Record<string, string>
  /** Watchdog (ms) for each host call; a host that never calls back gives `TIMEOUT`. Default 30000. */
  timeout?: number
  /**
   * On `AUTH_DENIED`, show a modal whose confirm opens the host settings, then retry once; on
   * `SYSTEM_PERMISSION_DENIED`, the same with the phone's settings where the host can open them. Default true.
   */
  guide?: boolean | GuideTexts
  /** Show the host's loading indicator while working; a string is its title. Default false. */
  loading?: boolean | string
  /** Largest decoded data URI / base64 image accepted, in bytes. Default 20 MiB. */
  maxBytes?: number
  /** H5 only: the text under the image in the long-press overlay. Default '长按图片保存到相册'. */
  hint?: string
  /**
   * On `PRIVACY_NOT_AUTHORIZED`, ask the host to run the app's privacy popup (WeChat `requirePrivacyAuthorize`,
   * which calls the app's `onNeedPrivacyAuthorization`), then retry the save once if the user agreed. Default false.
   */
  privacy?: boolean
  /**
   * Hears a URL's download as it arrives, from the host's download task (where it has progress events). The
   * `timeout` of a download counts from its last progress event.
   */
  onDownloadProgress?: (progress: DownloadProgress) => void
}

/** App-wide defaults, given to the Taro or uni-app plugin. A call's own options win. */
export type AppDefaults = Pick<CommonOptions, 'guide' | 'timeout' | 'loading' | 'maxBytes' | 'hint' | 'privacy'>

/**
 * The options of the Taro and uni-app plugins: the app-wide defaults, which also choose what the build holds. A
 * feature they leave off for the whole app (`privacy` off, the default; `guide: false`; `canvas: false`) is left
 * out of the bundle, and a call that asks for it rejects INVALID_ARGUMENT.
 */
export interface PluginOptions extends AppDefaults {
  /** Canvas sources (`canvas`, `canvasId`) in this build. Default true. */
  canvas?: boolean
  /**
   * An image the host cannot save (an SVG, a format the host refuses) redrawn as PNG on a 2D canvas the host
   * documents (WeChat, H5). Default true; `false` leaves the code out, and such an image is UNSUPPORTED_FORMAT.
   */
  convert?: boolean
  /**
   * Videos (`saveVideoToAlbum`, `saveMediaToAlbum`) in this build. Default false: their code is left out, and those
   * calls reject INVALID_ARGUMENT naming this option. Without a plugin every feature is in.
   */
  video?: boolean
}

/** A Canvas 2D node: from `SelectorQuery` … `.fields({ node: true })` on a mini-program host, an `HTMLCanvasElement` on H5. */
export interface CanvasNode {
  getContext(contextType: string, ...args: never[]): unknown
}

/** A canvas as the image: exported by the host (`canvasToTempFilePath`, `toTempFilePath`, `toBlob`) and saved. */
export interface CanvasSource {
  /** A Canvas 2D node. */
  canvas?: CanvasNode
  /** The `canvas-id` of a legacy canvas. */
  canvasId?: string
  /** With `canvasId`: the page or component instance the canvas is in (`this`; needed inside custom components). */
  component?: object
  /** The exported file's type, and what an image the host cannot save is redrawn as. Default `'png'`. */
  fileType?: 'png' | 'jpg'
  /** 0–1, for `'jpg'`. Default: the host's own (WeChat 0.92). */
  quality?: number
}

/** Exactly one source: `src`, `url`, `filePath`, `base64`, `canvas` or `canvasId`. */
export interface SaveImageOptions extends CommonOptions, CanvasSource {
  /** An http(s) URL, a host-local path, or a `data:image/...;base64,` URI. */
  src?: string
  /** Alias of `src`. */
  url?: string
  /** Alias of `src`. */
  filePath?: string
  /** Raw base64 image data without a prefix; the format is sniffed from its bytes. */
  base64?: string
  success?: (result: SaveImageResult) => void
  fail?: (error: SaveImageError) => void
  complete?: (outcome: SaveImageResult | SaveImageError) => void
}

/**
 * What the user got: `'album'` the image is in the photo album (mini-program hosts); on H5, where no page
 * can confirm that, `'share'` the system share sheet opened with the file, `'download'` a typed file went to
 * the browser's download, `'overlay'` the image is shown for long-press / right-click saving.
 */
export type SaveMode = 'album' | 'share' | 'download' | 'overlay'

export interface SaveImageResult {
  errMsg: 'saveImageToAlbum:ok'
  /** The path handed to the host's save API; on H5 the file name offered (or the URL shown). */
  filePath: string
  platform: PlatformId
  mode: SaveMode
  /** Set when the image was redrawn before it was saved (an SVG, or a format the host refused): what it became. */
  converted?: 'png' | 'jpeg'
}

/** One image of a batch: a source string, or its source with per-image headers. */
export type BatchSource =
  string | (Pick<SaveImageOptions, 'src' | 'url' | 'filePath' | 'base64' | 'headers'> & CanvasSource)

export type BatchProgress =
  | { done: number; total: number; index: number; result: SaveImageResult; error?: undefined }
  | { done: number; total: number; index: number; error: SaveImageError; result?: undefined }

export interface SaveImagesOptions extends CommonOptions {
  /**
   * Sources prepared (downloaded / written / exported) in parallel. Saves run one at a time, or, where the host
   * saves several files in one call (WeChat ≥ 3.17.2 `saveMediaToPhotosAlbum`), in one call. Default 3.
   */
  concurrency?: number
  onProgress?: (progress: BatchProgress) => void
}

export type BatchOutcome = { ok: true; result: SaveImageResult } | { ok: false; error: SaveImageError }

/** A video: an http(s) URL (downloaded first) or a local path; a data URI or base64 video is refused. */
export interface SaveVideoOptions extends Pick<
  CommonOptions,
  'headers' | 'timeout' | 'guide' | 'loading' | 'privacy' | 'onDownloadProgress'
> {
  /** An http(s) URL or a host-local path. */
  src?: string
  /** Alias of `src`. */
  url?: string
  /** Alias of `src`. */
  filePath?: string
  success?: (result: SaveVideoResult) => void
  fail?: (error: SaveImageError) => void
  complete?: (outcome: SaveVideoResult | SaveImageError) => void
}

export interface SaveVideoResult {
  errMsg: 'saveVideoToAlbum:ok'
  /** The path handed to the host's save API; on H5 the file name offered. */
  filePath: string
  platform: PlatformId
  /** `'album'` on a mini-program host or the App; on H5 `'share'` or `'download'`. */
  mode: SaveMode
}

/**
 * One item of `saveMediaToAlbum`: an image source as for `saveImagesToAlbum`, or `{ video }`. A bare string is a video
 * when its path ends in `.mp4`, `.mov`, `.m4v` or `.3gp`, else an image.
 */
export type MediaItem = BatchSource | { video: string; headers?: Record<string, string> }

export type MediaOutcome =
  { ok: true; result: SaveImageResult | SaveVideoResult } | { ok: false; error: SaveImageError }

export type MediaProgress =
  | { done: number; total: number; index: number; result: SaveImageResult | SaveVideoResult; error?: undefined }
  | { done: number; total: number; index: number; error: SaveImageError; result?: undefined }

export interface SaveMediaOptions extends Omit<SaveImagesOptions, 'onProgress'> {
  onProgress?: (progress: MediaProgress) => void
}

export interface SaveImageApi {
  saveImageToAlbum(source: string | SaveImageOptions): Promise<SaveImageResult>
  saveImagesToAlbum(sources: readonly BatchSource[], options?: SaveImagesOptions): Promise<BatchOutcome[]>
  /** Saves one video to the album (the `video` plugin option). */
  saveVideoToAlbum(source: string | SaveVideoOptions): Promise<SaveVideoResult>
  /** Saves images and videos, in input order; where the host saves several files in one call, in that call. */
  saveMediaToAlbum(items: readonly MediaItem[], options?: SaveMediaOptions): Promise<MediaOutcome[]>
  /** Call synchronously from a tap handler. Resolves whether the album permission is on afterwards. */
  openAlbumSetting(): Promise<boolean>
}
