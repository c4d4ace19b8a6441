import { saveApi, saveMediaApi, saveVideoApi } from './album'
import {
  canvasToTempFilePathApi,
  createCanvasContextApi,
  createOffscreenCanvasApi,
  createSelectorQueryApi,
} from './canvas'
import { privacyApis } from './privacy'
import type { HostContext } from './context'
import { createFileSystem } from './fs'
import { downloadFileApi } from './net'
import { systemInfo } from './system'
import { appSettingsApis, authorizeApi, getSettingApi, indicatorApi, modalApi, openSettingApi } from './ui'
import type { HostApi, HostEnv } from './types'

/** A plausible `env` per host; only USER_DATA_PATH matters to the package. */
function envFor(ctx: HostContext): HostEnv {
  return { ...ctx.profile.env, USER_DATA_PATH: ctx.userDataPath }
}

/** The fake host global: only what the adapters and framework runtimes touch (docs/en/testing.md). */
export function buildApi(ctx: HostContext): HostApi {
  const { desk, profile, state } = ctx
  const fs = createFileSystem(ctx)
  const alipay = profile.alipayErrors
  const api: HostApi = {
    env: envFor(ctx),
    getFileSystemManager: desk.syncApi('getFileSystemManager', () => fs),
    downloadFile: downloadFileApi(ctx),
    saveImageToPhotosAlbum: saveApi(ctx, 'saveImageToPhotosAlbum'),
    saveVideoToPhotosAlbum: saveVideoApi(ctx),
    showModal: modalApi(ctx, 'showModal'),
    showLoading: indicatorApi(ctx, 'showLoading'),
    hideLoading: indicatorApi(ctx, 'hideLoading'),
    showToast: indicatorApi(ctx, 'showToast'),
    hideToast: indicatorApi(ctx, 'hideToast'),
    // Alipay: an old client (< base lib 1.15.0) lacks saveImageToPhotosAlbum (docs/en/hosts/alipay.md#quirks [D]); DingTalk < 7.0.0 [D].
    canIUse: desk.syncApi(
      'canIUse',
      (schema: string): boolean => typeof api[String(schema).split('.')[0]] === 'function',
    ),
    getSystemInfoSync: desk.syncApi('getSystemInfoSync', () => systemInfo(ctx)),
    canvasToTempFilePath: canvasToTempFilePathApi(ctx),
    createCanvasContext: createCanvasContextApi(ctx),
    createSelectorQuery: createSelectorQueryApi(ctx),
    ...(profile.privacyLayer && privacyApis(ctx)),
  }
  if (profile.offscreenCanvas) api.createOffscreenCanvas = createOffscreenCanvasApi(ctx)
  if (profile.opensAppSettings) Object.assign(api, appSettingsApis(ctx))
  // WeChat base library ≥ 3.17.2 [D]
  if (profile.saveMany) {
    const saveMedia = saveMediaApi(ctx)
    Object.defineProperty(api, 'saveMediaToPhotosAlbum', {
      get: () => (state.saveMedia ? saveMedia : undefined),
      enumerable: true,
      configurable: true,
    })
  }
  // DingTalk documents no album scope, getSetting, authorize or settings page
  if (!profile.noSettingsPage) {
    api.openSetting = openSettingApi(ctx)
    api.getSetting = getSettingApi(ctx)
  }
  if (!alipay) {
    if (!profile.noScope) api.authorize = authorizeApi(ctx)
    return api
  }
  // the Alipay container (Alipay, DingTalk): my.confirm, the legacy saveImage, and an old client without the modern save
  api.confirm = modalApi(ctx, 'confirm')
  api.saveImage = saveApi(ctx, 'saveImage')
  const save = api.saveImageToPhotosAlbum
  Object.defineProperty(api, 'saveImageToPhotosAlbum', {
    get: () => (state.canIUseSaveImageToPhotosAlbum ? save : undefined),
    enumerable: true,
    configurable: true,
  })
  return api
}
