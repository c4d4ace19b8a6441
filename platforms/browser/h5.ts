import type { CanvasRequest, Done, HostAdapter, Owned, Saved } from '../../src/core/adapter'
import { classify as byMessage, messageOf, type ErrorCode } from '../../src/core/errors'
import { encodeBase64 } from '../../src/core/base64'
import { CANVAS, CONVERT, VIDEO } from '../../src/core/features'
import { extensionOfFormat, mimeOf, sniffFormat, sniffVideoHead, type FileFormat } from '../../src/core/format'
import { hideToast, showImage, showToast } from './h5-view'

// A browser has no album API: the image is shared (iOS), downloaded, or shown for long-press saving,
// and the result says which (docs/en/hosts/h5.md). No page can confirm it reached the album.

/** An image made ready to show: what the overlay shows (the URL itself, or a data URI), and its bytes when the page could read them. */
interface Shown {
  src: string
  bytes?: Uint8Array<ArrayBuffer>
}

/** Keyed by the target path the core hands us, and removed by its cleanup. */
const prepared = new Map<string, Shown>()

// How long a download's object URL lives: iOS asks "download?" before reading it (FileSaver.js waits as long).
const REVOKE_MS = 40_000

// In-app browsers, where a download does nothing (docs/en/hosts/h5.md#quirks): WeChat, WeCom, QQ, Douyin/TikTok,
// ByteDance, Alipay, Kuaishou, Weibo, DingTalk, Feishu/Lark, Baidu, Facebook, Instagram, Android WebView.
const IN_APP =
  /MicroMessenger|wxwork|\sQQ\/|aweme|douyin|BytedanceWebview|musical_ly|TikTok|AlipayClient|Kuaishou|Kwai|Weibo|DingTalk|Lark|Feishu|baiduboxapp|FBAN|FBAV|Instagram|; wv\)/i
const IOS = /iPhone|iPad|iPod/

const userAgent = () => (typeof navigator === 'undefined' ? '' : navigator.userAgent || '')
const isIOS = () => IOS.test(userAgent()) || (/Macintosh/.test(userAgent()) && navigator.maxTouchPoints > 1)
// An iOS web view without Safari's token is an app's WKWebView: no downloads there either.
const inAppBrowser = () => IN_APP.test(userAgent()) || (IOS.test(userAgent()) && !/Safari\//.test(userAgent()))

/** The file name offered: the URL's own name with the extension of the bytes, else `<kind>.<ext>`. */
function fileName(src: string, format: FileFormat, kind = 'image'): string {
  const extension = extensionOfFormat(format)
  if (/^data:/i.test(src)) return `${kind}.${extension}`
  let name = (/([^/?#]*)(?:[?#].*)?$/.exec(src) || ['', ''])[1]
  try {
    name = decodeURIComponent(name)
  } catch {
    // a malformed escape: keep the name as written
  }
  const stem = name.replace(/\.[^.]*$/, '') || kind
  return `${stem}.${extension}`
}

/**
 * Reads a URL the way a mini-program host downloads it. In an in-app browser nothing is fetched: the
 * overlay shows the URL itself. A URL the page may not read (no CORS) is shown as it is too, since an
 * `<img>` needs no CORS; one that does not exist fails when that image does not load.
 */
function read(
  url: string,
  headers: Record<string, string> | undefined,
): Promise<{ image: Shown; response?: Response }> {
  const shown = { image: { src: url } }
  if (inAppBrowser()) return Promise.resolve(shown)
  return fetch(url, headers ? { headers } : undefined).then(
    (response) =>
      response.ok
        ? response.arrayBuffer().then((body) => ({ image: { src: url, bytes: new Uint8Array(body) }, response }))
        : { ...shown, response },
    () => shown,
  )
}

function download(file: File) {
  const link = document.createElement('a')
  const href = URL.createObjectURL(file)
  link.href = href
  link.download = file.name
  link.style.display = 'none'
  document.body.appendChild(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(href), REVOKE_MS)
}

/** iOS only: its share sheet has "Save Image"; Android's has no save action, so Android downloads. */
function canShare(file: File): boolean {
  return (
    isIOS() &&
    typeof navigator.share === 'function' &&
    typeof navigator.canShare === 'function' &&
    navigator.canShare({ files: [file] })
  )
}

function overlay(src: string, hint: string | undefined, done: Done<Saved>, share?: () => Promise<unknown>) {
  showImage(src, hint, (error) => (error ? done.fail(error) : done.success({ mode: 'overlay', filePath: src })), share)
}

// Older WebKit's DOMException is no Error: read the name of any object.
const nameOf = (raw: unknown) =>
  typeof raw === 'object' && raw !== null ? (raw as { name?: unknown }).name : undefined

function present(image: Shown, hint: string | undefined, done: Done<Saved>) {
  if (!image.bytes || inAppBrowser()) return overlay(image.src, hint, done)
  const format = sniffFormat(image.bytes)
  if (!format)
    return done.fail({
      errMsg: `invalid file type: ${image.src.slice(0, 100)} is not a png, jpeg, gif, webp or bmp image`,
    })
  const file = new File([image.bytes], fileName(image.src, format), { type: mimeOf(format) })
  if (!canShare(file)) {
    download(file)
    return done.success({ mode: 'download', filePath: file.name })
  }
  const share = () => navigator.share({ files: [file] })
  share().then(
    () => done.success({ mode: 'share', filePath: file.name }),
    // NotAllowedError: the tap's activation was spent (a URL had to be fetched first); the overlay's
    // button is a new tap. Any other refusal still leaves the image to long-press.
    (error: unknown) => (nameOf(error) === 'AbortError' ? done.fail(error) : overlay(image.src, hint, done, share)),
  )
}

/**
 * A video: shared where the share sheet takes the file (iOS: "Save Video"), else downloaded as a typed file. Never
 * shown in an overlay: a page cannot offer a video for long-press saving.
 */
function saveVideo(path: string, done: Done<Saved>) {
  const known = prepared.get(path)
  ;(known ? Promise.resolve({ image: known, response: undefined }) : read(path, undefined)).then(
    ({ image, response }: { image: Shown; response?: Response }) => {
      if (response && !response.ok) return done.fail(response)
      const bytes = image.bytes
      if (!bytes || inAppBrowser())
        return done.fail({
          errMsg: `download:fail ${bytes ? 'an in-app browser does not download: open the page in the system browser' : 'the page may not read this video (its server sends no CORS header)'}`,
        })
      const format = sniffVideoHead(encodeBase64(bytes.subarray(0, 12)))
      if (format === null) return done.fail({ errMsg: `invalid file type: ${image.src.slice(0, 100)} is not a video` })
      const kind = format || 'mp4'
      const file = new File([bytes], fileName(image.src, kind, 'video'), {
        type: kind === 'mov' ? 'video/quicktime' : 'video/mp4',
      })
      if (!canShare(file)) {
        download(file)
        return done.success({ mode: 'download', filePath: file.name })
      }
      navigator.share({ files: [file] }).then(
        () => done.success({ mode: 'share', filePath: file.name }),
        // the tap's activation was spent fetching it, or the sheet failed: the browser's download instead
        (error: unknown) => {
          if (nameOf(error) === 'AbortError') return done.fail(error)
          download(file)
          done.success({ mode: 'download', filePath: file.name })
        },
      )
    },
    done.fail,
  )
}

/** The `<canvas>` of a legacy canvas id: Taro H5 gives it the `canvas-id` itself, uni H5 its `<uni-canvas>` wrapper. */
export function canvasById(canvasId: string, component: object | undefined): HTMLCanvasElement | null {
  const el = component && (component as { $el?: unknown }).$el
  const root = el instanceof Element ? el : document
  const id = CSS.escape(canvasId)
  return root.querySelector(`canvas[canvas-id="${id}"], [canvas-id="${id}"] canvas`)
}

function exportCanvas(
  { canvas, canvasId, component, fileType, quality }: CanvasRequest,
  target: string,
  done: Done<string>,
): Owned {
  const element = (canvas || canvasById(canvasId!, component)) as HTMLCanvasElement | null
  if (!element || typeof element.toBlob !== 'function') {
    return done.fail({
      errMsg: `canvasToTempFilePath:fail ${canvas ? 'the canvas is no HTMLCanvasElement' : `no <canvas> for canvas-id "${canvasId}"`}`,
    })
  }
  return toFile(element, fileType, quality, target, done)
}

/** A `<canvas>` exported with toBlob, kept as a prepared image of ours under `target`. */
function toFile(
  element: HTMLCanvasElement,
  fileType: 'png' | 'jpg',
  quality: number | undefined,
  target: string,
  done: Done<string>,
): Owned {
  // a canvas tainted by a cross-origin image throws SecurityError here: the drawing's failure, reported as such
  element.toBlob(
    (blob) => {
      if (!blob) return done.fail({ errMsg: 'toBlob:fail the canvas is empty (0 × 0)' })
      blob.arrayBuffer().then((body) => {
        const bytes = new Uint8Array(body)
        prepared.set(target, { src: `data:${blob.type};base64,${encodeBase64(bytes)}`, bytes })
        done.success(target)
      }, done.fail)
    },
    fileType === 'jpg' ? 'image/jpeg' : 'image/png',
    quality,
  )
  return target
}

/**
 * An image the album would not take (an SVG, above all) drawn on a `<canvas>` at its own size and exported as PNG
 * (JPEG on white): the HTML canvas every browser documents. Read from its bytes where the page has them, so the
 * canvas is never tainted.
 */
function redraw(path: string, fileType: 'png' | 'jpg', target: string, done: Done<string>): Owned {
  const image = prepared.get(path)
  const bytes = image && image.bytes
  const type = (bytes && sniffFormat(bytes)) || 'svg'
  const src = bytes ? URL.createObjectURL(new Blob([bytes], { type: mimeOf(type) })) : image ? image.src : path
  const element = new Image()
  if (!bytes) element.crossOrigin = 'anonymous'
  const finish = () => bytes && URL.revokeObjectURL(src)
  element.onerror = () => {
    finish()
    done.fail({ errMsg: `redraw:fail the image could not be drawn: ${path.slice(0, 100)}` })
  }
  element.onload = () => {
    finish()
    const canvas = document.createElement('canvas')
    const width = (canvas.width = element.naturalWidth || element.width || 300)
    const height = (canvas.height = element.naturalHeight || element.height || 150)
    const context = canvas.getContext('2d')!
    if (fileType === 'jpg') {
      context.fillStyle = '#fff'
      context.fillRect(0, 0, width, height)
    }
    context.drawImage(element, 0, 0, width, height)
    toFile(canvas, fileType, undefined, target, done)
  }
  element.src = src
  return target
}

/** A fetch Response is an HTTP error; a DOM event is an image that did not load. */
function classify(raw: unknown): ErrorCode {
  if (nameOf(raw) === 'AbortError') return 'USER_CANCELLED'
  if (/^download:fail/.test(messageOf(raw))) return 'DOWNLOAD_FAILED'
  if (typeof Response !== 'undefined' && raw instanceof Response) return 'DOWNLOAD_FAILED'
  if (typeof Event !== 'undefined' && raw instanceof Event) return 'DOWNLOAD_FAILED'
  return byMessage(raw)
}

export const adapter: HostAdapter = {
  platform: 'h5',
  // Taro's mini-program builds provide their own `document` and `window`; only a browser has fetch and object URLs.
  available: () =>
    typeof document !== 'undefined' &&
    typeof fetch === 'function' &&
    typeof URL !== 'undefined' &&
    typeof URL.createObjectURL === 'function',
  classify,
  files: {
    // `blob:` URLs are the page's own images (e.g. from canvas.toBlob)
    localPrefixes: ['blob:'],
    userDataPath: () => '',
    // every prepared image is ours, kept in `prepared` under its target
    download(url, headers, target, done) {
      read(url, headers).then(({ image, response }) => {
        prepared.set(target, image)
        done.success({
          path: target,
          statusCode: response && response.status,
          raw: response,
          contentType: (response && response.headers.get('content-type')) || undefined,
        })
      }, done.fail)
      return target
    },
    redraw: CONVERT ? redraw : undefined,
    writeImage(base64: string, format: FileFormat, target: string, done: Done<string>): Owned {
      prepared.set(target, {
        src: `data:${mimeOf(format)};base64,${base64}`,
        bytes: Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)),
      })
      done.success(target)
      return target
    },
    exportCanvas: CANVAS ? exportCanvas : undefined,
    removeFile(path: string) {
      prepared.delete(path)
    },
  },
  album: {
    save(path: string, done: Done<Saved>, hint: string | undefined) {
      const image = prepared.get(path)
      if (image) return present(image, hint, done)
      // a local path or blob: URL, used as it is: read like a download, but an HTTP error fails the save
      read(path, undefined).then(
        ({ image, response }) => (response && !response.ok ? done.fail(response) : present(image, hint, done)),
        done.fail,
      )
    },
    saveVideo: VIDEO ? saveVideo : undefined,
  },
  // no openSetting and no confirm: a browser has no album permission, so nothing to guide to
  recovery: {},
  loading: { show: showToast, hide: hideToast },
}
