import type { AppContext, FakePlus, FakePlusDownload, FakePlusEntry, FakePlusWriter, PlusCallback } from './app'
import { copyBytes, hostBase64 } from './bytes'
import { HANG, type Outcome } from './calls'
import type { HostResult } from './types'

// The `plus` global of the simulated App (docs/en/hosts/app.md), only what the App adapter touches, as function
// pieces over its context.

/** The app's own documents folder, the only one it may write to: `userDataPath`. */
export const DOC = '_doc'
/** The roots plus.io resolves [D plus.d.ts]; `_www` is the read-only app package. */
const ROOTS = ['_doc', '_www', '_documents', '_downloads']
/** [I] plus documents no error codes for io or gallery; these follow the W3C FileError numbers. */
export const NOT_FOUND = { code: 1, message: 'file not found' }
const QUOTA = 10
const ENCODING = 5

const fail = (res: HostResult): Outcome => ({ ok: false, res })

/** What a plus API's error callback gets. */
class Failure {
  constructor(readonly fail: HostResult) {}
}

export function buildPlus(ctx: AppContext): FakePlus {
  const { desk, listeners } = ctx
  const resolve = positional<[string], FakePlusEntry>(ctx, 'io.resolveLocalFileSystemURL', (url) =>
    resolvePath(ctx, url),
  )
  return {
    io: { resolveLocalFileSystemURL: (url, success, failed) => resolve([url], success, failed) },
    downloader: { createDownload: (url, options, done) => createDownload(ctx, url, options ?? {}, done) },
    globalEvent: {
      addEventListener: desk.syncApi('globalEvent.addEventListener', (event: string, listener: () => void) => {
        const set = listeners.get(event) ?? new Set()
        set.add(listener)
        listeners.set(event, set)
      }),
      removeEventListener: desk.syncApi('globalEvent.removeEventListener', (event: string, listener: () => void) => {
        listeners.get(event)?.delete(listener)
      }),
    },
  }
}

/** Calls the `plus.globalEvent` listeners of `event` (`pause`, `resume`); a listener that throws is an error of the app's. */
export function emit(ctx: AppContext, event: string): void {
  for (const listener of Array.from(ctx.listeners.get(event) ?? [])) {
    try {
      listener()
    } catch (error) {
      ctx.desk.errors.push(error)
    }
  }
}

/**
 * A plus API with positional (success, fail) callbacks, on the same desk as uni's: logged, faultable,
 * answered after `latency`. `run` returns the success value, or a Failure for the error callback.
 */
function positional<A extends unknown[], T>(ctx: AppContext, api: string, run: (...args: A) => T | Failure) {
  const call = ctx.desk.asyncApi(api, (opts) => ({
    settle: () => {
      const out = run(...(opts.args as A))
      return out instanceof Failure ? fail(out.fail) : { ok: true, res: { value: out } as HostResult }
    },
  }))
  return (args: A, success?: (value: T) => void, failed?: PlusCallback) =>
    call({ args, success: (res: HostResult) => success?.(res.value as T), fail: (res: HostResult) => failed?.(res) })
}

function resolvePath(ctx: AppContext, url: string): FakePlusEntry | Failure {
  const path = url.replace(/\/+$/, '')
  if (ROOTS.includes(path) || isDirectory(ctx, path)) return entry(ctx, path, true)
  if (ctx.files.has(path)) return entry(ctx, path, false)
  return new Failure({ ...NOT_FOUND })
}

function isDirectory(ctx: AppContext, path: string): boolean {
  return Array.from(ctx.files.keys()).some((file) => file.startsWith(`${path}/`))
}

function entry(ctx: AppContext, fullPath: string, isDirectory: boolean): FakePlusEntry {
  const { files } = ctx
  const getFile = positional<[string, { create?: boolean } | undefined], FakePlusEntry>(
    ctx,
    'io.getFile',
    (name, flags) => {
      const path = `${fullPath}/${name}`
      if (!isDirectory) return new Failure({ code: 11, message: 'not a directory' })
      if (!files.has(path)) {
        if (!flags || !flags.create) return new Failure({ ...NOT_FOUND })
        if (!path.startsWith(`${DOC}/`)) return new Failure({ code: 6, message: 'read-only' })
        files.set(path, new Uint8Array(0))
      }
      return entry(ctx, path, false)
    },
  )
  const createWriter = positional<[], FakePlusWriter>(ctx, 'io.createWriter', () =>
    files.has(fullPath) ? writer(ctx, fullPath) : new Failure({ ...NOT_FOUND }),
  )
  const remove = positional(ctx, 'io.remove', () => {
    if (!files.delete(fullPath)) return new Failure({ ...NOT_FOUND })
    return undefined
  })
  return {
    isDirectory,
    fullPath,
    getFile: (name, flags, success, failed) => getFile([name, flags], success, failed),
    createWriter: (success, failed) => createWriter([], success, failed),
    remove: (success, failed) => remove([], success, failed),
  }
}

/** writeAsBinary(base64) [O image-tools base64ToPath]: the bytes as given; errors by number only [I]. */
function writer(ctx: AppContext, path: string): FakePlusWriter {
  const { files } = ctx
  const write = ctx.desk.asyncApi('io.writeAsBinary', (opts) => ({
    settle: () => {
      const bytes = typeof opts.data === 'string' ? hostBase64(opts.data) : null
      if (!bytes) return fail({ code: ENCODING })
      if (usedExcept(ctx, path) + bytes.length > ctx.state.userDataQuota) return fail({ code: QUOTA })
      if (!files.has(path)) return fail({ ...NOT_FOUND })
      files.set(path, bytes)
      return { ok: true, res: {} }
    },
  }))
  const writer: FakePlusWriter = {
    writeAsBinary: (data: string) =>
      write({
        data,
        success: () => {
          writer.onwrite?.({ target: writer })
          writer.onwriteend?.({ target: writer })
        },
        fail: (res: HostResult) => {
          writer.error = res.code as number
          writer.onerror?.({ target: writer })
          writer.onwriteend?.({ target: writer })
        },
      }),
  }
  return writer
}

function usedExcept(ctx: AppContext, path: string): number {
  let total = 0
  ctx.files.forEach((bytes, file) => {
    if (file !== path && file.startsWith(`${DOC}/`)) total += bytes.length
  })
  return total
}

/**
 * plus.downloader [D plus.d.ts; F uni's downloadFile]: `filename` ending in a name is used as is
 * (an existing name gets "(1)"); ending in '/' (or absent: `_downloads/`) it names the file from the URL,
 * which may have no extension. The callback gets the HTTP status; 0 when the request failed.
 */
function createDownload(
  ctx: AppContext,
  url: string,
  options: Record<string, unknown>,
  done?: (download: FakePlusDownload, status: number) => void,
): FakePlusDownload {
  const call = ctx.desk.asyncApi('downloader.createDownload', () => {
    const response = ctx.downloads.get(url)
    return {
      delay: response?.delay,
      settle: () => {
        if (!response || response.fail) return fail({ status: 0 })
        if (response.hang) return HANG
        const status = response.status ?? 200
        const path = downloadPath(ctx, url, typeof options.filename === 'string' ? options.filename : '_downloads/')
        ctx.files.set(path, copyBytes(response.body))
        download.filename = path
        return { ok: true, res: { status } }
      },
    }
  })
  const headers: Record<string, string> = {}
  let started = false
  const download: FakePlusDownload = {
    url,
    state: 0,
    setRequestHeader: (name, value) => {
      headers[name] = value
    },
    start: () => {
      if (started) return
      started = true
      download.state = 1
      call({
        url,
        options,
        headers,
        success: (res: HostResult) => {
          download.state = 4
          done?.(download, res.status as number)
        },
        fail: () => done?.(download, 0),
      })
    },
  }
  return download
}

function downloadPath(ctx: AppContext, url: string, filename: string): string {
  // a directory: the name comes from the URL, extension or not [F/O]
  const path = filename.endsWith('/') ? `${filename}${url.split(/[?#]/)[0]!.split('/').pop() || 'download'}` : filename
  if (!ctx.files.has(path)) return path
  const dot = path.lastIndexOf('.')
  const [stem, ext] = dot > path.lastIndexOf('/') ? [path.slice(0, dot), path.slice(dot)] : [path, '']
  let i = 1
  while (ctx.files.has(`${stem}(${i})${ext}`)) i++
  return `${stem}(${i})${ext}`
}
