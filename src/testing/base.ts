import { copyBytes } from './bytes'
import { CallDesk } from './calls'
import { Scheduler } from './scheduler'
import type { AlbumEntry, CallRecord, DownloadResponse, Fault, UiEvent } from './types'

/** The defaults, with the options that were given: `{ client: undefined }` keeps the default. */
export function withOptions<State extends object>(defaults: State, options: Partial<State>): State {
  for (const key of Object.keys(options) as Array<keyof State>) {
    if (options[key] !== undefined) Object.assign(defaults, { [key]: options[key] })
  }
  return defaults
}

interface SavedGlobal {
  name: string
  had: boolean
  value: unknown
}

/**
 * What every simulated host shares, mini-program or App: the album, files, UI log, call desk and
 * scheduler, and putting its globals on `globalThis` (restoring what was there on uninstall).
 */
export abstract class SimulatedBase<State extends { latency: number }> {
  readonly album: AlbumEntry[] = []
  readonly files = new Map<string, Uint8Array>()
  readonly ui: UiEvent[] = []
  readonly downloads = new Map<string, DownloadResponse>()
  protected readonly scheduler = new Scheduler()
  protected readonly desk: CallDesk
  private saved: SavedGlobal[] | undefined

  /** `label` names an API in thrown errors, e.g. `wx.saveImageToPhotosAlbum`. */
  constructor(
    readonly state: State,
    readonly userDataPath: string,
    label: (api: string) => string,
  ) {
    this.desk = new CallDesk(this.scheduler, () => this.state.latency, label)
  }

  /** The globals to install, each with its value. */
  protected abstract globals(): Array<[string, unknown]>

  get options(): State {
    return this.state
  }

  get calls(): CallRecord[] {
    return this.desk.calls
  }

  get errors(): unknown[] {
    return this.desk.errors
  }

  count(api: string): number {
    return this.calls.filter((call) => call.api === api).length
  }

  asyncCalls(): string[] {
    return this.calls.filter((call) => call.kind === 'async').map((call) => call.api)
  }

  addFile(path: string, bytes: Uint8Array): void {
    this.files.set(path, copyBytes(bytes))
  }

  userFiles(): string[] {
    const prefix = `${this.userDataPath}/`
    return Array.from(this.files.keys()).filter((path) => path.startsWith(prefix))
  }

  fault(api: string, fault: Fault, times?: number): void {
    this.desk.fault(api, fault, times)
  }

  tap<T>(fn: () => T): T {
    return this.scheduler.gesture(fn)
  }

  install(): this {
    const scope = globalThis as unknown as Record<string, unknown>
    const globals = this.globals()
    if (!this.saved) this.saved = globals.map(([name]) => ({ name, had: name in scope, value: scope[name] }))
    for (const [name, value] of globals) scope[name] = value
    return this
  }

  uninstall(): void {
    const scope = globalThis as unknown as Record<string, unknown>
    for (const { name, had, value } of this.saved || []) {
      if (had) scope[name] = value
      else delete scope[name]
    }
    this.saved = undefined
  }

  idle(): Promise<void> {
    return this.scheduler.idle()
  }
}
