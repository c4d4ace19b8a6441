import { MissingHostApi, type Callback, type Downloaded, type HostAdapter, type Owned } from './adapter'
import { SaveImageError, type ErrorCode } from './errors'
import { CANVAS } from './features'
import { extensionOf } from './format'
import { step, type StepCode } from './step'
import type { Source } from './source'
import type { Settings } from './validate'

/** A file ready for the host's save API; `release` removes the files of ours it took to make it. */
export interface Prepared {
  path: string
  release(): void
}

// Quota and I/O errors of a write are FILE_WRITE_FAILED; the host refusing our base64 is bad input.
const writeFailure = (hostCode: ErrorCode): ErrorCode =>
  hostCode === 'INVALID_ARGUMENT' ? hostCode : 'FILE_WRITE_FAILED'

const remove = (adapter: HostAdapter, path: string) => adapter.removeFile && adapter.removeFile(path)

let sequence = 0
/** A file name no concurrent call can share. */
const unique = () => `${Date.now().toString(36)}${(++sequence).toString(36)}${Math.random().toString(36).slice(2, 8)}`

/** A source made a file the host can save: downloaded, written or exported (a local path as it is). A failure removes what it wrote. */
export async function prepare(adapter: HostAdapter, source: Source, settings: Settings): Promise<Prepared> {
  const owned: string[] = []
  const release = () => {
    for (const path of owned.splice(0)) remove(adapter, path)
  }
  try {
    return { path: await fileOf(adapter, source, settings, owned), release }
  } catch (failure) {
    release()
    throw failure
  }
}

async function fileOf(adapter: HostAdapter, source: Source, settings: Settings, owned: string[]): Promise<string> {
  if (source.kind === 'local') return source.path
  const { timeout, headers } = settings
  const extension =
    source.kind === 'url'
      ? source.extension
      : source.kind === 'data'
        ? extensionOf(source.format)
        : source.canvas.fileType
  const target = `${adapter.userDataPath()}/msi-${unique()}.${extension}`
  /**
   * A step that prepares the file. The file of ours it writes (what `start` returns) goes into `owned`, or is
   * removed here when the host writes it after the watchdog fired.
   */
  const making = <T>(name: string | false, code: StepCode, start: (done: Callback<T>) => Owned) => {
    let ours: Owned
    const begin = (done: Callback<T>) => {
      if ((ours = start(done))) owned.push(ours)
    }
    return step<T>(adapter, name, timeout, begin, code, () => ours && remove(adapter, ours))
  }
  if (source.kind === 'canvas') {
    const exportCanvas = adapter.exportCanvas
    // without CANVAS, validation already refused the source; this drops the rest from such a build
    if (!CANVAS || !exportCanvas) throw new MissingHostApi('canvas export')
    // the export's failures are the drawing's (no canvas by that id, an empty or tainted canvas), never a host write
    const path = await making<string>(__DEV__ && 'canvas export', 'CANVAS_EXPORT_FAILED', (done) =>
      exportCanvas.call(adapter, source.canvas, target, done),
    )
    if (!path)
      throw new SaveImageError(
        'CANVAS_EXPORT_FAILED',
        __DEV__ && 'canvas export: the host returned no file path',
        adapter.platform,
      )
    return path
  }
  if (source.kind === 'data')
    return making<string>(__DEV__ && 'write', writeFailure, (done) =>
      adapter.writeImage(source.base64, source.format, target, done),
    )
  const res = await making<Downloaded>(__DEV__ && 'download', 'DOWNLOAD_FAILED', (done) =>
    adapter.download(source.url, headers, target, done),
  )
  const status = res.statusCode
  const httpError = status !== undefined && (status < 200 || status > 299)
  if (httpError || !res.path) {
    throw new SaveImageError(
      'DOWNLOAD_FAILED',
      __DEV__ && `download: ${httpError ? `HTTP ${status} for ${source.url}` : 'the host returned no file path'}`,
      adapter.platform,
      res.raw,
    )
  }
  return res.path
}
