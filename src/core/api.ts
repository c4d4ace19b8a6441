import type { HostAdapter, PlatformModule } from './adapter'
import { saveAll } from './batch'
import { createCore, saveSource, type Core } from './core'
import type { SaveImageError } from './errors'
import { LEFT_OUT, VIDEO } from './features'
import type { SaveImageApi } from './types'
import { invalid, isRecord, parse } from './invalid'
import type { UserCallbacks, InputParser } from './settings'
import { parseSaveInput, parseVideoInput, takeCallbacks } from './validate'
import { noop } from './queue'
import { safely } from './safely'
import type { SaveResult } from './core'

// The API functions over a core. Entries export them one by one, each made by a pure call, so an app that
// imports only saveImageToAlbum ships only its code.

export { createCore }

/** A single save over a core, its input read by `parseInput`. */
function single<R extends SaveResult>(core: Core, parseInput: InputParser): (input: unknown) => Promise<R> {
  async function save(input: unknown, callbacks: UserCallbacks): Promise<SaveResult> {
    const run = core.run()
    const { source, settings } = parse(run.context.platform, () => parseInput(input, run.context, callbacks))
    return run.withLoading(settings.loading, () => saveSource(run, source, settings))
  }
  return (input) => {
    // filled while the input is parsed, which runs before save's first await
    const callbacks: UserCallbacks = {}
    return withCallbacks(save(input, callbacks), callbacks) as Promise<R>
  }
}

/** `saveImageToAlbum` over a core. */
export const singleSave = (core: Core): SaveImageApi['saveImageToAlbum'] => single(core, parseSaveInput)

/** A build that leaves videos out: the call is refused, its `fail` and `complete` told. */
const noVideo: InputParser = (input, _ctx, callbacks) => {
  if (isRecord(input)) takeCallbacks(input, callbacks)
  return invalid(__DEV__ && `${LEFT_OUT} videos: set video: true in the plugin's options`)
}

/** `saveVideoToAlbum` over a core. */
export const videoSave = (core: Core): SaveImageApi['saveVideoToAlbum'] =>
  single(core, VIDEO ? parseVideoInput : noVideo)

/** `saveMediaToAlbum` over a core. */
export function mediaSave(core: Core): SaveImageApi['saveMediaToAlbum'] {
  return (items, options) => {
    const run = core.run()
    // a throw in the executor is the promise's rejection
    if (!VIDEO) return new Promise(() => parse(run.context.platform, () => noVideo(undefined, run.context, {})))
    return saveAll(run, items, options, true)
  }
}

/** `saveImagesToAlbum` over a core. */
export function batchSave(core: Core): SaveImageApi['saveImagesToAlbum'] {
  return (sources, options) => saveAll(core.run(), sources, options) as ReturnType<SaveImageApi['saveImagesToAlbum']>
}

/** `openAlbumSetting` over a core: called synchronously from a tap, it reaches the host in the tap's call stack. */
export function albumSetting(core: Core): SaveImageApi['openAlbumSetting'] {
  return () => core.run().openSetting()
}

/** The universal build's host: the adapter of the first platform module whose host is the one running. */
export const findHost = (modules: readonly PlatformModule[]) => (): HostAdapter | null => {
  const found = modules.find(({ adapter, isThisHost }) => adapter.available() && (!isThisHost || isThisHost()))
  return found ? found.adapter : null
}

/** The functions over one core, for tests and tools. */
export function createSaveImage(resolveAdapter: () => HostAdapter | null, unsupported?: string | false): SaveImageApi {
  const core = createCore(resolveAdapter, unsupported)
  return {
    saveImageToAlbum: singleSave(core),
    saveImagesToAlbum: batchSave(core),
    saveVideoToAlbum: videoSave(core),
    saveMediaToAlbum: mediaSave(core),
    openAlbumSetting: albumSetting(core),
  }
}

function withCallbacks(promise: Promise<SaveResult>, callbacks: UserCallbacks): Promise<SaveResult> {
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
