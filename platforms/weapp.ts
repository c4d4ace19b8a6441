import type { Done, HostAdapter, Owned, Saved } from '../src/core/adapter'
import { CONVERT, GUIDE, VIDEO } from '../src/core/features'
import {
  always,
  hostCallbacks,
  createCallbackHostAdapter,
  inAlbum,
  invoke,
  redrawOffscreen,
  type CallbackHost,
  type OffscreenCanvas,
  type Options,
} from './kit/callback-host'

// WeChat (`wx`): docs/en/hosts/weapp.md

declare const wx:
  | (CallbackHost & {
      saveMediaToPhotosAlbum?: (options: Options) => unknown
      /** base library 2.20.1 [D] */
      openAppAuthorizeSetting?: (options: Options) => unknown
      getAppAuthorizeSetting?: () => { albumAuthorized?: string }
      onAppShow?: (listener: () => void) => void
      offAppShow?: (listener: () => void) => void
      /** base library 2.16.1 [D] */
      createOffscreenCanvas?: (options: Options) => OffscreenCanvas
    })
  | undefined

const host = () => (typeof wx === 'undefined' ? undefined : wx)

const shared = createCallbackHostAdapter({
  platform: 'weapp',
  host,
  scopeKey: 'scope.writePhotosAlbum',
  // device paths, then the devtools' http:// look-alikes (docs/en/hosts/weapp.md#files)
  localPrefixes: ['wxfile://', 'http://tmp/', 'http://usr/'],
  // WeChat rejects a temp file without an image extension ("fail invalid file type"), so we name the file
  downloadsToFile: always,
  codeFields: ['errno', 'errCode'],
  codes: { 104: 'PRIVACY_NOT_AUTHORIZED', 112: 'PRIVACY_SCOPE_UNDECLARED' },
  // the type named in the 用户隐私保护指引 for saveImageToPhotosAlbum (docs/en/guide/privacy.md)
  privacyType: '相册（仅写入）权限',
})

export const adapter: HostAdapter = {
  ...shared,
  files: {
    ...shared.files,
    // wx.downloadFile: "单次下载允许的最大文件为 200MB" (docs/en/hosts/weapp.md#video); only a video comes near it
    downloadLimit: VIDEO ? 200 * 1024 * 1024 : undefined,
    // an offscreen 2D canvas (2.16.1 [D]) exported by its toDataURL [O] (docs/en/hosts/weapp.md#convert)
    redraw: CONVERT ? redraw : undefined,
  },
  album: {
    ...shared.album,
    // base library ≥ 3.17.2 (docs/en/hosts/weapp.md#accepts): a batch is one call and one system prompt
    get saveMany() {
      const wechat = host()
      if (!wechat || typeof wechat.saveMediaToPhotosAlbum !== 'function') return undefined
      return (filePaths: string[], videos: boolean[], done: Done<Saved[]>) =>
        invoke(wechat, 'saveMediaToPhotosAlbum', {
          filePaths,
          mediaTypes: videos.map((video) => (VIDEO && video ? 'video' : 'image')),
          ...hostCallbacks(done, () => filePaths.map(inAlbum)),
        })
    },
  },
  recovery: {
    ...shared.recovery,
    // only where this client has the page: an older one keeps the refusal, with no modal that leads nowhere
    get openAppSetting() {
      const wechat = host()
      return GUIDE && wechat && typeof wechat.openAppAuthorizeSetting === 'function' ? openAppSetting : undefined
    },
  },
}

function redraw(path: string, fileType: 'png' | 'jpg', target: string, done: Done<string>): Owned {
  const wechat = host()
  // a client before 2.16.1: the host's refusal of the format stands
  if (!wechat || !wechat.createOffscreenCanvas) return done.fail({ errMsg: 'redraw:fail no createOffscreenCanvas' })
  const canvas = wechat.createOffscreenCanvas({ type: '2d', width: 1, height: 1 })
  return redrawOffscreen(shared, canvas, path, fileType, target, done)
}

/**
 * The phone's settings for WeChat (docs/en/hosts/weapp.md#system): the answer comes once the user is back (onAppShow)
 * and the page has opened, in whichever order the two arrive. iOS reports the album switch; Android does not, so the
 * retry finds out.
 */
function openAppSetting(done: Done<boolean>) {
  const wechat = host()
  let opened = false
  let back = !wechat || !wechat.onAppShow
  const stop = () => wechat && wechat.offAppShow && wechat.offAppShow(show)
  const finish = () => {
    if (!opened || !back) return
    stop()
    let album: string | undefined
    try {
      album = wechat!.getAppAuthorizeSetting!().albumAuthorized
    } catch {
      // no way to tell: the retry finds out
    }
    done.success(album !== 'denied')
  }
  function show() {
    back = true
    finish()
  }
  if (!back) wechat!.onAppShow!(show)
  try {
    invoke(wechat, 'openAppAuthorizeSetting', {
      success: () => {
        opened = true
        finish()
      },
      fail: (raw: unknown) => {
        stop()
        done.fail(raw)
      },
    })
  } catch (missing) {
    stop()
    throw missing
  }
}
