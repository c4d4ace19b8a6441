import { buildApi } from './api'
import { copyBytes } from './bytes'
import { CallDesk } from './calls'
import type { HostContext } from './context'
import { Payloads } from './payloads'
import { PROFILES, tempPathFor, userDataPathFor } from './profiles'
import type { HostProfile } from './profiles'
import { Scheduler } from './scheduler'
import type {
  AlbumEntry,
  CallRecord,
  DownloadResponse,
  Fault,
  GlobalName,
  HostApi,
  HostOptions,
  HostState,
  SimulatedHost,
  SimulatedPlatform,
  UiEvent,
} from './types'

function initialState(profile: HostProfile, options: HostOptions): HostState {
  const state: HostState = {
    client: 'android',
    permission: 'not-asked',
    prompt: 'allow',
    systemPermission: true,
    privacy: 'agreed',
    modal: 'confirm',
    settings: 'enable',
    latency: 0,
    userDataQuota: profile.defaultQuota,
    canIUseSaveImageToPhotosAlbum: true,
    // WeChat base lib ≥ 2.3.0 needs a tap for openSetting [D]; undocumented elsewhere.
    gestureRequired: profile.platform === 'weapp',
    web: false,
    errorField: 'errNo',
  }
  // Copy only the options that were given, so `{ client: undefined }` keeps the default.
  for (const key of Object.keys(options) as Array<keyof HostOptions>) {
    if (options[key] !== undefined) Object.assign(state, { [key]: options[key] })
  }
  return state
}

interface SavedGlobal {
  had: boolean
  value: unknown
}

class Host implements SimulatedHost {
  readonly platform: SimulatedPlatform
  readonly globalName: GlobalName
  readonly api: HostApi
  readonly userDataPath: string
  readonly album: AlbumEntry[] = []
  readonly files = new Map<string, Uint8Array>()
  readonly ui: UiEvent[] = []
  readonly downloads = new Map<string, DownloadResponse>()
  readonly state: HostState
  private readonly scheduler = new Scheduler()
  private readonly desk: CallDesk
  private saved: Array<SavedGlobal & { name: string }> | undefined
  private readonly globals: readonly string[]

  constructor(platform: SimulatedPlatform, options: HostOptions) {
    const profile = PROFILES[platform]
    if (!profile) throw new Error(`mp-save-image/testing: unknown platform "${String(platform)}"`)
    this.platform = platform
    this.globalName = profile.globalName
    this.globals = [profile.globalName, ...(profile.aliases || [])]
    this.state = initialState(profile, options)
    // Paths are fixed from the client the host was created with.
    const pathClient = this.state.client
    this.userDataPath = userDataPathFor(platform, pathClient)
    this.desk = new CallDesk(this.scheduler, () => this.state.latency, (api) => `${profile.globalName}.${api}`)
    let seq = 0
    const ctx: HostContext = {
      profile,
      state: this.state,
      userDataPath: this.userDataPath,
      files: this.files,
      dirs: new Set<string>(),
      album: this.album,
      ui: this.ui,
      downloads: this.downloads,
      scheduler: this.scheduler,
      desk: this.desk,
      payloads: new Payloads(profile, this.state),
      savesInFlight: 0,
      tempPath: (ext) => tempPathFor(platform, pathClient, (++seq).toString(16).padStart(8, '0'), ext),
    }
    this.api = buildApi(ctx)
  }

  get options(): HostState {
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
    if (!this.saved) this.saved = this.globals.map((name) => ({ name, had: name in scope, value: scope[name] }))
    for (const name of this.globals) scope[name] = this.api
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

export function createHost(platform: SimulatedPlatform, options: HostOptions = {}): SimulatedHost {
  return new Host(platform, options)
}

export function installHost(platform: SimulatedPlatform, options: HostOptions = {}): SimulatedHost {
  return createHost(platform, options).install()
}
