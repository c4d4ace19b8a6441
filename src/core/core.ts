import { MissingHostApi, type HostAdapter, type Saved } from './adapter'
import { SaveImageError } from './errors'
import { CONVERT, VIDEO } from './features'
import { cannotSave, prepare, type Prepared } from './prepare'
import { createSaver, USER_WAIT_MS } from './save'
import { asSaveImageError, step } from './step'
import type { AppDefaults, SaveImageResult, SaveVideoResult } from './types'
import { safely } from './safely'
import type { Source } from './source'
import { BASE_DEFAULTS, type Context, type Settings } from './settings'

// A build plugin defines both (see src/build/defaults.ts): the flag, so the defaults appear once in the bundle.
declare const __MP_SAVE_IMAGE_PLUGIN__: true
declare const __MP_SAVE_IMAGE_DEFAULTS__: AppDefaults
const DEFAULTS: Context['defaults'] = {
  ...BASE_DEFAULTS,
  ...(typeof __MP_SAVE_IMAGE_PLUGIN__ !== 'undefined' ? __MP_SAVE_IMAGE_DEFAULTS__ : undefined),
}

/** What a save resolves: an image's result, or a video's. */
export type SaveResult = SaveImageResult | SaveVideoResult

/** One call of the API, on the host found for it when it started. */
export interface Run {
  /** What the call's input is checked against on this host. */
  readonly context: Context
  /** A source made a file the host can save. */
  prepare(source: Source, settings: Settings): Promise<Prepared>
  /** Saves one file, recovering as the contract says: a format the host refuses is redrawn once where it can be. */
  save(file: Prepared, settings: Settings): Promise<SaveResult>
  /** Where the host saves several files in one call on this client (one system prompt for a batch): that save. */
  saveMany(): ((files: Prepared[], settings: Settings) => Promise<SaveResult[]>) | undefined
  /** `work` with the host's loading indicator (one for overlapping calls), hidden before the last one settles. */
  withLoading<T>(title: string | null, work: () => Promise<T>): Promise<T>
  /** The host settings page; resolves whether the album permission is on afterwards. */
  openSetting(): Promise<boolean>
}

/** The runtime over one host binding: one queue, one guide, one loading indicator for every call. */
export interface Core {
  run(): Run
}

/**
 * `resolveAdapter` is read when each call starts, so the universal build finds its host lazily and importing
 * never touches a host. `unsupported` is the message of the UNSUPPORTED_PLATFORM rejection when there is none.
 */
export function createCore(
  resolveAdapter: () => HostAdapter | null,
  unsupported: string | false = __DEV__ &&
    'no supported host (a mini-program host, or a browser) with a save API was found',
): Core {
  const saver = createSaver()
  let loadingCount = 0
  let loadingText = ''

  function run(): Run {
    const adapter = resolveAdapter()
    const since = saver.since()
    /** The host's adapter; the call's UNSUPPORTED_PLATFORM rejection where there is none with a save API. */
    const host = (): HostAdapter => {
      if (adapter && adapter.available()) return adapter
      throw new SaveImageError('UNSUPPORTED_PLATFORM', unsupported, adapter && adapter.platform)
    }
    /** Work on the host, its failures as the host's SaveImageErrors. */
    const onHost = <T>(work: (adapter: HostAdapter) => Promise<T>): Promise<T> => {
      const adapter = host()
      return work(adapter).catch((failure: unknown) => {
        throw asSaveImageError(adapter, failure)
      })
    }
    const resultOf =
      (adapter: HostAdapter, file: Pick<Prepared, 'converted' | 'video'>) =>
      (saved: Saved): SaveResult =>
        VIDEO && file.video
          ? { errMsg: 'saveVideoToAlbum:ok', platform: adapter.platform, ...saved }
          : {
              errMsg: 'saveImageToAlbum:ok',
              platform: adapter.platform,
              ...saved,
              ...(file.converted && { converted: file.converted }),
            }
    /** A download's progress: the app's callback, and the loading text's percentage where the total is known. */
    const progress = (settings: Settings) => (loaded: number, total: number | undefined) => {
      safely(settings.onDownloadProgress, { loaded, total, index: settings.index })
      const loading = adapter && adapter.loading
      if (!loading || !loadingCount || settings.loading === null || !total) return
      const text = `${settings.loading} ${Math.floor((loaded / total) * 100)}%`
      if (text !== loadingText) quietly(() => loading.show((loadingText = text)))
    }
    return {
      context: {
        platform: adapter && adapter.platform,
        isHostLocal: (path) => !!adapter && isHostLocal(adapter, path),
        redraws: !!adapter && !!adapter.files.redraw,
        defaults: DEFAULTS,
      },
      prepare: (source, settings) => onHost((adapter) => prepare(adapter, source, settings, progress(settings))),
      save: (file, settings) =>
        onHost(async (adapter) => {
          const saveVideo = VIDEO && file.video && adapter.album.saveVideo
          const saveOnce = (path: string) =>
            saver.save<Saved>(adapter, settings, since, (done) => {
              if (!VIDEO || !file.video) return adapter.album.save(path, done, settings.hint)
              if (!saveVideo) throw new MissingHostApi('video save')
              saveVideo.call(adapter, path, done)
            })
          try {
            return resultOf(adapter, file)(await saveOnce(file.path))
          } catch (failure) {
            // a format the host refuses: redrawn once where the host documents a 2D canvas, else named
            if ((failure as SaveImageError).code !== 'UNSUPPORTED_FORMAT') throw failure
            const raw = (failure as SaveImageError).raw
            if (!CONVERT || !file.redraw || file.converted) throw cannotSave(adapter, file.format, raw, file.video)
            // a redraw that fails leaves the host's refusal standing
            const redrawn = await file.redraw().catch(() => {
              throw cannotSave(adapter, file.format, raw)
            })
            return resultOf(adapter, redrawn)(await saveOnce(redrawn.path))
          }
        }),
      saveMany() {
        // read once: the host's own check tells whether this client has it
        const saveMany = adapter && adapter.album.saveMany
        if (!saveMany) return undefined
        return (files, settings) =>
          onHost((adapter) =>
            saver
              .save<Saved[]>(adapter, settings, since, (done) =>
                saveMany(
                  files.map((file) => file.path),
                  files.map((file) => !!file.video),
                  done,
                ),
              )
              .then((saved) => saved.map((one, k) => resultOf(adapter, files[k]!)(one))),
          )
      },
      async withLoading(title, work) {
        const loading = adapter && adapter.available() && adapter.loading
        if (title === null || !loading) return work()
        // a host whose indicator throws still saves
        if (!loadingCount++) quietly(() => loading.show((loadingText = title)))
        try {
          return await work()
        } finally {
          if (!--loadingCount) quietly(() => loading.hide())
        }
      },
      // no await before the host call: WeChat only opens settings inside the tap's own call stack, which an async
      // function keeps until its first await
      async openSetting() {
        const adapter = host()
        return step<boolean>(adapter, __DEV__ && 'openSetting', USER_WAIT_MS, (done) => {
          if (!adapter.recovery.openSetting) throw new MissingHostApi('settings page')
          adapter.recovery.openSetting(done)
        })
      },
    }
  }
  return { run }
}

function quietly(fn: () => void) {
  try {
    fn()
  } catch {
    // best effort: the indicator never decides an outcome
  }
}

function isHostLocal(adapter: HostAdapter, path: string): boolean {
  const userData = adapter.files.userDataPath()
  return (
    adapter.files.localPrefixes.some((prefix) => path.startsWith(prefix)) ||
    (!!userData && (path === userData || path.startsWith(`${userData}/`)))
  )
}

/** A source prepared, saved, and its files of ours removed whatever happened. */
export async function saveSource(run: Run, source: Source, settings: Settings): Promise<SaveResult> {
  const file = await run.prepare(source, settings)
  try {
    return await run.save(file, settings)
  } finally {
    file.release()
  }
}
