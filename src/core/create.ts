import { MissingHostApi, type Callback, type Downloaded, type HostAdapter, type ModalTexts, type Saved } from './adapter'
import { callHost, createQueue, HostFailure, HostTimeout, noop, safely } from './call'
import { messageOf, numericField, SaveImageError, type ErrorCode } from './errors'
import type { AppDefaults, BatchOutcome, SaveImageApi, SaveImageOptions, SaveImageResult, SaveImagesOptions } from './types'
import {
  BASE_DEFAULTS,
  extensionOf,
  parse,
  parseBatchItem,
  parseBatch,
  parseSaveInput,
  readCallbacks,
  type Callbacks,
  type Context,
  type Settings,
  type Source,
} from './validate'

/** How long the guide modal and the settings page may wait for the user before the call gives up. */
export const USER_WAIT_MS = 5 * 60 * 1000

// A build plugin defines this global with the app-wide defaults it was given (see src/build/defaults.ts).
declare const __MP_SAVE_IMAGE_DEFAULTS__: AppDefaults | undefined
const DEFAULTS: Context['defaults'] = {
  ...BASE_DEFAULTS,
  ...(typeof __MP_SAVE_IMAGE_DEFAULTS__ === 'object' ? __MP_SAVE_IMAGE_DEFAULTS__ : undefined),
}

type StepCode = ErrorCode | null | ((hostCode: ErrorCode) => ErrorCode)

// Quota and I/O errors of a write are FILE_WRITE_FAILED; the host refusing our base64 is bad input (hosts.md §3).
const writeFailure = (hostCode: ErrorCode): ErrorCode => (hostCode === 'INVALID_ARGUMENT' ? hostCode : 'FILE_WRITE_FAILED')

interface GuideOutcome {
  granted: boolean
  /** Why settings could not be opened (e.g. NEEDS_USER_GESTURE); absent when the user declined. */
  error?: SaveImageError
}

const CODE_FIELDS = ['errno', 'errNo', 'errorCode', 'errCode', 'error']

/**
 * The whole runtime over one host adapter. `resolveAdapter` is read on every call, so the
 * universal build can find its host lazily and importing never touches a host. `unsupported` is
 * the message of the UNSUPPORTED_PLATFORM rejection when there is no host.
 */
export function createSaveImage(
  resolveAdapter: () => HostAdapter | null,
  unsupported = 'no supported mini-program host with a save API was found',
): SaveImageApi {
  const serial = createQueue()
  const guide = createGuide()
  const loading = createLoading()
  let sequence = 0

  function context(adapter: HostAdapter | null): Context {
    return { platform: adapter ? adapter.platform : null, isHostLocal: (path) => !!adapter && isHostLocal(adapter, path), defaults: DEFAULTS }
  }

  function requireHost(adapter: HostAdapter | null): HostAdapter {
    if (adapter && adapter.available()) return adapter
    throw new SaveImageError('UNSUPPORTED_PLATFORM', unsupported, adapter && adapter.platform)
  }

  /** `failCode` names the step's code (a failed download is DOWNLOAD_FAILED whatever the host said); null asks the adapter. */
  function toError(adapter: HostAdapter, failure: unknown, failCode: StepCode): SaveImageError {
    const platform = adapter.platform
    if (failure instanceof SaveImageError) return failure
    if (failure instanceof HostTimeout) {
      return new SaveImageError('TIMEOUT', `${failure.api} did not call back within ${failure.ms} ms`, platform, failure)
    }
    if (failure instanceof HostFailure) {
      if (failure.raw instanceof MissingHostApi) return new SaveImageError('UNSUPPORTED_PLATFORM', failure.raw.message, platform, failure.raw)
      const code = typeof failCode === 'function' ? failCode(adapter.classify(failure.raw)) : failCode || adapter.classify(failure.raw)
      return new SaveImageError(code, `${failure.api}: ${detailOf(failure.raw)}`, platform, failure.raw)
    }
    return new SaveImageError('UNKNOWN', String(failure), platform, failure)
  }

  function hostCall<T>(adapter: HostAdapter, api: string, timeoutMs: number, failCode: StepCode, start: (done: Callback<T>) => void, onLate?: () => void) {
    return callHost(api, timeoutMs, start, onLate).catch((failure: unknown) => {
      throw toError(adapter, failure, failCode)
    })
  }

  function targetPath(adapter: HostAdapter, extension: string): string {
    const unique = `${Date.now().toString(36)}${(++sequence).toString(36)}${Math.random().toString(36).slice(2, 8)}`
    return `${adapter.userDataPath()}/msi-${unique}.${extension}`
  }

  async function download(adapter: HostAdapter, source: Extract<Source, { kind: 'url' }>, settings: Settings, owned: string[]) {
    const target = targetPath(adapter, source.extension)
    const ours = adapter.downloadsToTarget
    if (ours) owned.push(target)
    const res = await hostCall<Downloaded>(adapter, 'download', settings.timeout, 'DOWNLOAD_FAILED', (done) => adapter.download(source.url, settings.headers, target, done), ours ? () => adapter.removeFile(target) : undefined)
    if (res.statusCode !== undefined && (res.statusCode < 200 || res.statusCode > 299)) {
      throw new SaveImageError('DOWNLOAD_FAILED', `download: HTTP ${res.statusCode} for ${source.url}`, adapter.platform, res.raw)
    }
    if (!res.path) throw new SaveImageError('DOWNLOAD_FAILED', 'download: the host returned no file path', adapter.platform, res.raw)
    return res.path
  }

  function write(adapter: HostAdapter, source: Extract<Source, { kind: 'data' }>, settings: Settings, owned: string[]) {
    const target = targetPath(adapter, extensionOf(source.format))
    const ours = adapter.writesToTarget
    if (ours) owned.push(target)
    return hostCall<string>(adapter, 'write', settings.timeout, writeFailure, (done) => adapter.writeImage(source.base64, source.format, target, done), ours ? () => adapter.removeFile(target) : undefined)
  }

  function prepare(adapter: HostAdapter, source: Source, settings: Settings, owned: string[]): Promise<string> {
    if (source.kind === 'url') return download(adapter, source, settings, owned)
    if (source.kind === 'data') return write(adapter, source, settings, owned)
    return Promise.resolve(source.path)
  }

  /** One serialised save. */
  function attemptSave(adapter: HostAdapter, filePath: string, settings: Settings): Promise<Saved> {
    return serial(() => hostCall<Saved>(adapter, 'save', settings.timeout, null, (done) => adapter.save(filePath, done, settings.hint)))
  }

  async function saveWithRecovery(adapter: HostAdapter, filePath: string, settings: Settings, since: number): Promise<Saved> {
    try {
      return await attemptSave(adapter, filePath, settings)
    } catch (denied) {
      const guideTexts = settings.guide
      if (!(denied instanceof SaveImageError) || denied.code !== 'AUTH_DENIED' || !guideTexts) throw denied
      const outcome = await guide.recover(since, () => askToOpenSettings(adapter, guideTexts))
      if (!outcome.granted) throw outcome.error || denied
      return attemptSave(adapter, filePath, settings)
    }
  }

  async function saveOne(adapter: HostAdapter, source: Source, settings: Settings, since: number): Promise<SaveImageResult> {
    const owned: string[] = []
    try {
      const filePath = await prepare(adapter, source, settings, owned)
      const saved = await saveWithRecovery(adapter, filePath, settings, since)
      return { errMsg: 'saveImageToAlbum:ok', platform: adapter.platform, ...saved }
    } catch (failure) {
      throw toError(adapter, failure, null)
    } finally {
      for (const path of owned) adapter.removeFile(path)
    }
  }

  async function saveSingle(input: unknown): Promise<SaveImageResult> {
    const resolved = resolveAdapter()
    const { source, settings } = parse(resolved && resolved.platform, () => parseSaveInput(input, context(resolved)))
    const adapter = requireHost(resolved)
    const since = guide.epoch()
    return loading.during(adapter, settings.loading, () => saveOne(adapter, source, settings, since))
  }

  async function saveBatch(sources: unknown, options: unknown): Promise<BatchOutcome[]> {
    const resolved = resolveAdapter()
    const ctx = context(resolved)
    const { items, ...batch } = parse(ctx.platform, () => parseBatch(sources, options, ctx))
    const results: BatchOutcome[] = new Array(items.length)
    const since = guide.epoch()
    let next = 0
    let done = 0

    const saveItem = async (item: unknown) => {
      const { source, settings } = parse(ctx.platform, () => parseBatchItem(item, ctx, batch))
      return saveOne(requireHost(resolved), source, settings, since)
    }
    const worker = async () => {
      while (next < items.length) {
        const index = next++
        const outcome: BatchOutcome = await saveItem(items[index]).then(
          (result) => ({ ok: true as const, result }),
          (error: SaveImageError) => ({ ok: false as const, error }),
        )
        results[index] = outcome
        done++
        safely(batch.onProgress, { done, total: items.length, index, ...(outcome.ok ? { result: outcome.result } : { error: outcome.error }) })
      }
    }
    const workers = () => Promise.all(Array.from({ length: Math.min(batch.concurrency, items.length) }, worker))
    if (resolved && resolved.available() && items.length > 0) await loading.during(resolved, batch.loading, workers)
    else await workers()
    return results
  }

  /**
   * The guide: a modal whose confirm opens the settings page. openSetting is called synchronously
   * inside the modal's callback: WeChat ≥ 2.3.0 only opens settings from a tap, and a modal button
   * press is one. Both wait for the user, so they get USER_WAIT_MS rather than the call's timeout.
   */
  function askToOpenSettings(adapter: HostAdapter, texts: ModalTexts): Promise<GuideOutcome> {
    const settingsFailed = (raw: unknown): GuideOutcome => ({ granted: false, error: toError(adapter, new HostFailure('openSetting', raw), null) })
    const answered = (done: Callback<GuideOutcome>) => (confirmed: boolean) => {
      if (!confirmed) return done.success({ granted: false })
      try {
        adapter.openSetting({ success: (granted) => done.success({ granted }), fail: (raw) => done.success(settingsFailed(raw)) })
      } catch (thrown) {
        done.success(settingsFailed(thrown))
      }
    }
    return callHost<GuideOutcome>('guide', USER_WAIT_MS, (done) => adapter.confirm(texts, answered(done))).catch((failure: unknown) =>
      // a host without a modal leaves the original denial standing; a guide nobody answered is a TIMEOUT
      failure instanceof HostTimeout ? { granted: false, error: toError(adapter, failure, null) } : { granted: false },
    )
  }

  function openAlbumSetting(): Promise<boolean> {
    let adapter: HostAdapter
    try {
      adapter = requireHost(resolveAdapter())
    } catch (error) {
      return Promise.reject(error)
    }
    // no await before this call: WeChat only opens settings inside the tap's own call stack
    return hostCall<boolean>(adapter, 'openSetting', USER_WAIT_MS, null, (done) => adapter.openSetting(done))
  }

  return {
    saveImageToAlbum: (input: string | SaveImageOptions) => withCallbacks(saveSingle(input), readCallbacks(input)),
    saveImagesToAlbum: (sources, options?: SaveImagesOptions) => saveBatch(sources, options),
    openAlbumSetting,
  }
}

function isHostLocal(adapter: HostAdapter, path: string): boolean {
  if (adapter.localPrefixes.some((prefix) => path.startsWith(prefix))) return true
  const userData = adapter.userDataPath()
  return !!userData && (path === userData || path.startsWith(`${userData}/`))
}

function detailOf(raw: unknown): string {
  const code = numericField(raw, CODE_FIELDS)
  const message = messageOf(raw)
  return code === undefined ? message : `${message} (${code})`.trim()
}

function withCallbacks(promise: Promise<SaveImageResult>, callbacks: Callbacks): Promise<SaveImageResult> {
  const settled = promise.then(
    (result) => {
      safely(callbacks.success, result)
      safely(callbacks.complete, result)
      return result
    },
    (error: SaveImageError) => {
      safely(callbacks.fail, error)
      safely(callbacks.complete, error)
      throw error
    },
  )
  // a callback-style caller may never touch the promise: its rejection is already handled by `fail`
  if (callbacks.fail || callbacks.complete) settled.catch(noop)
  return settled
}

/** One guide modal at a time; calls that were waiting when it closed share its outcome. */
function createGuide() {
  let open: Promise<GuideOutcome> | null = null
  let epoch = 0
  let last: GuideOutcome = { granted: false }
  return {
    epoch: () => epoch,
    /** `since`: the epoch when the asking call started; a guide closed after that answers for it too. */
    recover(since: number, ask: () => Promise<GuideOutcome>): Promise<GuideOutcome> {
      if (open) return open
      if (since !== epoch) return Promise.resolve(last)
      open = ask().then((outcome) => {
        open = null
        epoch++
        last = outcome
        return outcome
      })
      return open
    },
  }
}

/** Reference-counted so overlapping calls show one indicator, hidden before the last one settles. */
function createLoading() {
  let active = 0
  const quietly = (fn: () => void) => {
    try {
      fn()
    } catch {
      // a host without a loading API still saves
    }
  }
  return {
    async during<T>(adapter: HostAdapter, title: string | null, work: () => Promise<T>): Promise<T> {
      if (title === null) return work()
      if (active++ === 0) quietly(() => adapter.showLoading(title))
      try {
        return await work()
      } finally {
        if (--active === 0) quietly(() => adapter.hideLoading())
      }
    },
  }
}

