import { MissingHostApi, type Done, type Downloaded, type HostAdapter, type Owned } from './adapter'
import { SaveImageError, type ErrorCode } from './errors'
import { CANVAS, CONVERT, LEFT_OUT, VIDEO } from './features'
import { extensionOfFormat, formatOfType, sniffHead, sniffVideoHead, type FileFormat } from './format'
import { step, type StepCode } from './step'
import type { Source } from './source'
import type { Settings } from './settings'

/** A file ready for the host's save API; `release` removes the files of ours it took to make it. */
export interface Prepared {
  path: string
  /** A video, saved by the host's video save. */
  video?: true
  /** What the file is, where its bytes, its Content-Type or its data said. */
  format?: FileFormat
  /** What a redraw made of it: an SVG is redrawn before it is saved. */
  converted?: Redrawn['converted']
  /**
   * Where the host documents a 2D canvas: the file redrawn as PNG (JPEG with `fileType: 'jpg'`), for a save that
   * refused its format.
   */
  redraw?(): Promise<Redrawn>
  release(): void
}

export interface Redrawn {
  path: string
  converted: 'png' | 'jpeg'
}

/** How a download's progress is reported: bytes so far, and the total where the server sent one. */
export type OnProgress = (loaded: number, total: number | undefined) => void

// Quota and I/O errors of a write are FILE_WRITE_FAILED; the host refusing our base64 is bad input.
const writeFailure = (hostCode: ErrorCode): ErrorCode =>
  hostCode === 'INVALID_ARGUMENT' ? hostCode : 'FILE_WRITE_FAILED'

const remove = (adapter: HostAdapter, path: string) => adapter.files.removeFile && adapter.files.removeFile(path)

let sequence = 0
/** A file name no concurrent call can share. */
const unique = () => `${Date.now().toString(36)}${(++sequence).toString(36)}${Math.random().toString(36).slice(2, 8)}`

/** An UNSUPPORTED_FORMAT that names the format and the host. */
export const cannotSave = (adapter: HostAdapter, format: FileFormat | undefined, raw?: unknown, video?: boolean) =>
  new SaveImageError(
    'UNSUPPORTED_FORMAT',
    __DEV__ &&
      `${adapter.platform} cannot save ${format ? `a ${format} ${video ? 'video' : 'image'}` : 'this file'}${video ? ' (albums take mp4)' : adapter.files.redraw ? '' : CONVERT ? ', and documents no canvas to redraw it' : `; ${LEFT_OUT} conversion: remove convert: false from the plugin's options`}`,
    adapter.platform,
    raw,
  )

/**
 * A source made a file the host can save: downloaded, written or exported (a local path as it is); an SVG redrawn
 * first. A failure removes what it wrote.
 */
export async function prepare(
  adapter: HostAdapter,
  source: Source,
  settings: Settings,
  progress: OnProgress,
): Promise<Prepared> {
  const owned: string[] = []
  const release = () => {
    for (const path of owned.splice(0)) remove(adapter, path)
  }
  /**
   * A step that prepares a file. The file of ours it writes (what `start` returns) goes into `owned`, or is removed
   * here when the host writes it after the watchdog fired.
   */
  const making = <T>(
    name: string | false,
    code: StepCode,
    start: (done: Done<T>, alive: (giveUp?: unknown) => void) => Owned,
  ): Promise<T> => {
    let ours: Owned
    const begin = (done: Done<T>, alive: (giveUp?: unknown) => void) => {
      if ((ours = start(done, alive))) owned.push(ours)
    }
    return step<T>(adapter, name, settings.timeout, begin, code, () => ours && remove(adapter, ours))
  }
  const target = (extension: string) => `${adapter.files.userDataPath()}/msi-${unique()}.${extension}`
  try {
    const { path, format } = await fileOf(adapter, source, settings, making, target, progress)
    if (VIDEO && 'video' in source) return { path, format, video: true, release }
    // without CONVERT no adapter has `redraw`: this drops the rest from such a build
    const draw = CONVERT && adapter.files.redraw
    const redraw = draw
      ? async (): Promise<Redrawn> => {
          const fileType = settings.fileType
          const drawn = await making<string>(__DEV__ && 'redraw', 'UNSUPPORTED_FORMAT', (done) =>
            draw.call(adapter, path, fileType, target(fileType), done),
          )
          return { path: drawn, converted: fileType === 'jpg' ? 'jpeg' : 'png' }
        }
      : undefined
    if (format !== 'svg') return { path, format, redraw, release }
    // no album takes an SVG: it is redrawn before the save, or refused before any save call
    if (!redraw) throw cannotSave(adapter, format)
    return { ...(await redraw()), format, release }
  } catch (failure) {
    release()
    throw failure
  }
}

type Making = <T>(
  name: string | false,
  code: StepCode,
  start: (done: Done<T>, alive: (giveUp?: unknown) => void) => Owned,
) => Promise<T>

async function fileOf(
  adapter: HostAdapter,
  source: Source,
  settings: Settings,
  making: Making,
  target: (extension: string) => string,
  progress: OnProgress,
): Promise<{ path: string; format?: FileFormat }> {
  if (source.kind === 'local') return { path: source.path }
  if (source.kind === 'canvas') {
    const exportCanvas = adapter.files.exportCanvas
    // without CANVAS, validation already refused the source; this drops the rest from such a build
    if (!CANVAS || !exportCanvas) throw new MissingHostApi('canvas export')
    // the export's failures are the drawing's (no canvas by that id, an empty or tainted canvas), never a host write
    const path = await making<string>(__DEV__ && 'canvas export', 'CANVAS_EXPORT_FAILED', (done) =>
      exportCanvas.call(adapter, source.canvas, target(source.canvas.fileType), done),
    )
    if (!path)
      throw new SaveImageError(
        'CANVAS_EXPORT_FAILED',
        __DEV__ && 'canvas export: the host returned no file path',
        adapter.platform,
      )
    return { path }
  }
  if (source.kind === 'data') {
    const { base64, format } = source
    const path = await making<string>(__DEV__ && 'write', writeFailure, (done) =>
      adapter.files.writeImage(base64, format, target(extensionOfFormat(format)), done),
    )
    return { path, format }
  }
  const named = target(source.extension)
  const video = VIDEO && !!source.video
  const limit = VIDEO && adapter.files.downloadLimit
  const res = await making<Downloaded>(__DEV__ && 'download', 'DOWNLOAD_FAILED', (done, alive) =>
    adapter.files.download(source.url, settings.headers, named, done, (loaded, total) => {
      // over the host's limit: failed now, not when the host gives up (a late answer's file is removed)
      if (limit && (total || loaded) > limit)
        return alive({ errMsg: `${total || loaded} bytes, over the host's download limit of ${limit}` })
      alive()
      progress(loaded, total)
    }),
  )
  const status = res.statusCode
  const httpError = status !== undefined && (status < 200 || status > 299)
  const notDownloaded = (detail: string | false) => {
    throw new SaveImageError(
      'DOWNLOAD_FAILED',
      __DEV__ && `download: ${detail} (${source.url})`,
      adapter.platform,
      res.raw,
    )
  }
  if (httpError || !res.path)
    notDownloaded(__DEV__ && (httpError ? `HTTP ${status}` : 'the host returned no file path'))
  // what the server said, else what the bytes say; a URL's `.svg` where neither could be read
  let format = formatOfType(res.contentType, video)
  let head: string | undefined
  if (format === undefined && adapter.files.readHead) {
    const read = adapter.files.readHead
    // a file the host cannot read is taken on trust, as where the host has no way to read one
    head = await making<string>(__DEV__ && 'read', 'DOWNLOAD_FAILED', (done) =>
      read.call(adapter, res.path, done),
    ).catch(() => undefined)
    if (head !== undefined) format = video ? sniffVideoHead(head) : sniffHead(head)
  }
  if (format === undefined && source.extension === 'svg') format = 'svg'
  // an anti-hotlink or login page served with 200, or an empty body: never handed to the save
  if (format === null)
    notDownloaded(
      __DEV__ &&
        (res.contentType
          ? `the server sent ${res.contentType}, not ${video ? 'a video' : 'an image'} (an error or login page?)`
          : head
            ? `the body is not ${video ? 'a video' : 'an image'} (an error or login page?)`
            : 'the body is empty'),
    )
  // a file we named gets the extension of what it holds: some albums read the type from the name
  const rename = adapter.files.renameFile
  if (format && res.path === named && extensionOfFormat(format) !== source.extension && rename) {
    const renamed = target(extensionOfFormat(format))
    // a file that cannot be renamed is saved as it is
    const path = await making<unknown>(__DEV__ && 'rename', 'DOWNLOAD_FAILED', (done) => {
      rename.call(adapter, named, renamed, done)
      return renamed
    }).then(
      () => renamed,
      () => named,
    )
    return { path, format }
  }
  return { path: res.path, format: format || undefined }
}
