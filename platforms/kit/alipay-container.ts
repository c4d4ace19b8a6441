import type { Done, HostAdapter, ModalTexts, Saved } from '../../src/core/adapter'
import {
  hostCallbacks,
  exportOptions,
  headerOf,
  inAlbum,
  invoke,
  readScope,
  userDataOf,
  type Options,
} from './callback-host'
import { classify, numericField } from '../../src/core/errors'
import { CANVAS, GUIDE, VIDEO } from '../../src/core/features'
import { mimeOf, type ImageFormat } from '../../src/core/format'

type AsyncApi = (options: Options) => unknown

/** The API of the Alipay mini-program container, which DingTalk's `dd` shares. */
export interface AlipayHost {
  env?: { USER_DATA_PATH?: string }
  canIUse?: (name: string) => boolean
  saveImageToPhotosAlbum?: AsyncApi
  saveImage?: AsyncApi
  saveVideoToPhotosAlbum?: AsyncApi
  canvasToTempFilePath?: AsyncApi
  downloadFile?: AsyncApi
  openSetting?: AsyncApi
  confirm?: AsyncApi
  showLoading?: AsyncApi
  hideLoading?: (options?: Options) => unknown
}

/** Temp path of a download: `apFilePath` always, `tempFilePath` only from base library 2.7.23. */
const downloadedPath = (res: Options) => String(res.apFilePath || res.tempFilePath || res.filePath || '')

/** Old clients (base library < 1.15.0) and DingTalk only have the legacy my.saveImage({ url }). */
const hasModernSave = (h: AlipayHost) =>
  typeof h.saveImageToPhotosAlbum === 'function' &&
  !(typeof h.canIUse === 'function' && h.canIUse('saveImageToPhotosAlbum') === false)

const CODES = {
  2: 'INVALID_ARGUMENT',
  12: 'DOWNLOAD_FAILED',
  13: 'DOWNLOAD_FAILED',
  15: 'SYSTEM_PERMISSION_DENIED',
  16: 'STORAGE_FULL',
  20: 'DOWNLOAD_FAILED',
  2001: 'AUTH_DENIED',
  2002: 'AUTH_DENIED',
  2003: 'AUTH_DENIED',
} as const

/**
 * An adapter over a host global of the Alipay container: Alipay's `my` (platforms/alipay.ts), DingTalk's `dd`
 * (platforms/dd.ts). The caller names the platform, so each entry's code says which host it is for.
 */
export function createAlipayAdapter(
  host: () => AlipayHost | undefined,
  videoPath: 'src' | 'filePath',
): Omit<HostAdapter, 'platform'> {
  const call = (name: keyof AlipayHost, options: Options) => invoke(host(), name, options)
  return {
    available() {
      const h = host()
      return !!h && (typeof h.saveImageToPhotosAlbum === 'function' || typeof h.saveImage === 'function')
    },
    // error 4 "无权限调用" [D]: an API this app may not call (a video save on an individual account [I]), unless its
    // text says more
    classify(raw) {
      const code = classify(raw, ['error'], CODES)
      return VIDEO && code === 'UNKNOWN' && numericField(raw, ['error']) === 4 ? 'UNSUPPORTED_PLATFORM' : code
    },
    files: {
      // temp files live under https://resource/, user files under https://usr (docs/en/hosts/alipay.md#files)
      localPrefixes: ['https://resource/', 'https://usr/'],
      userDataPath: () => userDataOf(host()),
      // downloads, data URIs and canvas exports all land in host temp files, which the host cleans
      download(url, headers, _target, done) {
        call('downloadFile', {
          url,
          ...(headers && { header: headers }),
          // no download task event is documented; the success payload carries the response headers [D typings]
          ...hostCallbacks(done, (res) => ({
            path: downloadedPath(res),
            raw: res,
            contentType: headerOf(res.header || res.headers, 'content-type'),
          })),
        })
      },
      // User files need client 10.2.70 (and were iOS-only), so use the documented route: download the data URI
      writeImage(base64: string, format: ImageFormat, _target: string, done: Done<string>) {
        call('downloadFile', { url: `data:${mimeOf(format)};base64,${base64}`, ...hostCallbacks(done, downloadedPath) })
      },
      // takes a legacy canvas's `id` or, from base library 2.7.15, a Canvas 2D node; ids are page-wide (docs/en/hosts/alipay.md#canvas)
      exportCanvas: CANVAS
        ? (request, _target, done) => {
            call('canvasToTempFilePath', { ...exportOptions(request), ...hostCallbacks(done, downloadedPath) })
          }
        : undefined,
    },
    album: {
      save(filePath: string, done: Done<Saved>) {
        const answers = hostCallbacks(done, () => inAlbum(filePath))
        if (hasModernSave(host() || {})) call('saveImageToPhotosAlbum', { filePath, hideToast: true, ...answers })
        else call('saveImage', { url: filePath, showActionSheet: false, ...answers })
      },
      // the video's path goes by a host's own name: Alipay `src`, DingTalk `filePath` (docs/en/guide/video.md#hosts)
      saveVideo: VIDEO
        ? (filePath, done) =>
            call('saveVideoToPhotosAlbum', { [videoPath]: filePath, ...hostCallbacks(done, () => inAlbum(filePath)) })
        : undefined,
    },
    recovery: {
      openSetting(done: Done<boolean>) {
        // openSetting reports the album as `album`, getSetting as `writePhotosAlbum` (docs/en/hosts/alipay.md#permission)
        call(
          'openSetting',
          hostCallbacks(done, (res) => readScope(res, 'album') || readScope(res, 'writePhotosAlbum')),
        )
      },
      confirm: GUIDE
        ? (texts: ModalTexts, done: (confirmed: boolean) => void) =>
            call('confirm', {
              title: texts.title,
              content: texts.content,
              confirmButtonText: texts.confirmText,
              cancelButtonText: texts.cancelText,
              success: (res: Options) => done(!!(res && res.confirm)),
              fail: () => done(false),
            })
        : undefined,
    },
    loading: {
      show: (title) => call('showLoading', { content: title }),
      hide: () => call('hideLoading', {}),
    },
  }
}
