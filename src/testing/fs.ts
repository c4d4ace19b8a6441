import { decodeData, encodeData } from './bytes'
import { hostError } from './calls'
import type { Settled } from './calls'
import type { HostContext } from './context'
import type { CallbackOptions, FakeFileSystemManager, HostResult } from './types'

/** Whether a path lies under USER_DATA_PATH (the only place writeFile may write [D]). */
export function isUserPath(ctx: HostContext, path: string): boolean {
  return path.startsWith(`${ctx.userDataPath}/`)
}

/**
 * Code-package files ('/static/a.png', 'images/a.png') have no scheme and are read-only; a host whose own folders are
 * plain sandbox paths (HarmonyOS NEXT) has its user folder outside them.
 */
function isPackagePath(ctx: HostContext, path: string): boolean {
  return !/^[a-z][a-z0-9+.-]*:/i.test(path) && !isUserPath(ctx, path)
}

function trimSlash(path: string): string {
  return path.replace(/\/+$/, '')
}

function parentOf(path: string): string {
  return path.slice(0, path.lastIndexOf('/'))
}

function dirExists(ctx: HostContext, dir: string): boolean {
  return dir === ctx.userDataPath || ctx.dirs.has(dir)
}

function bytesUsed(ctx: HostContext, except: string): number {
  let total = 0
  ctx.files.forEach((bytes, path) => {
    if (path !== except && isUserPath(ctx, path)) total += bytes.length
  })
  return total
}

function targetError(ctx: HostContext, api: string, path: string): HostResult | null {
  if (!isUserPath(ctx, path)) return ctx.payloads.notWritable(api, path)
  if (!dirExists(ctx, parentOf(path))) return ctx.payloads.noSuchFile(api, path)
  return null
}

/**
 * Stores bytes under USER_DATA_PATH as the host would: null on success, else the fail payload.
 * Shared by writeFile and downloadFile({filePath}); both count toward `userDataQuota`.
 */
export function storeUserFile(ctx: HostContext, api: string, path: string, bytes: Uint8Array): HostResult | null {
  const target = targetError(ctx, api, path)
  if (target) return target
  const limit = ctx.profile.fileLimit
  if (limit !== undefined && bytes.length > limit) return ctx.payloads.fileTooLarge(api)
  if (bytesUsed(ctx, path) + bytes.length > ctx.state.userDataQuota) return ctx.payloads.quotaExceeded(api)
  ctx.files.set(path, bytes)
  return null
}

/** The Error a sync fs method throws. Alipay's thrown text is undocumented [I]: "<api>:fail <errorMessage>". */
function syncError(ctx: HostContext, api: string, payload: HostResult, missingPath?: string): Error {
  if (!ctx.profile.alipayErrors) return hostError(payload)
  const detail = missingPath !== undefined ? `no such file or directory ${missingPath}` : String(payload.errorMessage)
  return Object.assign(new Error(`${api}:fail ${detail}`), payload)
}

/** One FileSystemManager per host, logged as `fs.<method>`. */
export function createFileSystem(ctx: HostContext): FakeFileSystemManager {
  const { desk, payloads } = ctx
  const okFs = (api: string, fields: HostResult = {}): Settled => ({
    ok: true,
    res: payloads.ok(api, ctx.profile.alipayErrors ? { success: true, ...fields } : fields),
  })
  const outcome = (api: string, error: HostResult | null, fields?: HostResult): Settled =>
    error ? { ok: false, res: error } : okFs(api, fields)
  const asyncFs = (api: string, run: (opts: CallbackOptions) => Settled) =>
    desk.asyncApi(`fs.${api}`, (opts) => ({ settle: () => run(opts) }))

  const write = (api: string, path: string, data: unknown, encoding: unknown): HostResult | null => {
    const target = targetError(ctx, api, path)
    if (target) return target
    const text = typeof data === 'string' && encoding !== undefined && !/^utf-?8$/i.test(String(encoding))
    // HarmonyOS atomic services write utf-8 only [D]; Xiaohongshu's base64 write throws (redmini #1492) [O]
    if (text && (ctx.profile.utf8Writes || ctx.profile.brokenFileSystem)) return payloads.encodingRefused(api)
    const bytes = encodeData(data, encoding)
    return bytes ? storeUserFile(ctx, api, path, bytes) : payloads.base64Error(api)
  }

  const remove = (api: string, path: string): HostResult | null => {
    if (!ctx.files.has(path)) return payloads.noSuchFile(api, path)
    if (isPackagePath(ctx, path)) return payloads.notWritable(api, path, 'unlink')
    ctx.files.delete(path)
    return null
  }

  const exists = (path: string): boolean => ctx.files.has(path) || dirExists(ctx, trimSlash(path))

  const makeDir = (api: string, dir: string, recursive: boolean): HostResult | null => {
    if (!isUserPath(ctx, dir)) return payloads.notWritable(api, dir)
    // An existing directory is accepted [I]; the package never relies on mkdir.
    if (dirExists(ctx, dir)) return null
    if (!recursive && !dirExists(ctx, parentOf(dir))) return payloads.noSuchFile(api, dir)
    for (let at = dir; isUserPath(ctx, at); at = parentOf(at)) ctx.dirs.add(at)
    return null
  }

  const read = (api: string, path: string): Uint8Array | HostResult =>
    ctx.files.get(path) ?? payloads.noSuchFile(api, path)

  return {
    writeFile: asyncFs('writeFile', (o) =>
      outcome('writeFile', write('writeFile', String(o.filePath ?? ''), o.data, o.encoding)),
    ),
    writeFileSync: desk.syncApi(
      'fs.writeFileSync',
      (filePath: string, data: string | ArrayBuffer, encoding?: string): void => {
        const error = write('writeFileSync', String(filePath), data, encoding)
        if (error) throw syncError(ctx, 'writeFileSync', error)
      },
    ),
    unlink: asyncFs('unlink', (o) => outcome('unlink', remove('unlink', String(o.filePath ?? '')))),
    unlinkSync: desk.syncApi('fs.unlinkSync', (arg: string | { filePath: string }): HostResult | void => {
      const path = typeof arg === 'string' ? arg : String(arg && arg.filePath)
      const error = remove('unlinkSync', path)
      if (error) throw syncError(ctx, 'unlinkSync', error, ctx.files.has(path) ? undefined : path)
      if (ctx.profile.alipayErrors) return { success: true }
    }),
    // position and length: WeChat 2.10.0 [D]; the same on the other hosts [I]
    readFile: asyncFs('readFile', (o) => {
      const found = read('readFile', String(o.filePath ?? ''))
      if (!(found instanceof Uint8Array)) return { ok: false, res: found }
      const from = typeof o.position === 'number' ? o.position : 0
      const part = found.subarray(from, typeof o.length === 'number' ? from + o.length : undefined)
      return okFs('readFile', { data: decodeData(part, o.encoding) })
    }),
    // FileSystemManager.rename({ oldPath, newPath }) [D WeChat]: the new path must be writable
    rename: asyncFs('rename', (o) => {
      const from = String(o.oldPath ?? '')
      const to = String(o.newPath ?? '')
      const found = read('rename', from)
      if (!(found instanceof Uint8Array)) return { ok: false, res: found }
      const refused = targetError(ctx, 'rename', to)
      if (refused) return { ok: false, res: refused }
      ctx.files.delete(from)
      ctx.files.set(to, found)
      return okFs('rename')
    }),
    readFileSync: desk.syncApi('fs.readFileSync', (filePath: string, encoding?: string): string | ArrayBuffer => {
      const found = read('readFileSync', String(filePath))
      if (found instanceof Uint8Array) return decodeData(found, encoding)
      throw syncError(ctx, 'readFileSync', found, String(filePath))
    }),
    access: asyncFs('access', (o) => {
      const path = String(o.path ?? '')
      return outcome('access', exists(path) ? null : payloads.noSuchFile('access', path))
    }),
    accessSync: desk.syncApi('fs.accessSync', (path: string): void => {
      if (!exists(String(path)))
        throw syncError(ctx, 'accessSync', payloads.noSuchFile('accessSync', String(path)), String(path))
    }),
    readdirSync: desk.syncApi('fs.readdirSync', (dirPath: string): string[] => {
      const dir = trimSlash(String(dirPath))
      const names = new Set<string>()
      const collect = (path: string): void => {
        if (path.startsWith(`${dir}/`)) names.add(path.slice(dir.length + 1).split('/')[0])
      }
      ctx.files.forEach((_bytes, path) => collect(path))
      ctx.dirs.forEach(collect)
      if (!dirExists(ctx, dir) && names.size === 0)
        throw syncError(ctx, 'readdirSync', payloads.noSuchFile('readdirSync', dir), dir)
      return Array.from(names)
    }),
    mkdir: asyncFs('mkdir', (o) =>
      outcome('mkdir', makeDir('mkdir', trimSlash(String(o.dirPath ?? '')), o.recursive === true)),
    ),
    mkdirSync: desk.syncApi('fs.mkdirSync', (dirPath: string, recursive?: boolean): void => {
      const error = makeDir('mkdirSync', trimSlash(String(dirPath)), recursive === true)
      if (error) throw syncError(ctx, 'mkdirSync', error)
    }),
  }
}
