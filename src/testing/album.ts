import { copyBytes, imageFormatOf, videoFormatOf } from './bytes'
import { HANG } from './calls'
import type { Outcome, Plan, Settled } from './calls'
import type { HostContext } from './context'
import { isUserPath } from './fs'
import { isSuccessStatus } from './net'
import { extensionOf, VIDEO_SAVE } from './profiles'
import type { AlbumEntry, AsyncReturn, CallbackOptions, HostResult } from './types'

type SaveApi = 'saveImageToPhotosAlbum' | 'saveImage'

const fail = (res: HostResult): Settled => ({ ok: false, res })

/** `saveImageToPhotosAlbum`, and Alipay's legacy `saveImage({url})`. */
export function saveApi(ctx: HostContext, api: SaveApi): (options?: CallbackOptions) => AsyncReturn {
  return ctx.desk.asyncApi(api, (opts) => savePlan(ctx, api, opts), true)
}

function savePlan(ctx: HostContext, api: SaveApi, opts: CallbackOptions): Plan {
  const path = api === 'saveImage' ? opts.url : opts.filePath
  const hideToast = opts.hideToast === true
  if (!ctx.profile.overlapBug) return { settle: () => save(ctx, api, path, hideToast) }
  // Alipay "已知问题": overlapping calls fire success only once (docs/en/hosts/alipay.md#quirks [D]). Modelled as:
  // a call started while another save is in flight still saves [I] but never calls back.
  const lost = ctx.savesInFlight > 0
  ctx.savesInFlight++
  const response = typeof path === 'string' && isRemote(ctx, path) ? ctx.downloads.get(path) : undefined
  return {
    delay: response ? response.delay : 0,
    settle: () => {
      ctx.savesInFlight--
      const out = save(ctx, api, path, hideToast)
      return lost ? HANG : out
    },
  }
}

/**
 * Order of checks: Baidu web → argument → privacy → album permission → OS permission → file → format.
 */
function save(ctx: HostContext, api: SaveApi, path: unknown, hideToast: boolean): Outcome {
  const { payloads, state, profile } = ctx
  if (profile.webRendition && state.web) return fail(payloads.webUnsupported(api))
  if (typeof path !== 'string' || path === '') return fail(payloads.missingArgument(api))
  const refused = gate(ctx, api)
  if (refused) return fail(refused)
  const image = readImage(ctx, api, path)
  if (image === HANG || !('entry' in image)) return image
  ctx.album.push(image.entry)
  return { ok: true, res: succeed(ctx, api, hideToast) }
}

/** Privacy, the per-save confirm, the album permission and the OS permission: null when all let the save through. */
function gate(ctx: HostContext, api: string): HostResult | null {
  const { payloads, state, profile } = ctx
  if (profile.privacyLayer && state.privacy !== 'agreed') return payloads.privacy(api, state.privacy)
  // HarmonyOS atomic services: a system confirm on every save, no scope [D]; its cancel text [I]
  if (profile.confirmsEachSave) {
    ctx.ui.push({ type: 'save-confirm' })
    if (state.prompt !== 'allow') return payloads.authDenied(api, true)
  }
  const denied = albumPermission(ctx, api)
  if (denied) return denied
  return state.systemPermission ? null : payloads.systemDenied(api)
}

/** The album entry a file would make, or why the host refuses it. */
function readImage(ctx: HostContext, api: string, path: string): { entry: AlbumEntry } | Settled | typeof HANG {
  const { payloads, state, profile } = ctx
  const bytes = readSource(ctx, path)
  if (bytes === HANG) return HANG
  if (!bytes) return fail(payloads.fileNotFound(api))
  const extensions = profile.saveExtensions && profile.saveExtensions[state.client]
  if (extensions && extensions.indexOf(extensionOf(path)) < 0) return fail(payloads.invalidFileType(api))
  const format = imageFormatOf(bytes)
  if (!format) return fail(payloads.invalidFileType(api))
  return { entry: { path, kind: 'image', format, bytes: copyBytes(bytes) } }
}

/**
 * `saveVideoToPhotosAlbum` (docs/en/guide/video.md#hosts): the checks of an image's save, then the container, which
 * the host reads from the bytes; WeChat documents mp4 only. Alipay names the path `src` [O uni, Taro] and allows the
 * call to enterprise accounts only [D]; DingTalk names it `filePath` [D typings].
 */
export function saveVideoApi(ctx: HostContext): (options?: CallbackOptions) => AsyncReturn {
  return ctx.desk.asyncApi(VIDEO_SAVE, (opts) => ({ settle: () => saveVideo(ctx, opts) }), true)
}

function saveVideo(ctx: HostContext, opts: CallbackOptions): Outcome {
  const { payloads, state, profile } = ctx
  if (profile.enterpriseVideo && state.account === 'individual') return fail(payloads.noPermissionToCall())
  if (profile.webRendition && state.web) return fail(payloads.webUnsupported(VIDEO_SAVE))
  const path = opts[profile.videoPathField || 'filePath']
  if (typeof path !== 'string' || path === '') return fail(payloads.missingArgument(VIDEO_SAVE))
  const refused = gate(ctx, VIDEO_SAVE)
  if (refused) return fail(refused)
  const video = readVideo(ctx, VIDEO_SAVE, path)
  if (!('entry' in video)) return video
  ctx.album.push(video.entry)
  return { ok: true, res: succeed(ctx, VIDEO_SAVE, true) }
}

function readVideo(ctx: HostContext, api: string, path: string): { entry: AlbumEntry } | Settled {
  const bytes = ctx.files.get(path)
  if (!bytes) return fail(ctx.payloads.fileNotFound(api))
  const format = videoFormatOf(bytes)
  const formats = ctx.profile.videoFormats
  if (!format || (formats && formats.indexOf(format) < 0)) return fail(ctx.payloads.videoRefused(api))
  return { entry: { path, kind: 'video', format, bytes: copyBytes(bytes) } }
}

/**
 * wx.saveMediaToPhotosAlbum({ filePaths, mediaTypes }), base library 3.17.2 [D]: one call, one permission check
 * (scope.writePhotosAlbum [D]), images and mp4 videos [D]. Its per-file failures and limits are not documented: modelled all-or-nothing, the
 * first bad file's payload failing the call with nothing saved [I].
 */
export function saveMediaApi(ctx: HostContext): (options?: CallbackOptions) => AsyncReturn {
  const api = 'saveMediaToPhotosAlbum'
  return ctx.desk.asyncApi(
    api,
    (opts) => ({
      settle: (): Outcome => {
        const { filePaths, mediaTypes } = opts
        const paths = Array.isArray(filePaths) ? (filePaths as unknown[]) : []
        if (
          !paths.length ||
          !Array.isArray(mediaTypes) ||
          mediaTypes.length !== paths.length ||
          mediaTypes.some((type) => type !== 'image' && type !== 'video')
        ) {
          return fail({ errMsg: `${api}:fail parameter error: filePaths and mediaTypes must pair up` })
        }
        const refused = gate(ctx, api)
        if (refused) return fail(refused)
        const entries: AlbumEntry[] = []
        for (const [k, path] of paths.entries()) {
          const read = mediaTypes[k] === 'video' ? readVideo : readImage
          const file = typeof path === 'string' ? read(ctx, api, path) : fail(ctx.payloads.missingArgument(api))
          if (file === HANG || !('entry' in file)) return file
          entries.push(file.entry)
        }
        ctx.album.push(...entries)
        return { ok: true, res: ctx.payloads.ok(api) }
      },
    }),
    true,
  )
}

function succeed(ctx: HostContext, api: SaveApi | typeof VIDEO_SAVE, hideToast: boolean): HostResult {
  if (!ctx.profile.alipayErrors) return ctx.payloads.ok(api)
  // DingTalk toasts every save [D]; some Android phones show Alipay's toast unless hideToast is set (uni-app #5978 [O]).
  if (ctx.profile.toastsSave) ctx.ui.push({ type: 'toast', title: '保存成功' })
  else if (api !== 'saveImage' && !hideToast && ctx.state.client === 'android')
    ctx.ui.push({ type: 'toast', title: '已保存到系统相册' })
  return api === 'saveImage' ? {} : { success: true }
}

/**
 * Album permission: null when granted, else the fail payload. First use shows the host's own prompt.
 * After a refusal wx/tt/swan fail without asking again [D]; Alipay asks again unless the user ticked
 * "不再询问" (2003, then 2002 on every later call) [D].
 */
export function albumPermission(ctx: HostContext, api: string): HostResult | null {
  const { state, payloads } = ctx
  const alipay = ctx.profile.alipayErrors
  if (ctx.profile.noScope) return null
  switch (state.permission) {
    case 'granted':
      return null
    case 'not-asked':
      return prompt(ctx, api)
    case 'denied':
      return alipay ? prompt(ctx, api) : refused(ctx, payloads.authDenied(api, false))
    case 'denied-forever':
      return alipay ? payloads.alipayDenied(2002) : refused(ctx, payloads.authDenied(api, false))
  }
}

/** Feishu follows a refusal with its own dialog pointing to settings [D]. */
function refused(ctx: HostContext, payload: HostResult): HostResult {
  if (ctx.profile.guidesItself) ctx.ui.push({ type: 'host-guide' })
  return payload
}

function prompt(ctx: HostContext, api: string): HostResult | null {
  const { state, payloads } = ctx
  ctx.ui.push({ type: 'permission-prompt' })
  switch (state.prompt) {
    case 'allow':
      state.permission = 'granted'
      return null
    case 'deny':
      state.permission = 'denied'
      return refused(ctx, payloads.authDenied(api, true))
    case 'deny-forever':
      if (!ctx.profile.alipayErrors) {
        state.permission = 'denied'
        return refused(ctx, payloads.authDenied(api, true))
      }
      state.permission = 'denied-forever'
      return payloads.alipayDenied(2003)
  }
}

/** A network URL on Alipay (which saves URLs directly [D]); Alipay's own `https://` local paths excluded. */
function isRemote(ctx: HostContext, path: string): boolean {
  return /^https?:\/\//i.test(path) && !path.startsWith('https://resource/') && !isUserPath(ctx, path)
}

/** The bytes to save: a host file, or on Alipay a network URL fetched from `downloads` [I: failures → 17]. */
function readSource(ctx: HostContext, path: string): Uint8Array | null | typeof HANG {
  if (!ctx.profile.alipayErrors || !isRemote(ctx, path)) return ctx.files.get(path) ?? null
  const response = ctx.downloads.get(path)
  if (!response) return null
  if (response.hang) return HANG
  return response.fail || !isSuccessStatus(response.status ?? 200) ? null : copyBytes(response.body)
}
