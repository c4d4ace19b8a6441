import { MissingHostApi, type Done, type HostAdapter, type Owned } from '../src/core/adapter'
import {
  canvasToTempFile,
  createCallbackHostAdapter,
  invoke,
  type CallbackHost,
  type Options,
} from './kit/callback-host'
import { CANVAS } from '../src/core/features'
import { classify, messageOf } from '../src/core/errors'

// The uni-app App (`uni build -p app`, HTML5+ runtime): the save and the UI go through `uni`, files through
// `plus` (docs/en/hosts/app.md). `uni.getFileSystemManager` does not exist in the classic JS App.

type Fail = (raw: unknown) => void

interface UniAppHost extends CallbackHost {
  /** 'authorized' | 'denied' | 'not determined', iOS only [D uni.d.ts] */
  getAppAuthorizeSetting?: () => { albumAuthorized?: string }
  openAppAuthorizeSetting?: (options: Options) => unknown
}

interface PlusEntry {
  getFile(name: string, flags: { create: boolean }, success: (file: PlusEntry) => void, fail: Fail): void
  createWriter(success: (writer: PlusWriter) => void, fail: Fail): void
  remove(success: () => void, fail: Fail): void
}

interface PlusWriter {
  onwrite?: () => void
  onerror?: Fail
  writeAsBinary(base64: string): void
}

interface PlusDownload {
  filename?: string
  /** 3: receiving [D HTML5+ Download.state] */
  state?: number
  downloadedSize?: number
  totalSize?: number
  getResponseHeader?(name: string): string
}

interface Plus {
  downloader: {
    createDownload(
      url: string,
      options: Options,
      done: (download: PlusDownload, status: number) => void,
    ): PlusDownload & {
      setRequestHeader(name: string, value: string): void
      start(): void
      addEventListener?(event: 'statechanged', listener: (download: PlusDownload) => void): void
    }
  }
  io: { resolveLocalFileSystemURL(url: string, success: (entry: PlusEntry) => void, fail: Fail): void }
  globalEvent: {
    addEventListener(event: string, listener: () => void): void
    removeEventListener(event: string, listener: () => void): void
  }
}

declare const uni: UniAppHost | undefined
declare const plus: Plus | undefined

const host = (): UniAppHost | undefined => (typeof uni === 'undefined' ? undefined : uni)
const plusApi = () => plus!
const albumAuthorized = () => {
  const read = host()!.getAppAuthorizeSetting
  return read ? read().albumAuthorized : undefined
}

const shared = createCallbackHostAdapter({
  platform: 'app',
  host,
  // absolute device paths (uni's getRealPath passes them through)
  localPrefixes: ['file://'],
  codeFields: [],
  codes: {},
})

export const adapter: HostAdapter = {
  ...shared,
  available: () => shared.available() && typeof plus !== 'undefined',
  /**
   * plus.gallery.save documents no error codes: uni passes on its message and `code`. A save that fails
   * while iOS reports the album denied is the denial, whatever the message says.
   */
  classify(raw) {
    const code = classify(raw)
    return code === 'UNKNOWN' && /^saveImageToPhotosAlbum:/.test(messageOf(raw)) && albumAuthorized() === 'denied'
      ? 'AUTH_DENIED'
      : code
  },
  files: {
    ...shared.files,
    // the app's private documents: ours to write and to clean
    userDataPath: () => '_doc',
    /**
     * uni.downloadFile names the file from the URL or headers, and Android reports success for a file
     * without an image extension that never reaches the album (dcloudio/uni-app#2429): the downloader
     * writes to our own name instead. A status of 0 is a network failure (uni's own downloadFile reads it so).
     */
    download(url, headers, target, done, progress) {
      const task = plusApi().downloader.createDownload(url, { filename: target, retry: 0 }, (download, statusCode) =>
        statusCode
          ? done.success({
              path: download.filename || target,
              statusCode,
              raw: download,
              contentType: download.getResponseHeader && download.getResponseHeader('Content-Type'),
            })
          : done.fail({ errMsg: 'downloadFile:fail statusCode: 0', download }),
      )
      if (task.addEventListener)
        task.addEventListener(
          'statechanged',
          (d) => d.state === 3 && progress(d.downloadedSize || 0, d.totalSize || undefined),
        )
      for (const name in headers) task.setRequestHeader(name, headers[name]!)
      task.start()
      return target
    },
    /** Writes the bytes as they are (a Bitmap re-encodes at quality 50): the way base64ToPath does on current runtimes. */
    writeImage(base64: string, _format, target: string, done: Done<string>): Owned {
      const slash = target.lastIndexOf('/')
      plusApi().io.resolveLocalFileSystemURL(
        target.slice(0, slash),
        (dir) =>
          dir.getFile(
            target.slice(slash + 1),
            { create: true },
            (file) =>
              file.createWriter((writer) => {
                writer.onwrite = () => done.success(target)
                writer.onerror = done.fail
                writer.writeAsBinary(base64)
              }, done.fail),
            done.fail,
          ),
        done.fail,
      )
      return target
    },
    // uni's App export takes a canvasId only (its page lookup needs no component); the file it writes is uni's
    exportCanvas: CANVAS
      ? (request, _target, done): Owned => {
          if (request.canvas)
            throw new MissingHostApi('Canvas 2D export: the uni-app App exports a legacy canvas by canvasId')
          return canvasToTempFile(host(), request, done)
        }
      : undefined,
    removeFile(path: string) {
      const ignore = () => {}
      try {
        plusApi().io.resolveLocalFileSystemURL(path, (entry) => entry.remove(ignore, ignore), ignore)
      } catch {
        // best effort, like every host's cleanup
      }
    },
  },
  recovery: {
    ...shared.recovery,
    /** The system settings page: the answer comes when the app returns to the foreground. */
    openSetting(done: Done<boolean>) {
      const events = plusApi().globalEvent
      let open = true
      const finish = (then: () => void) => () => {
        if (!open) return
        open = false
        events.removeEventListener('resume', back)
        then()
      }
      // iOS reports the album state; Android does not, so the retry finds out
      const back = finish(() => done.success(albumAuthorized() !== 'denied'))
      events.addEventListener('resume', back)
      try {
        invoke(host(), 'openAppAuthorizeSetting', { fail: (raw: unknown) => finish(() => done.fail(raw))() })
      } catch (missing) {
        finish(() => {})()
        throw missing
      }
    },
  },
}
