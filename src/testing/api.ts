import { saveApi, saveMediaApi } from './album'
import { canvasToTempFilePathApi, createCanvasContextApi, createSelectorQueryApi } from './canvas'
import { privacyApis } from './privacy'
import type { HostContext } from './context'
import { createFileSystem } from './fs'
import { downloadFileApi } from './net'
import { authorizeApi, getSettingApi, indicatorApi, modalApi, openSettingApi } from './ui'
import type { HostApi, HostEnv, HostResult } from './types'

/** A plausible `env` per host; only USER_DATA_PATH matters to the package. */
function envFor(ctx: HostContext): HostEnv {
  const env: HostEnv = { USER_DATA_PATH: ctx.userDataPath }
  if (ctx.profile.platform === 'alipay') return { ...env, clientName: 'ap', clientVersion: '10.6.0', language: 'zh-Hans' }
  if (ctx.profile.platform === 'tt') return { ...env, VERSION: 'production' }
  return env
}

/** A plausible getSystemInfoSync() for framework runtimes; read live from the state. */
function systemInfo(ctx: HostContext): HostResult {
  const { client, systemPermission } = ctx.state
  const ios = client === 'ios'
  const common: HostResult = {
    brand: ios ? 'iPhone' : client === 'devtools' ? 'devtools' : 'HUAWEI',
    model: ios ? 'iPhone 13' : client === 'devtools' ? 'iPhone 6/7/8' : 'NOH-AN00',
    system: ios ? 'iOS 17.5' : 'Android 14',
    platform: client,
    pixelRatio: 3,
    screenWidth: 375,
    screenHeight: 812,
    windowWidth: 375,
    windowHeight: 812,
    statusBarHeight: 44,
    language: 'zh_CN',
    // The OS → host-app photo permission (WeChat/Alipay expose it as albumAuthorized [D typings]).
    albumAuthorized: systemPermission,
  }
  switch (ctx.profile.platform) {
    case 'weapp':
      return { ...common, version: '8.0.50', SDKVersion: '3.5.0' }
    case 'tt':
      return { ...common, appName: 'Douyin', version: '30.0.0', SDKVersion: '3.50.0' }
    case 'alipay':
      return { ...common, platform: ios ? 'iOS' : client === 'devtools' ? 'devtools' : 'Android', app: 'alipay', version: '10.6.0', language: 'zh-Hans' }
    case 'swan':
      return { ...common, host: 'baiduboxapp', version: '13.60.0', SDKVersion: '3.420.0' }
    case 'ascf':
    case 'qq':
    case 'kwai':
    case 'jd':
    case 'xhs':
      return { ...common, version: '1.0.0', SDKVersion: '3.0.0' }
    case 'dd':
      return { ...common, platform: ios ? 'iOS' : client === 'devtools' ? 'devtools' : 'Android', app: 'DingTalk', version: '7.6.0' }
    case 'lark':
      // the doc sample's appName [D]
      return { ...common, appName: 'Feishu', version: '7.30.0', SDKVersion: '3.60.0' }
  }
}

/** The fake host global: only what the adapters and framework runtimes touch (CONTRACT.md). */
export function buildApi(ctx: HostContext): HostApi {
  const { desk, profile, state } = ctx
  const fs = createFileSystem(ctx)
  const alipay = profile.alipayErrors
  const api: HostApi = {
    env: envFor(ctx),
    getFileSystemManager: desk.syncApi('getFileSystemManager', () => fs),
    downloadFile: downloadFileApi(ctx),
    saveImageToPhotosAlbum: saveApi(ctx, 'saveImageToPhotosAlbum'),
    showModal: modalApi(ctx, 'showModal'),
    showLoading: indicatorApi(ctx, 'showLoading'),
    hideLoading: indicatorApi(ctx, 'hideLoading'),
    showToast: indicatorApi(ctx, 'showToast'),
    hideToast: indicatorApi(ctx, 'hideToast'),
    // Alipay: an old client (< base lib 1.15.0) lacks saveImageToPhotosAlbum (hosts.md §5 [D]); DingTalk < 7.0.0 [D].
    canIUse: desk.syncApi('canIUse', (schema: string): boolean => typeof api[String(schema).split('.')[0]] === 'function'),
    getSystemInfoSync: desk.syncApi('getSystemInfoSync', () => systemInfo(ctx)),
    canvasToTempFilePath: canvasToTempFilePathApi(ctx),
    createCanvasContext: createCanvasContextApi(ctx),
    createSelectorQuery: createSelectorQueryApi(ctx),
    ...(profile.privacyLayer && privacyApis(ctx)),
  }
  // WeChat base library ≥ 3.17.2 [D]
  if (profile.platform === 'weapp') {
    const saveMedia = saveMediaApi(ctx)
    Object.defineProperty(api, 'saveMediaToPhotosAlbum', { get: () => (state.saveMedia ? saveMedia : undefined), enumerable: true, configurable: true })
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
