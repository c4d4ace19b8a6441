import type { CanvasRequest, Done, HostAdapter, Owned, Saved } from '../../src/core/adapter'
import { MissingHostApi } from '../../src/core/adapter'
import { encodeBase64 } from '../../src/core/base64'
import { CANVAS, VIDEO } from '../../src/core/features'
import { classify } from '../../src/core/errors'
import { mimeOf, type ImageFormat } from '../../src/core/format'
import { canvasById } from './h5'

// HarmonyOS NEXT apps built by Taro's harmony-hybrid (docs/en/hosts/harmony-hybrid.md): an H5 build in ArkWeb whose
// shell answers a JS bridge, `window.MethodChannel`. Taro's own API there declares each native method on a class and
// decorates it with `MethodChannel.jsBridgeMode(...)`, which routes the call to the shell by its name; the package
// declares the three it needs the same way [O]:
//   https://github.com/NervJS/taro/blob/main/packages/taro-platform-harmony-hybrid/src/api/apis/NativeApi.ts
//   https://github.com/NervJS/taro/blob/main/packages/taro-platform-harmony-hybrid/src/api/apis/harmony-native/ApiDecorator.ts
// Without the bridge (the same build in a plain browser) the entry's fallback, the H5 adapter, takes over.

type BridgeOptions = Record<string, unknown> & { success(res: Record<string, unknown>): void; fail(err: unknown): void }
type Decorator = (target: object, key: string, descriptor: PropertyDescriptor) => PropertyDescriptor | void

declare const MethodChannel: { jsBridgeMode(mode: { isAsync: boolean; autoRelease: boolean }): Decorator } | undefined

interface Native {
  /** Writes a data URL to `filePath` (Taro's downloadFile calls it with the fetched bytes), answers `tempFilePath`. */
  saveDataUrlToFile(options: BridgeOptions): unknown
  saveImageToPhotosAlbum(options: BridgeOptions): unknown
  saveVideoToPhotosAlbum(options: BridgeOptions): unknown
  removeSavedFile(options: BridgeOptions): unknown
}

// the video save only where the build holds videos
const METHODS = [
  'saveDataUrlToFile',
  'saveImageToPhotosAlbum',
  'removeSavedFile',
  ...(VIDEO ? (['saveVideoToPhotosAlbum'] as const) : []),
] as const

let bound: { channel: object; native: Native } | undefined

/** The shell's methods, bound as Taro binds them (tslib's __decorate with `syncAndRelease`), once per bridge. */
function native(): Native | undefined {
  const channel = typeof MethodChannel === 'undefined' ? undefined : MethodChannel
  if (!channel || typeof channel.jsBridgeMode !== 'function') return undefined
  if (bound && bound.channel === channel) return bound.native
  const decorate = channel.jsBridgeMode({ isAsync: false, autoRelease: true })
  const target: Record<string, unknown> = {}
  for (const name of METHODS) {
    const descriptor: PropertyDescriptor = { value: (options: unknown) => options, writable: true, configurable: true }
    Object.defineProperty(target, name, decorate(target, name, descriptor) || descriptor)
  }
  bound = { channel, native: target as unknown as Native }
  return bound.native
}

function call(name: (typeof METHODS)[number], options: BridgeOptions): void {
  const shell = native()
  if (!shell) throw new MissingHostApi(name)
  shell[name](options)
}

/** A data URL written by the shell to `target`, a file of ours. */
function writeDataUrl(data: string, url: string, target: string, done: Done<string>): Owned {
  call('saveDataUrlToFile', {
    filePath: target,
    url,
    data,
    success: (res) => done.success(String((res && res.tempFilePath) || target)),
    fail: done.fail,
  })
  return target
}

export const adapter: HostAdapter = {
  platform: 'harmony-hybrid',
  available: () => !!native(),
  // the shell's failures are not documented [I]: the shared text rules read them
  classify: (raw) => classify(raw, ['errCode', 'code'], {}),
  files: {
    localPrefixes: ['internal://', 'file://'],
    // Taro's harmony-hybrid env ([O] https://github.com/NervJS/taro/blob/main/packages/taro-platform-harmony-hybrid/src/api/apis/base/index.ts)
    userDataPath: () => 'internal://files',
    // fetched in the page, as Taro's downloadFile does, then written by the shell
    download(url, headers, target, done) {
      fetch(url, headers ? { headers } : undefined).then((response) => {
        if (!response.ok) return done.success({ path: '', statusCode: response.status, raw: response })
        return response.arrayBuffer().then((body) => {
          const type = response.headers.get('content-type') || 'application/octet-stream'
          const written: Done<string> = {
            success: (path) => done.success({ path, statusCode: response.status, raw: response }),
            fail: done.fail,
          }
          writeDataUrl(`data:${type};base64,${encodeBase64(new Uint8Array(body))}`, url, target, written)
        })
      }, done.fail)
      return target
    },
    writeImage: (base64: string, format: ImageFormat, target: string, done: Done<string>): Owned =>
      writeDataUrl(`data:${mimeOf(format)};base64,${base64}`, '', target, done),
    exportCanvas: CANVAS ? exportCanvas : undefined,
    removeFile(path: string) {
      try {
        call('removeSavedFile', { filePath: path, success: () => undefined, fail: () => undefined })
      } catch {
        // best effort: a shell without it keeps the file
      }
    },
  },
  album: {
    save: (filePath: string, done: Done<Saved>) => saveTo('saveImageToPhotosAlbum', filePath, done),
    // Taro's own saveVideoToPhotosAlbum calls the shell's method of that name [O] (docs/en/guide/video.md#hosts)
    saveVideo: VIDEO ? (filePath, done) => saveTo('saveVideoToPhotosAlbum', filePath, done) : undefined,
  },
  // the shell has no album permission of its own to recover
  recovery: {},
}

function saveTo(name: 'saveImageToPhotosAlbum' | 'saveVideoToPhotosAlbum', filePath: string, done: Done<Saved>) {
  call(name, { filePath, success: () => done.success({ mode: 'album', filePath }), fail: done.fail })
}

function exportCanvas(
  { canvas, canvasId, component, fileType, quality }: CanvasRequest,
  target: string,
  done: Done<string>,
): Owned {
  const element = (canvas || canvasById(canvasId as string, component)) as HTMLCanvasElement | null
  if (!element || typeof element.toDataURL !== 'function')
    return done.fail({ errMsg: `canvasToTempFilePath:fail no <canvas> for canvas-id "${canvasId}"` })
  // a 0 × 0 canvas gives "data:,"; a tainted one throws SecurityError: the drawing's failure either way
  const data = element.toDataURL(fileType === 'jpg' ? 'image/jpeg' : 'image/png', quality)
  if (!/^data:image\//.test(data)) return done.fail({ errMsg: 'canvasToTempFilePath:fail the canvas is empty (0 × 0)' })
  return writeDataUrl(data, '', target, done)
}
