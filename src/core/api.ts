import type { HostAdapter, PlatformModule } from './adapter'
import { saveAll, saveSource } from './batch'
import { createCore, type Core } from './core'
import type { SaveImageError } from './errors'
import type { SaveImageApi, SaveImageResult } from './types'
import { parse } from './invalid'
import { parseSaveInput, type Callbacks } from './validate'
import { noop, safely } from './watchdog'

// The three API functions over a core. Entries export them one by one, each made by a pure call, so an app that
// imports only saveImageToAlbum ships only its code.

export { createCore }

/** `saveImageToAlbum` over a core. */
export function singleSave(core: Core): SaveImageApi['saveImageToAlbum'] {
  async function save(input: unknown, callbacks: Callbacks): Promise<SaveImageResult> {
    const run = core.run()
    const { source, settings } = parse(run.context.platform, () => parseSaveInput(input, run.context, callbacks))
    return run.withLoading(settings.loading, () => saveSource(run, source, settings))
  }
  return (input) => {
    // filled while the input is parsed, which runs before save's first await
    const callbacks: Callbacks = {}
    return withCallbacks(save(input, callbacks), callbacks)
  }
}

/** `saveImagesToAlbum` over a core. */
export function batchSave(core: Core): SaveImageApi['saveImagesToAlbum'] {
  return (sources, options) => saveAll(core.run(), sources, options)
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

/** The three functions over one core, for tests and tools. */
export function createSaveImage(resolveAdapter: () => HostAdapter | null, unsupported?: string | false): SaveImageApi {
  const core = createCore(resolveAdapter, unsupported)
  return {
    saveImageToAlbum: singleSave(core),
    saveImagesToAlbum: batchSave(core),
    openAlbumSetting: albumSetting(core),
  }
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
