import type { SaveImageError } from './errors'
import type { PlatformId } from './platform'

export interface GuideTexts {
  title?: string
  content?: string
  confirmText?: string
  cancelText?: string
}

/** Options shared by a single save and a batch. */
export interface CommonOptions {
  /** Request headers for the download of a URL. */
  headers?: Record<string, string>
  /** Watchdog (ms) for each host call; a host that never calls back gives `TIMEOUT`. Default 30000. */
  timeout?: number
  /** On `AUTH_DENIED`, show a modal whose confirm opens the host settings, then retry once. Default true. */
  guide?: boolean | GuideTexts
  /** Show the host's loading indicator while working; a string is its title. Default false. */
  loading?: boolean | string
  /** Largest decoded data URI / base64 image accepted, in bytes. Default 20 MiB. */
  maxBytes?: number
  /** H5 only: the text under the image in the long-press overlay. Default '长按图片保存到相册'. */
  hint?: string
}

/** App-wide defaults: the options of the Taro and uni-app plugins. A call's own options win. */
export type AppDefaults = Pick<CommonOptions, 'guide' | 'timeout' | 'loading' | 'maxBytes' | 'hint'>

/** Exactly one of `src`, `url`, `filePath`, `base64`. */
export interface SaveImageOptions extends CommonOptions {
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
}

/** One image of a batch: a source string, or its source with per-image headers. */
export type BatchSource = string | Pick<SaveImageOptions, 'src' | 'url' | 'filePath' | 'base64' | 'headers'>

export type BatchProgress =
  | { done: number; total: number; index: number; result: SaveImageResult; error?: undefined }
  | { done: number; total: number; index: number; error: SaveImageError; result?: undefined }

export interface SaveImagesOptions extends CommonOptions {
  /** Sources prepared (downloaded / written) in parallel. Saves still run one at a time. Default 3. */
  concurrency?: number
  onProgress?: (progress: BatchProgress) => void
}

export type BatchOutcome = { ok: true; result: SaveImageResult } | { ok: false; error: SaveImageError }

export interface SaveImageApi {
  saveImageToAlbum(source: string | SaveImageOptions): Promise<SaveImageResult>
  saveImagesToAlbum(sources: readonly BatchSource[], options?: SaveImagesOptions): Promise<BatchOutcome[]>
  /** Call synchronously from a tap handler. Resolves whether the album permission is on afterwards. */
  openAlbumSetting(): Promise<boolean>
}
