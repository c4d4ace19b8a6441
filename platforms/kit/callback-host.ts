import {
  MissingHostApi,
  type CanvasRequest,
  type Done,
  type HostAdapter,
  type Owned,
  type Saved,
} from '../../src/core/adapter'
import { normalizeBase64 } from '../../src/core/base64'
import { classify, type ErrorCode } from '../../src/core/errors'
import type { PlatformId } from '../../src/hosts'
import { CANVAS, GUIDE, PRIVACY, VIDEO } from '../../src/core/features'

export type Options = Record<string, unknown>
type AsyncApi = (options: Options) => unknown

/** The API surface shared by hosts that take `{ success, fail }` and fail with `{ errMsg }`. */
export interface CallbackHost {
  env?: { USER_DATA_PATH?: string }
  saveImageToPhotosAlbum?: AsyncApi
  saveVideoToPhotosAlbum?: AsyncApi
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
    readFile?(options: Options): unknown
    rename?(options: Options): unknown
  }
}

/** What `downloadFile` returns where the host documents a download task (WeChat, Douyin, Baidu [D]). */
interface DownloadTask {
  onProgressUpdate?(listener: (res: Options) => void): void
  onHeadersReceived?(listener: (res: Options) => void): void
}

/** A header's value, whatever the case of its name (hosts pass the server's own). */
export function headerOf(headers: unknown, name: string): string | undefined {
  if (typeof headers !== 'object' || !headers) return undefined
  for (const key in headers) if (key.toLowerCase() === name) return String((headers as Options)[key])
  return undefined
}

interface CallbackHostConfig {
  platform: PlatformId
  /** Reads the host global at call time. */
  host(): CallbackHost | undefined
  /**
   * The album permission's key in openSetting's `authSetting`. Absent where the host has no album permission
   * (HarmonyOS atomic services): the settings page opens, and the album is not blocked there.
   */
  scopeKey?: string
  /** No settings page (uni-app on HarmonyOS NEXT): no openSetting, and no guide to a page that is not there. */
  noSettingsPage?: true
  /**
   * writeFile's data for base64 image data, where the host takes no base64 text (HarmonyOS atomic services: utf-8 or
   * an ArrayBuffer [D]); else the text, `encoding: 'base64'`.
   */
  writeData?: (base64: string) => Options
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
export function hostCallbacks<T>(done: Done<T>, map: (res: Options) => T): Options {
  return { success: (res: Options) => done.success(map(res || {})), fail: done.fail }
}

/** Calls `host[name](options)` and returns what it returns; a host without it throws MissingHostApi. */
export function invoke<H extends object>(host: H | undefined, name: keyof H & string, options: Options): unknown {
  const api = host && host[name]
  if (typeof api !== 'function') throw new MissingHostApi(name)
  return api.call(host, options)
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

/** The data of a canvas's `toDataURL`, written to our own file; a canvas that gave no image fails the export. */
export function writeDataUrl(
  adapter: HostAdapter,
  url: unknown,
  jpg: boolean,
  target: string,
  done: Done<string>,
): Owned {
  const text = String(url || '')
  const base64 = normalizeBase64(text.slice(text.indexOf(',') + 1))
  if (!/^data:image\//.test(text) || !base64)
    return done.fail({ errMsg: 'toDataURL:fail the canvas gave no image data' })
  return adapter.files.writeImage(base64, jpg ? 'jpeg' : 'png', target, done)
}

/** An offscreen 2D canvas as a host documents it (WeChat `wx.createOffscreenCanvas({ type: '2d' })`, 2.16.1 [D]). */
export interface OffscreenCanvas {
  width: number
  height: number
  getContext(type: '2d'): {
    fillStyle: string
    fillRect(x: number, y: number, w: number, h: number): void
    drawImage(image: object, x: number, y: number, w: number, h: number): void
  }
  createImage(): {
    src: string
    width: number
    height: number
    onload: (() => void) | null
    onerror: ((e: unknown) => void) | null
  }
  toDataURL?(type: string): string
}

/**
 * `redraw` on an offscreen 2D canvas: the file is loaded as the canvas's image, drawn at its own size (JPEG on white,
 * having no alpha) and exported with `toDataURL`, then written to our own file.
 */
export function redrawOffscreen(
  adapter: HostAdapter,
  canvas: OffscreenCanvas,
  path: string,
  fileType: 'png' | 'jpg',
  target: string,
  done: Done<string>,
): Owned {
  const image = canvas.createImage()
  const jpg = fileType === 'jpg'
  image.onerror = () => done.fail({ errMsg: `redraw:fail the image could not be drawn: ${path}` })
  image.onload = () => {
    try {
      const { width, height } = image
      canvas.width = width
      canvas.height = height
      const context = canvas.getContext('2d')
      if (jpg) {
        context.fillStyle = '#fff'
        context.fillRect(0, 0, width, height)
      }
      context.drawImage(image, 0, 0, width, height)
      writeDataUrl(adapter, canvas.toDataURL && canvas.toDataURL(jpg ? 'image/jpeg' : 'image/png'), jpg, target, done)
    } catch (thrown) {
      done.fail(thrown)
    }
  }
  image.src = path
  return target
}

/** `canvasToTempFilePath`'s options for a canvas: the node, or the legacy canvas's id. */
export function exportOptions({ canvas, canvasId, fileType, quality }: CanvasRequest): Options {
  return { ...(canvas ? { canvas } : { canvasId }), fileType, ...(quality !== undefined && { quality }) }
}

/** A canvas exported by the host's `canvasToTempFilePath`: a host temp file, the host's to clean. */
export function canvasToTempFile(h: CallbackHost | undefined, request: CanvasRequest, done: Done<string>): Owned {
  const api = h && h.canvasToTempFilePath
  if (typeof api !== 'function') throw new MissingHostApi('canvasToTempFilePath')
  api.call(
    h,
    { ...exportOptions(request), ...hostCallbacks(done, (res) => String(res.tempFilePath || '')) },
    request.component,
  )
}

export function createCallbackHostAdapter(config: CallbackHostConfig): HostAdapter {
  const { host, privacyType, scopeKey } = config
  const call = (name: keyof CallbackHost, options: Options): unknown => invoke(host(), name, options)
  return {
    platform: config.platform,
    available() {
      const h = host()
      return !!h && typeof h.saveImageToPhotosAlbum === 'function'
    },
    classify: (raw) => classify(raw, config.codeFields, config.codes),
    files: {
      localPrefixes: config.localPrefixes,
      userDataPath: () => userDataOf(host()),
      download(url, headers, target, done, progress) {
        const h = host()
        const named = !!h && !!config.downloadsToFile && config.downloadsToFile(h)
        let contentType: string | undefined
        // hosts check their parameters: pass only what is set
        const task = call('downloadFile', {
          url,
          ...(headers && { header: headers }),
          ...(named && { filePath: target }),
          ...hostCallbacks(done, (res) => ({
            path: String(res.filePath || res.tempFilePath || ''),
            statusCode: res.statusCode as number | undefined,
            raw: res,
            // the task's headers event comes first; a host without one may put them in its payload (Alipay)
            contentType: contentType || headerOf(res.header || res.headers, 'content-type'),
          })),
        }) as DownloadTask | undefined
        if (task && task.onHeadersReceived)
          task.onHeadersReceived((res) => (contentType = headerOf(res.header, 'content-type')))
        if (task && task.onProgressUpdate)
          task.onProgressUpdate((res) =>
            progress(Number(res.totalBytesWritten) || 0, Number(res.totalBytesExpectedToWrite) || undefined),
          )
        // a failed download's body is written there too
        return named ? target : undefined
      },
      readHead(path, done) {
        const h = host()
        const fs = h && h.getFileSystemManager && h.getFileSystemManager()
        if (!fs || !fs.readFile) throw new MissingHostApi('readFile')
        // position and length: WeChat ≥ 2.10.0 [D]; a host that ignores them returns the whole file, still readable
        fs.readFile({
          filePath: path,
          encoding: 'base64',
          position: 0,
          length: 256,
          ...hostCallbacks(done, (res) => String(res.data || '')),
        })
      },
      renameFile(from, to, done) {
        const h = host()
        const fs = h && h.getFileSystemManager && h.getFileSystemManager()
        if (!fs || !fs.rename) throw new MissingHostApi('rename')
        fs.rename({ oldPath: from, newPath: to, ...hostCallbacks(done, () => to) })
      },
      writeImage(base64: string, _format, target: string, done: Done<string>): Owned {
        const h = host()
        const fs = h && h.getFileSystemManager && h.getFileSystemManager()
        if (!fs) throw new MissingHostApi('getFileSystemManager')
        const data = config.writeData ? config.writeData(base64) : { data: base64, encoding: 'base64' }
        fs.writeFile({ filePath: target, ...data, ...hostCallbacks(done, () => target) })
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
    },
    album: {
      save(filePath: string, done: Done<Saved>) {
        call('saveImageToPhotosAlbum', { filePath, ...hostCallbacks(done, () => inAlbum(filePath)) })
      },
      // every host of this shape names it so; one without it is UNSUPPORTED_PLATFORM (docs/en/guide/video.md)
      saveVideo: VIDEO
        ? (filePath, done) =>
            call('saveVideoToPhotosAlbum', { filePath, ...hostCallbacks(done, () => inAlbum(filePath)) })
        : undefined,
    },
    recovery: {
      privacyType,
      authorizePrivacy:
        PRIVACY && privacyType
          ? (done: Done<unknown>) =>
              call(
                'requirePrivacyAuthorize',
                hostCallbacks(done, () => true),
              )
          : undefined,
      openSetting: config.noSettingsPage
        ? undefined
        : (done: Done<boolean>) => {
            call(
              'openSetting',
              hostCallbacks(done, (res) => !scopeKey || readScope(res, scopeKey)),
            )
          },
      confirm:
        GUIDE && !config.noSettingsPage
          ? (texts, done) =>
              call('showModal', {
                ...texts,
                showCancel: true,
                success: (res: Options) => done(!!(res && res.confirm)),
                fail: () => done(false),
              })
          : undefined,
    },
    loading: {
      show: (title) => call('showLoading', { title, mask: true }),
      hide: () => call('hideLoading', {}),
    },
  }
}
