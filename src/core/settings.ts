import type { ModalTexts } from './adapter'
import type { SaveImageError } from './errors'
import { GUIDE } from './features'
import type { PlatformId } from '../hosts'
import type { Source } from './source'
import type { CommonOptions, DownloadProgress, SaveImageOptions, SaveImageResult, SaveVideoResult } from './types'

// What a call is, once its input is checked (src/core/validate.ts): the shared types of the core's modules.

/** The guide's modal, and the one for the phone's own settings (SYSTEM_PERMISSION_DENIED). */
export interface GuideModals extends ModalTexts {
  system: ModalTexts
}

export interface Settings {
  headers: Record<string, string> | undefined
  timeout: number
  guide: GuideModals | null
  loading: string | null
  maxBytes: number
  /** Absent: the adapter's own default. */
  hint: string | undefined
  privacy: boolean
  /** What a canvas is exported as, and a redrawn image saved as. */
  fileType: 'png' | 'jpg'
  onDownloadProgress: ((progress: DownloadProgress) => void) | undefined
  /** The item's index in a batch; 0 for a single call. */
  index: number
}

export interface UserCallbacks {
  success?: (result: SaveImageResult | SaveVideoResult) => void
  fail?: SaveImageOptions['fail']
  complete?: (outcome: SaveImageResult | SaveVideoResult | SaveImageError) => void
}

/** What parses a call's input: its source and settings, its callbacks put in `callbacks` first. */
export type InputParser = (
  input: unknown,
  ctx: Context,
  callbacks: UserCallbacks,
) => { source: Source; settings: Settings }

export interface Context {
  platform: PlatformId | null
  /** Host-local paths that look like URLs. */
  isHostLocal(path: string): boolean
  /** The host documents a 2D canvas that redraws an image: an SVG source is drawn, not refused. */
  redraws: boolean
  defaults: Required<Omit<CommonOptions, 'headers' | 'hint' | 'onDownloadProgress'>> & Pick<CommonOptions, 'hint'>
}

export const BASE_DEFAULTS: Context['defaults'] = {
  timeout: 30000,
  // a build that leaves the guide out has it off by default: a call without the option still works
  guide: GUIDE,
  loading: false,
  maxBytes: 20 * 1024 * 1024,
  privacy: false,
}
