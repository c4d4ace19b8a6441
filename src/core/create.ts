import { MissingHostApi, type Callback, type Downloaded, type HostAdapter, type ModalTexts, type Owned, type Saved } from './adapter'
import { callHost, createQueue, noop, safely, TIMED_OUT } from './call'
import { messageOf, numericField, SaveImageError, type ErrorCode } from './errors'
import { extensionOf } from './format'
import type { AppDefaults, BatchOutcome, SaveImageApi, SaveImageResult } from './types'
import { BASE_DEFAULTS, parse, parseBatch, parseBatchItem, parseSaveInput, type Callbacks, type Context, type Settings, type Source } from './validate'

/** How long the guide modal and the settings page may wait for the user before the call gives up. */
export const USER_WAIT_MS = 5 * 60 * 1000

// A build plugin defines both (see src/build/defaults.ts): the flag, so the defaults appear once in the bundle.
declare const __MP_SAVE_IMAGE_PLUGIN__: true
declare const __MP_SAVE_IMAGE_DEFAULTS__: AppDefaults
const DEFAULTS: Context['defaults'] = {
  ...BASE_DEFAULTS,
  ...(typeof __MP_SAVE_IMAGE_PLUGIN__ !== 'undefined' ? __MP_SAVE_IMAGE_DEFAULTS__ : undefined),
}

/** A step's own code (a failed download is DOWNLOAD_FAILED whatever the host said), or a rule over the host's code. */
type StepCode = ErrorCode | ((hostCode: ErrorCode) => ErrorCode)

const hostsCode = (hostCode: ErrorCode) => hostCode

/** Failures of one file, rather than of the permission or the host: a batch saved in one call retries them one by one. */
const FILE_CODES: readonly ErrorCode[] = ['FILE_NOT_FOUND', 'UNSUPPORTED_FORMAT', 'INVALID_ARGUMENT', 'UNKNOWN']
// Quota and I/O errors of a write are FILE_WRITE_FAILED; the host refusing our base64 is bad input (hosts.md §3).
const writeFailure = (hostCode: ErrorCode): ErrorCode => (hostCode === 'INVALID_ARGUMENT' ? hostCode : 'FILE_WRITE_FAILED')

interface GuideOutcome {
  granted: boolean
  /** Why settings could not be opened (e.g. NEEDS_USER_GESTURE); absent when the user declined. */
  error?: SaveImageError
}

/** When a call started, by the prompts it may share: a prompt that closed before then is not its answer. */
interface Since {
  guide: number
  privacy: number
  /** Refusals so far on a host that guides the user itself (its dialog after a refusal is the prompt). */
  refusals: number
}

/**
 * A prompt the user answers once for everyone: one at a time; calls that fail while it is open share its
 * outcome, and so do calls that started before it closed (a batch asks once).
 */
function sharedPrompt<T>(initial: T) {
  let open: Promise<T> | null = null
  let epoch = 0
  let last = initial
  return {
    epoch: () => epoch,
    ask(since: number, start: () => Promise<T>): Promise<T> {
      if (!open && since === epoch) {
        open = start().then((outcome) => {
          open = null
          epoch++
          return (last = outcome)
        })
      }
      return open || Promise.resolve(last)
    },
  }
}

/** A file ready for the host's save API, and the files of ours to remove once it is saved. */
interface Prepared {
  path: string
  owned: string[]
}

/** What the three API functions share: one queue, one guide, one loading indicator per host binding. */
export type Core = ReturnType<typeof createCore>

/**
 * The runtime over one host adapter. `resolveAdapter` is read on every call, so the universal build can
 * find its host lazily and importing never touches a host. `unsupported` is the message of the
 * UNSUPPORTED_PLATFORM rejection when there is no host.
 */
export function createCore(
  resolveAdapter: () => HostAdapter | null,
  unsupported: string | false = __DEV__ && 'no supported host (a mini-program host, or a browser) with a save API was found',
) {
  const serial = createQueue()
  let sequence = 0
  const guide = sharedPrompt<GuideOutcome>({ granted: false })
  const privacy = sharedPrompt<boolean>(false)
  // a host that guides the user itself: its last refusal, which answers every save that was already waiting
  let refusals = 0
  let refusal: SaveImageError | undefined
  // the loading indicator, counted so overlapping calls show one, hidden before the last one settles
  let loadingCount = 0

  function context(adapter: HostAdapter | null): Context {
    return {
      platform: adapter && adapter.platform,
      isHostLocal: (path) => !!adapter && isHostLocal(adapter, path),
      defaults: DEFAULTS,
    }
  }

  function requireHost(adapter: HostAdapter | null): HostAdapter {
    if (adapter && adapter.available()) return adapter
    throw new SaveImageError('UNSUPPORTED_PLATFORM', unsupported, adapter && adapter.platform)
  }

  /** A host call under the watchdog; its failure becomes the step's SaveImageError. */
  function hostCall<T>(adapter: HostAdapter, api: string, timeoutMs: number, code: StepCode, start: (done: Callback<T>) => void, onLate?: () => void) {
    return callHost<T>(timeoutMs, start, onLate).catch((raw: unknown) => {
      const platform = adapter.platform
      if (raw === TIMED_OUT) throw new SaveImageError('TIMEOUT', __DEV__ && `${api} did not call back within ${timeoutMs} ms`, platform)
      if (raw instanceof MissingHostApi) throw new SaveImageError('UNSUPPORTED_PLATFORM', __DEV__ && `the host has no ${raw.api}`, platform, raw)
      const failed = typeof code === 'function' ? code(adapter.classify(raw)) : code
      // a configuration error of the app, seen first on real devices: every build says what to declare
      const undeclared = failed === 'PRIVACY_SCOPE_UNDECLARED' && adapter.privacyType && `declare "${adapter.privacyType}" in the app's privacy agreement`
      throw new SaveImageError(failed, [undeclared, __DEV__ && `${api}: ${detailOf(raw)}`].filter(Boolean).join('; '), platform, raw)
    })
  }

  /**
   * A host call of a step that prepares a file. The file of ours it writes (what `start` returns) goes into
   * `owned`, removed by the caller after the save, or here when the host writes it after the watchdog fired.
   */
  function preparing<T>(adapter: HostAdapter, owned: string[], api: string, timeout: number, code: StepCode, start: (done: Callback<T>) => Owned) {
    let ours: Owned
    const begin = (done: Callback<T>) => {
      if ((ours = start(done))) owned.push(ours)
    }
    return hostCall<T>(adapter, api, timeout, code, begin, () => ours && adapter.removeFile(ours))
  }

  async function prepare(adapter: HostAdapter, source: Source, settings: Settings, owned: string[]): Promise<string> {
    if (source.kind === 'local') return source.path
    const { timeout, headers } = settings
    const unique = `${Date.now().toString(36)}${(++sequence).toString(36)}${Math.random().toString(36).slice(2, 8)}`
    const extension = source.kind === 'url' ? source.extension : source.kind === 'data' ? extensionOf(source.format) : source.canvas.fileType
    const target = `${adapter.userDataPath()}/msi-${unique}.${extension}`
    if (source.kind === 'canvas') {
      // the export's failures are the drawing's (no canvas by that id, an empty or tainted canvas), never a host write
      const path = await preparing<string>(adapter, owned, 'canvas export', timeout, 'CANVAS_EXPORT_FAILED', (done) => adapter.exportCanvas(source.canvas, target, done))
      if (!path) throw new SaveImageError('CANVAS_EXPORT_FAILED', __DEV__ && 'canvas export: the host returned no file path', adapter.platform)
      return path
    }
    if (source.kind === 'data') {
      return preparing<string>(adapter, owned, 'write', timeout, writeFailure, (done) => adapter.writeImage(source.base64, source.format, target, done))
    }
    const res = await preparing<Downloaded>(adapter, owned, 'download', timeout, 'DOWNLOAD_FAILED', (done) => adapter.download(source.url, headers, target, done))
    const status = res.statusCode
    const httpError = status !== undefined && (status < 200 || status > 299)
    if (httpError || !res.path) {
      throw new SaveImageError('DOWNLOAD_FAILED', __DEV__ && `download: ${httpError ? `HTTP ${status} for ${source.url}` : 'the host returned no file path'}`, adapter.platform, res.raw)
    }
    return res.path
  }

  /** A source made a file the host can save; a failure removes what it wrote. */
  async function prepareFile(adapter: HostAdapter, source: Source, settings: Settings): Promise<Prepared> {
    const owned: string[] = []
    try {
      return { path: await prepare(adapter, source, settings, owned), owned }
    } catch (failure) {
      cleanUp(adapter, owned)
      throw failure
    }
  }

  /**
   * Save first, recover on failure. A serialised save; on PRIVACY_NOT_AUTHORIZED with `privacy` on, the host's
   * privacy step (shared) and one retry; on AUTH_DENIED with the guide on, one modal (shared), its settings page,
   * and one retry, which passes through the privacy step again.
   */
  async function saveWithRecovery<T>(adapter: HostAdapter, settings: Settings, since: Since, start: (done: Callback<T>) => void): Promise<T> {
    const attempt = () =>
      serial(async () => {
        // refused since this call began, on a host that then showed its own settings dialog: that was the answer
        if (refusal && refusals !== since.refusals) throw refusal
        try {
          return await hostCall<T>(adapter, 'save', settings.timeout, hostsCode, start)
        } catch (failure) {
          if (adapter.guidesItself && (failure as SaveImageError).code === 'AUTH_DENIED') {
            refusal = failure as SaveImageError
            refusals++
          }
          throw failure
        }
      })
    const withPrivacy = async () => {
      try {
        return await attempt()
      } catch (refused) {
        const authorize = adapter.authorizePrivacy
        if ((refused as SaveImageError).code !== 'PRIVACY_NOT_AUTHORIZED' || !settings.privacy || !authorize) throw refused
        const agreed = await privacy.ask(since.privacy, () =>
          hostCall<unknown>(adapter, 'privacy', USER_WAIT_MS, hostsCode, (done) => authorize.call(adapter, done)).then(
            () => true,
            () => false,
          ),
        )
        if (!agreed) throw refused
        return attempt()
      }
    }
    try {
      return await withPrivacy()
    } catch (denied) {
      const texts = settings.guide
      if ((denied as SaveImageError).code !== 'AUTH_DENIED' || !texts || adapter.guidesItself) throw denied
      const outcome = await guide.ask(since.guide, () => askToOpenSettings(adapter, texts))
      if (!outcome.granted) throw outcome.error || denied
      return withPrivacy()
    }
  }

  function saveFile(adapter: HostAdapter, filePath: string, settings: Settings, since: Since): Promise<Saved> {
    return saveWithRecovery<Saved>(adapter, settings, since, (done) => adapter.save(filePath, done, settings.hint))
  }

  /** Several files in one host call, where the client can (one system prompt for a batch). */
  function saveFiles(adapter: HostAdapter, filePaths: string[], settings: Settings, since: Since): Promise<Saved[]> {
    return saveWithRecovery<Saved[]>(adapter, settings, since, (done) => adapter.saveMany!(filePaths, done))
  }

  async function saveOne(adapter: HostAdapter, source: Source, settings: Settings, since: Since): Promise<SaveImageResult> {
    let prepared: Prepared | undefined
    try {
      prepared = await prepareFile(adapter, source, settings)
      return resultOf(adapter, await saveFile(adapter, prepared.path, settings, since))
    } catch (failure) {
      throw asSaveImageError(adapter, failure)
    } finally {
      if (prepared) cleanUp(adapter, prepared.owned)
    }
  }

  async function withLoading<T>(adapter: HostAdapter, title: string | null, work: () => Promise<T>): Promise<T> {
    if (title === null) return work()
    // a host without a loading API still saves
    if (!loadingCount++) quietly(() => adapter.showLoading(title))
    try {
      return await work()
    } finally {
      if (!--loadingCount) quietly(() => adapter.hideLoading())
    }
  }

  /**
   * The guide: a modal whose confirm opens the settings page. openSetting is called synchronously
   * inside the modal's callback: WeChat ≥ 2.3.0 only opens settings from a tap, and a modal button
   * press is one. Both wait for the user, so they get USER_WAIT_MS rather than the call's timeout.
   */
  function askToOpenSettings(adapter: HostAdapter, texts: ModalTexts): Promise<GuideOutcome> {
    let confirmed = false
    const opened = hostCall<boolean>(adapter, 'guide', USER_WAIT_MS, hostsCode, (done) =>
      adapter.confirm(texts, (yes) => {
        if (!(confirmed = yes)) return done.success(false)
        try {
          adapter.openSetting(done)
        } catch (thrown) {
          done.fail(thrown)
        }
      }),
    )
    return opened.then(
      (granted) => ({ granted }),
      // settings that failed to open, or a user who never answered, say why; a host without a modal leaves the denial standing
      (error: SaveImageError) => ({ granted: false, error: confirmed || error.code === 'TIMEOUT' ? error : undefined }),
    )
  }

  const since = (): Since => ({ guide: guide.epoch(), privacy: privacy.epoch(), refusals })

  return { resolveAdapter, context, requireHost, hostCall, prepareFile, saveFile, saveFiles, saveOne, withLoading, since }
}

const resultOf = (adapter: HostAdapter, saved: Saved): SaveImageResult => ({ errMsg: 'saveImageToAlbum:ok', platform: adapter.platform, ...saved })

const asSaveImageError = (adapter: HostAdapter, failure: unknown): SaveImageError =>
  failure instanceof SaveImageError ? failure : new SaveImageError('UNKNOWN', __DEV__ && String(failure), adapter.platform, failure)

function cleanUp(adapter: HostAdapter, owned: string[]) {
  for (const path of owned) adapter.removeFile(path)
}

/** `saveImageToAlbum` over a core. */
export function singleSave(core: Core): SaveImageApi['saveImageToAlbum'] {
  async function save(input: unknown, callbacks: Callbacks): Promise<SaveImageResult> {
    const resolved = core.resolveAdapter()
    const { source, settings } = parse(resolved && resolved.platform, () => parseSaveInput(input, core.context(resolved), callbacks))
    const adapter = core.requireHost(resolved)
    const since = core.since()
    return core.withLoading(adapter, settings.loading, () => core.saveOne(adapter, source, settings, since))
  }
  return (input) => {
    // filled while the input is parsed, which runs before save's first await
    const callbacks: Callbacks = {}
    return withCallbacks(save(input, callbacks), callbacks)
  }
}

/** `saveImagesToAlbum` over a core. */
export function batchSave(core: Core): SaveImageApi['saveImagesToAlbum'] {
  return async (sources: unknown, options?: unknown): Promise<BatchOutcome[]> => {
    const resolved = core.resolveAdapter()
    const ctx = core.context(resolved)
    const { items, concurrency, onProgress, ...batch } = parse(ctx.platform, () => parseBatch(sources, options, ctx))
    const results: BatchOutcome[] = []
    const since = core.since()
    const available = !!resolved && resolved.available() && items.length > 0
    // where the client saves many files in one call, the workers only prepare; the files are saved together after
    const together = available && items.length > 1 && !!resolved!.canSaveMany && resolved!.canSaveMany()
    const prepared: Array<{ path: string; owned: string[] } | undefined> = []
    let next = 0
    let done = 0
    const report = (index: number, outcome: BatchOutcome) => {
      results[index] = outcome
      safely(onProgress, { done: ++done, total: items.length, index, ...(outcome.ok ? { result: outcome.result } : { error: outcome.error }) })
    }
    const worker = async () => {
      while (next < items.length) {
        const index = next++
        try {
          const { source, settings } = parse(ctx.platform, () => parseBatchItem(items[index], ctx, batch))
          const adapter = core.requireHost(resolved)
          if (together) prepared[index] = await core.prepareFile(adapter, source, settings)
          else report(index, { ok: true, result: await core.saveOne(adapter, source, settings, since) })
        } catch (error) {
          report(index, { ok: false, error: error as SaveImageError })
        }
      }
    }
    const saveTogether = async (adapter: HostAdapter) => {
      const ready = prepared.map((file, index) => (file ? index : -1)).filter((index) => index >= 0)
      const outcomes = await saveInOneCall(core, adapter, ready.map((index) => prepared[index]!.path), batch, since)
      for (const index of ready) cleanUp(adapter, prepared[index]!.owned)
      ready.forEach((index, k) => report(index, outcomes[k]!))
    }
    const run = async () => {
      await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker))
      if (together) await saveTogether(resolved!)
    }
    if (available) await core.withLoading(resolved!, batch.loading, run)
    else await run()
    return results
  }
}

/** Prepared files saved in one host call. A file the host refuses fails the whole call: then each is saved alone, for its own outcome. */
async function saveInOneCall(core: Core, adapter: HostAdapter, paths: string[], settings: Settings, since: Since): Promise<BatchOutcome[]> {
  const alone = () => Promise.all(paths.map((path) => settle(adapter, core.saveFile(adapter, path, settings, since))))
  if (paths.length < 2) return alone()
  try {
    return (await core.saveFiles(adapter, paths, settings, since)).map((saved) => succeeded(adapter, saved))
  } catch (failure) {
    const error = asSaveImageError(adapter, failure)
    return FILE_CODES.indexOf(error.code) < 0 ? paths.map(() => ({ ok: false, error })) : alone()
  }
}

const succeeded = (adapter: HostAdapter, saved: Saved): BatchOutcome => ({ ok: true, result: resultOf(adapter, saved) })

function settle(adapter: HostAdapter, saving: Promise<Saved>): Promise<BatchOutcome> {
  return saving.then(
    (saved) => succeeded(adapter, saved),
    (error: unknown) => ({ ok: false, error: asSaveImageError(adapter, error) }),
  )
}

/** `openAlbumSetting` over a core. */
export function albumSetting(core: Core): SaveImageApi['openAlbumSetting'] {
  return () => {
    try {
      const adapter = core.requireHost(core.resolveAdapter())
      // no await before this call: WeChat only opens settings inside the tap's own call stack
      return core.hostCall<boolean>(adapter, 'openSetting', USER_WAIT_MS, hostsCode, (done) => adapter.openSetting(done))
    } catch (error) {
      return Promise.reject(error)
    }
  }
}

/** The three functions over one core, for tests and tools; entries export them one by one so each can be tree-shaken. */
export function createSaveImage(resolveAdapter: () => HostAdapter | null, unsupported?: string | false): SaveImageApi {
  const core = createCore(resolveAdapter, unsupported)
  return { saveImageToAlbum: singleSave(core), saveImagesToAlbum: batchSave(core), openAlbumSetting: albumSetting(core) }
}

function quietly(fn: () => void) {
  try {
    fn()
  } catch {
    // best effort: the indicator never decides an outcome
  }
}

function isHostLocal(adapter: HostAdapter, path: string): boolean {
  const userData = adapter.userDataPath()
  return adapter.localPrefixes.some((prefix) => path.startsWith(prefix)) || (!!userData && (path === userData || path.startsWith(`${userData}/`)))
}

function detailOf(raw: unknown): string {
  const code = numericField(raw, ['errno', 'errNo', 'errorCode', 'errCode', 'error'])
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
