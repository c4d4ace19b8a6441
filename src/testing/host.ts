import { buildApi } from './api'
import { addCanvasNode, createCanvasRegistry, type SimulatedCanvasNode } from './canvas'
import { SimulatedBase, withOptions } from './base'
import type { HostContext } from './context'
import { Payloads } from './payloads'
import { PROFILES } from './profiles'
import type { SimulatedProfile } from './profiles'
import type { GlobalName, HostApi, HostOptions, HostState, SimulatedHost, SimulatedPlatform } from './types'

function initialState(profile: SimulatedProfile, options: HostOptions): HostState {
  return withOptions<HostState>(
    {
      client: 'android',
      permission: 'not-asked',
      prompt: 'allow',
      systemPermission: true,
      privacy: 'agreed',
      privacyAnswer: 'agree',
      saveMedia: true,
      modal: 'confirm',
      settings: 'enable',
      latency: 0,
      userDataQuota: profile.defaultQuota,
      canIUseSaveImageToPhotosAlbum: true,
      gestureRequired: !!profile.tapOnlySettings,
      web: false,
      errorField: 'errNo',
      version: '',
      sdkVersion: '',
      headersEvent: true,
      account: 'enterprise',
    },
    options,
  )
}

class Host extends SimulatedBase<HostState> implements SimulatedHost {
  readonly platform: SimulatedPlatform
  readonly globalName: GlobalName
  readonly api: HostApi
  private readonly profile: SimulatedProfile
  private readonly ctx: HostContext

  constructor(platform: SimulatedPlatform, options: HostOptions) {
    const profile: SimulatedProfile = PROFILES[platform]
    if (!profile) throw new Error(`mp-save-image/testing: unknown platform "${String(platform)}"`)
    const state = initialState(profile, options)
    // Paths are fixed from the client the host was created with.
    const pathClient = state.client
    super(state, profile.userDataPath(pathClient), (api) => `${profile.globalName}.${api}`)
    this.profile = profile
    this.platform = platform
    this.globalName = profile.globalName
    let seq = 0
    const ctx: HostContext = {
      profile,
      state,
      userDataPath: this.userDataPath,
      files: this.files,
      dirs: new Set<string>(),
      album: this.album,
      ui: this.ui,
      downloads: this.downloads,
      scheduler: this.scheduler,
      desk: this.desk,
      payloads: new Payloads(profile, state),
      savesInFlight: 0,
      canvases: createCanvasRegistry(),
      tempPath: (ext) => profile.tempPath(pathClient, (++seq).toString(16).padStart(8, '0'), ext),
    }
    this.ctx = ctx
    this.api = buildApi(ctx)
  }

  addCanvas(id: string, size: { width?: number; height?: number } = {}): SimulatedCanvasNode {
    return addCanvasNode(this.ctx, id, size.width, size.height)
  }

  protected globals(): Array<[string, unknown]> {
    return [this.profile.globalName, ...(this.profile.aliases || [])].map((name) => [name, this.api])
  }
}

export function createHost(platform: SimulatedPlatform, options: HostOptions = {}): SimulatedHost {
  return new Host(platform, options)
}

export function installHost(platform: SimulatedPlatform, options: HostOptions = {}): SimulatedHost {
  return createHost(platform, options).install()
}
