import { MissingHostApi, type Callback, type Downloaded, type HostAdapter, type ModalTexts, type Saved } from './adapter'
import { codeFromMessage, messageOf, numericField, type ErrorCode } from './errors'
import type { ImageFormat } from './format'
import type { PlatformId } from './platform'

type Options = Record<string, unknown>
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
  /** The host's `downloadFile` takes a `filePath` to write to. */
  downloadsToTarget: boolean
  /** Numeric fields and codes this host reports, checked before the text. */
  codeFields: readonly string[]
  codes: Readonly<Record<number, ErrorCode>>
}

export function hostCallbacks<T>(done: Callback<T>, map: (res: Options) => T): Options {
  return {
    success: (res: Options) => done.success(map(res ?? {})),
    fail: (raw: unknown) => done.fail(raw),
  }
}

export function classifyWith(codeFields: readonly string[], codes: Readonly<Record<number, ErrorCode>>) {
  return (raw: unknown): ErrorCode => {
    const number = numericField(raw, codeFields)
    return (number !== undefined && codes[number]) || codeFromMessage(messageOf(raw))
  }
}

export function createCallbackHostAdapter(config: CallbackHostConfig): HostAdapter {
  const host = (): CallbackHost => {
    const h = config.host()
    if (!h) throw new MissingHostApi(config.platform)
    return h
  }
  const call = (name: keyof CallbackHost, options: Options) => {
    const h = host()
    const api = h[name]
    if (typeof api !== 'function') throw new MissingHostApi(String(name))
    return (api as AsyncApi).call(h, options)
  }
  return {
    platform: config.platform,
    localPrefixes: config.localPrefixes,
    downloadsToTarget: config.downloadsToTarget,
    writesToTarget: true,
    available() {
      const h = config.host()
      return !!h && typeof h.saveImageToPhotosAlbum === 'function'
    },
    userDataPath: () => config.host()?.env?.USER_DATA_PATH ?? '',
    download(url: string, headers: Record<string, string> | undefined, target: string, done: Callback<Downloaded>) {
      const options: Options = { url, ...(headers ? { header: headers } : {}) }
      if (config.downloadsToTarget) options.filePath = target
      call('downloadFile', {
        ...options,
        ...hostCallbacks(done, (res) => ({
          path: String(res.filePath || res.tempFilePath || ''),
          statusCode: typeof res.statusCode === 'number' ? res.statusCode : undefined,
          raw: res,
        })),
      })
    },
    writeImage(base64: string, _format: ImageFormat, target: string, done: Callback<string>) {
      const fs = host().getFileSystemManager?.()
      if (!fs) throw new MissingHostApi('getFileSystemManager')
      fs.writeFile({ filePath: target, data: base64, encoding: 'base64', ...hostCallbacks(done, () => target) })
    },
    removeFile(path: string) {
      try {
        host().getFileSystemManager?.().unlinkSync(path)
      } catch {
        // already gone, or the host refuses: either way nothing more we can do without a round-trip
      }
    },
    save(filePath: string, done: Callback<Saved>) {
      call('saveImageToPhotosAlbum', { filePath, ...hostCallbacks(done, () => inAlbum(filePath)) })
    },
    openSetting(done: Callback<boolean>) {
      call('openSetting', hostCallbacks(done, (res) => readScope(res, config.scopeKey)))
    },
    confirm(texts: ModalTexts, done: (confirmed: boolean) => void) {
      call('showModal', {
        ...texts,
        showCancel: true,
        success: (res: Options) => done(!!res?.confirm),
        fail: () => done(false),
      })
    },
    showLoading(title: string) {
      call('showLoading', { title, mask: true })
    },
    hideLoading() {
      call('hideLoading', {})
    },
    classify: classifyWith(config.codeFields, config.codes),
  }
}

/** A mini-program host's save succeeded: the image is in the album. */
export const inAlbum = (filePath: string): Saved => ({ mode: 'album', filePath })

export function readScope(res: Options, key: string): boolean {
  const setting = res.authSetting
  return typeof setting === 'object' && setting !== null && (setting as Options)[key] === true
}
