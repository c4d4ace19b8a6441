import type { CanvasRegistry } from './canvas'
import type { CallDesk } from './calls'
import type { PrivacyListener } from './privacy'
import type { Payloads } from './payloads'
import type { SimulatedProfile } from './profiles'
import type { Scheduler } from './scheduler'
import type { AlbumEntry, DownloadResponse, HostState, UiEvent } from './types'

/** Everything the API pieces of one simulated host share. */
export interface HostContext {
  readonly profile: SimulatedProfile
  readonly state: HostState
  readonly userDataPath: string
  readonly files: Map<string, Uint8Array>
  /** directories created under USER_DATA_PATH (USER_DATA_PATH itself always exists) */
  readonly dirs: Set<string>
  readonly album: AlbumEntry[]
  readonly ui: UiEvent[]
  readonly downloads: Map<string, DownloadResponse>
  readonly scheduler: Scheduler
  readonly desk: CallDesk
  readonly payloads: Payloads
  /** Alipay saves started and not yet answered (docs/en/hosts/alipay.md#quirks) */
  savesInFlight: number
  readonly canvases: CanvasRegistry
  /** the app's privacy popup, registered with onNeedPrivacyAuthorization */
  privacyListener?: PrivacyListener
  /** a fresh temp file path; `ext` null = no extension (Alipay: `.other`) */
  tempPath(ext: string | null): string
}
