import { MissingHostApi, type CanvasRequest, type Callback, type HostAdapter, type Owned, type Saved } from './adapter'
import { classify, type ErrorCode } from './errors'
import type { PlatformId } from '../hosts'
import { CANVAS, GUIDE, PRIVACY } from './features'

export type Options = Record<string, unknown>
type AsyncApi = (options: Options) => unknown

/** The API surface shared by hosts that take `{ success, fail }` and fail with `{ errMsg }`. */
export interface CallbackHost {
  env?: { USER_DATA_PATH?: string }
  saveImageToPhotosAlbum?: AsyncApi
  downloadFile?: AsyncApi
  openSetting?: AsyncApi
  showModal?: AsyncApi
  showLoading?: AsyncApi
  hideLoading?: (options?: Options) => unknown
  /** The component instance goes second: the legacy canvas is looked up inside it. */
  canvasToTempFilePath?: (options: Options, component?: object) => unknown
  requirePrivacyAuthorize?: AsyncApi
  getSystemInfoSync?: () => Record<string, unknown>
  getFileSystemManager?: () => {
    writeFile(options: Options): unknown
    unlinkSync(path: string): unknown
  }
}

interface CallbackHostConfig {
  platform: PlatformId
  /** Reads the host global at call time. */
  host(): CallbackHost | undefined
  scopeKey: string
  localPrefixes: readonly string[]
  /**
   * This client's `downloadFile` writes to a `filePath` we name, so the file has the image's extension; absent
   * where the host always writes a temp file of its own.
   */
  downloadsToFile?: (host: CallbackHost) => boolean
  /** Numeric fields and codes this host reports, checked before the text. */
  codeFields: readonly string[]
  codes: Readonly<Record<number, ErrorCode>>
  /** The privacy type the app declares for the album, where the host has `requirePrivacyAuthorize`. */
  privacyType?: string
}

/** The `{ success, fail }` of a host API call, mapping its success payload. */
export function callbacks<T>(done: Callback<T>, map: (res: Options) => T): Options {
  return { success: (res: Options) => done.success(map(res || {})), fail: done.fail }
}

/** Calls `host[name](options)`; a host without it throws MissingHostApi. */
export function invoke<H extends object>(host: H | undefined, name: keyof H & string, options: Options): void {
  const api = host && host[name]
  if (typeof api !== 'function') throw new MissingHostApi(name)
  api.call(host, options)
}

/** For `downloadsToFile`: every client of the host. */
export const always = () => true

/**
 * For `downloadsToFile`: clients whose `getSystemInfoSync()[field]` (the host's app `version`, or its base library
 * `SDKVersion`) is at least `min`. A host that cannot tell is taken for an old one.
 */
export const versionAtLeast =
  (field: 'version' | 'SDKVersion', min: string) =>
  (host: CallbackHost): boolean => {
    try {
      // a host without it throws here, and is taken for an old one
      const info = (host.getSystemInfoSync as () => Record<string, unknown>)()
      const have = String(info[field]).split('.').map(Number)
      const want = min.split('.').map(Number)
      for (let i = 0; i < want.length; i++) if ((have[i] || 0) !== want[i]) return (have[i] || 0) > want[i]
      return true
    } catch {
      return false
    }
  }

/** A mini-program host's save succeeded: the image is in the album. */
export const inAlbum = (filePath: string): Saved => ({ mode: 'album', filePath })

export const readScope = (res: Options, key: string): boolean =>
  !!res.authSetting && (res.authSetting as Options)[key] === true

export const userDataOf = (host: { env?: { USER_DATA_PATH?: string } } | undefined): string =>
  (host && host.env && host.env.USER_DATA_PATH) || ''

/** `canvasToTempFilePath`'s options for a canvas: the node, or the legacy canvas's id. */
export function exportOptions({ canvas, canvasId, fileType, quality }: CanvasRequest): Options {
  return { ...(canvas ? { canvas } : { canvasId }), fileType, ...(quality !== undefined && { quality }) }
}

/** A canvas exported by the host's `canvasToTempFilePath`: a host temp file, the host's to clean. */
export function canvasToTempFile(h: CallbackHost | undefined, request: CanvasRequest, done: Callback<string>): Owned {
  const api = h && h.canvasToTempFilePath
  if (typeof api !== 'function') throw new MissingHostApi('canvasToTempFilePath')
  api.call(
    h,
    { ...exportOptions(request), ...callbacks(done, (res) => String(res.tempFilePath || '')) },
    request.component,
  )
}

export function createCallbackHostAdapter(config: CallbackHostConfig): HostAdapter {
  const { host, privacyType } = config
  const call = (name: keyof CallbackHost, options: Options) => invoke(host(), name, options)
  return {
    platform: config.platform,
    localPrefixes: config.localPrefixes,
    available() {
      const h = host()
      return !!h && typeof h.saveImageToPhotosAlbum === 'function'
    },
    userDataPath: () => userDataOf(host()),
    download(url, headers, target, done) {
      const h = host()
      const named = !!h && !!config.downloadsToFile && config.downloadsToFile(h)
      // hosts check their parameters: pass only what is set
      call('downloadFile', {
        url,
        ...(headers && { header: headers }),
        ...(named && { filePath: target }),
        ...callbacks(done, (res) => ({
          path: String(res.filePath || res.tempFilePath || ''),
          statusCode: res.statusCode as number | undefined,
          raw: res,
        })),
      })
      // a failed download's body is written there too
      return named ? target : undefined
    },
    writeImage(base64: string, _format, target: string, done: Callback<string>): Owned {
      const h = host()
      const fs = h && h.getFileSystemManager && h.getFileSystemManager()
      if (!fs) throw new MissingHostApi('getFileSystemManager')
      fs.writeFile({ filePath: target, data: base64, encoding: 'base64', ...callbacks(done, () => target) })
      return target
    },
    exportCanvas: CANVAS ? (request, _target, done) => canvasToTempFile(host(), request, done) : undefined,
    removeFile(path: string) {
      try {
        const h = host()
        if (h && h.getFileSystemManager) h.getFileSystemManager().unlinkSync(path)
      } catch {
        // already gone, or the host refuses: either way nothing more we can do without a round-trip
      }
    },
    save(filePath: string, done: Callback<Saved>) {
      call('saveImageToPhotosAlbum', { filePath, ...callbacks(done, () => inAlbum(filePath)) })
    },
    privacyType,
    authorizePrivacy:
      PRIVACY && privacyType
        ? (done: Callback<unknown>) =>
            call(
              'requirePrivacyAuthorize',
              callbacks(done, () => true),
            )
        : undefined,
    openSetting(done: Callback<boolean>) {
      call(
        'openSetting',
        callbacks(done, (res) => readScope(res, config.scopeKey)),
      )
    },
    confirm: GUIDE
      ? (texts, done) =>
          call('showModal', {
            ...texts,
            showCancel: true,
            success: (res: Options) => done(!!(res && res.confirm)),
            fail: () => done(false),
          })
      : undefined,
    loading: {
      show: (title) => call('showLoading', { title, mask: true }),
      hide: () => call('hideLoading', {}),
    },
    classify: (raw) => classify(raw, config.codeFields, config.codes),
  }
}
