export { ERROR_CODES, SaveImageError, isSaveImageError, type ErrorCode } from './errors'
export type { PlatformId } from '../hosts'
export type {
  AppDefaults,
  PluginOptions,
  BatchOutcome,
  BatchProgress,
  BatchSource,
  CanvasNode,
  CanvasSource,
  CommonOptions,
  GuideTexts,
  SaveImageApi,
  SaveImageOptions,
  SaveImageResult,
  SaveImagesOptions,
  SaveMode,
  MediaItem,
  MediaOutcome,
  MediaProgress,
  SaveMediaOptions,
  SaveVideoOptions,
  SaveVideoResult,
} from './types'
