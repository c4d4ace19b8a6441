import type { AppContext, AppUniApi } from './app'
import { DOC, emit, NOT_FOUND } from './app-plus'
import { copyBytes, imageFormatOf, videoFormatOf } from './bytes'
import type { Outcome, Plan } from './calls'
import { exported, recordingContext } from './canvas'
import { extensionOf, WECHAT_IMAGE_EXTENSIONS } from './profiles'
import type { CallbackOptions, HostResult, ModalEvent } from './types'

// The `uni` global of the simulated App (docs/en/hosts/app.md), as function pieces over its context.

/** uni's own temp folder: its canvas exports go there [F]. */
export const UNI_TEMP = `${DOC}/uniapp_temp_1764000000000`

const fail = (res: HostResult): Outcome => ({ ok: false, res })
const isIos = (ctx: AppContext) => ctx.state.client === 'ios'

export function buildAppUni(ctx: AppContext): AppUniApi {
  const { desk } = ctx
  return {
    saveImageToPhotosAlbum: desk.asyncApi(
      'saveImageToPhotosAlbum',
      (opts) => ({ settle: () => save(ctx, 'saveImageToPhotosAlbum', opts.filePath) }),
      true,
    ),
    saveVideoToPhotosAlbum: desk.asyncApi(
      'saveVideoToPhotosAlbum',
      (opts) => ({ settle: () => save(ctx, 'saveVideoToPhotosAlbum', opts.filePath) }),
      true,
    ),
    getAppAuthorizeSetting: desk.syncApi('getAppAuthorizeSetting', () => authorizeSetting(ctx)),
    openAppAuthorizeSetting: desk.asyncApi('openAppAuthorizeSetting', () => openSettings(ctx), true),
    showModal: desk.asyncApi('showModal', (opts) => modal(ctx, opts), true),
    showLoading: indicator(ctx, 'showLoading'),
    hideLoading: indicator(ctx, 'hideLoading'),
    showToast: indicator(ctx, 'showToast'),
    createCanvasContext: desk.syncApi('createCanvasContext', (canvasId: string) => canvasContext(ctx, canvasId)),
    canvasToTempFilePath: desk.asyncApi(
      'canvasToTempFilePath',
      (opts) => ({ settle: () => exportCanvas(ctx, opts) }),
      true,
    ),
    getSystemInfoSync: desk.syncApi('getSystemInfoSync', () => ({
      platform: isIos(ctx) ? 'ios' : 'android',
      system: isIos(ctx) ? 'iOS 17.5' : 'Android 14',
      uniPlatform: 'app',
      uniRuntimeVersion: '3.0.0',
      windowWidth: 375,
      windowHeight: 812,
      pixelRatio: 3,
    })),
  }
}

/** The legacy canvas of the current page: uni routes by canvasId through the view layer, no component needed [F]. */
function canvasContext(ctx: AppContext, canvasId: string): Record<string, unknown> {
  const draw = (_reserve?: boolean, callback?: () => void) => {
    ctx.drawnCanvases.add(canvasId)
    if (typeof callback === 'function') ctx.scheduler.later(ctx.state.latency, callback)
  }
  return recordingContext([], { draw })
}

/**
 * uni.canvasToTempFilePath: canvasId only (its protocol requires it [F]); the view writes the export under
 * `_doc/uniapp_temp_<ts>/canvas/` [F], uni's own folder. A canvas never drawn fails [I text].
 */
function exportCanvas(ctx: AppContext, opts: CallbackOptions): Outcome {
  if (typeof opts.canvasId !== 'string')
    return fail({ errMsg: 'canvasToTempFilePath:fail Missing required args: "canvasId"' })
  if (!ctx.drawnCanvases.has(opts.canvasId))
    return fail({ errMsg: 'canvasToTempFilePath:fail toTempFilePath:fail canvas is empty' })
  const { bytes, ext } = exported(opts.fileType)
  const path = `${UNI_TEMP}/canvas/${++ctx.exports}.${ext}`
  ctx.files.set(path, bytes)
  return { ok: true, res: { errMsg: 'canvasToTempFilePath:ok', tempFilePath: path } }
}

/**
 * uni.saveImageToPhotosAlbum and uni.saveVideoToPhotosAlbum → plus.gallery.save [F]. Order: uni's argument check
 * [F] → the OS album permission (prompted on first use) [D/I] → the file [I text] → its type [D "不支持则 errorCB",
 * I text]. Android reports success for an image file without an image extension, and the image never appears
 * [O #2429].
 */
function save(ctx: AppContext, api: 'saveImageToPhotosAlbum' | 'saveVideoToPhotosAlbum', path: unknown): Outcome {
  if (typeof path !== 'string') return fail({ errMsg: `${api}:fail Missing required args: "filePath"` })
  if (!permitted(ctx)) return fail({ errMsg: `${api}:fail No Permission`, code: 0 })
  const bytes = ctx.files.get(path)
  if (!bytes) return fail({ errMsg: `${api}:fail ${NOT_FOUND.message}`, code: NOT_FOUND.code })
  const ok = { errMsg: `${api}:ok`, path: `file://${path}` }
  const video = api === 'saveVideoToPhotosAlbum'
  if (!video && !isIos(ctx) && WECHAT_IMAGE_EXTENSIONS.indexOf(extensionOf(path)) < 0) return { ok: true, res: ok }
  const format = video ? videoFormatOf(bytes) : imageFormatOf(bytes)
  if (!format) return fail({ errMsg: `${api}:fail unsupported file type`, code: 0 })
  ctx.album.push({ path, kind: video ? 'video' : 'image', format, bytes: copyBytes(bytes) })
  return { ok: true, res: ok }
}

/** The OS prompt on first use; a refusal sticks until the settings page [D iOS; I Android]. */
function permitted(ctx: AppContext): boolean {
  const { state } = ctx
  if (state.permission === 'granted') return true
  if (state.permission !== 'not-asked') return false
  ctx.ui.push({ type: 'permission-prompt' })
  state.permission = state.prompt === 'allow' ? 'granted' : 'denied'
  return state.permission === 'granted'
}

/** `albumAuthorized` is reported on iOS only [D uni.d.ts]. */
function authorizeSetting(ctx: AppContext): HostResult {
  const { permission } = ctx.state
  if (!isIos(ctx)) return { cameraAuthorized: 'authorized' }
  const album = permission === 'granted' ? 'authorized' : permission === 'not-asked' ? 'not determined' : 'denied'
  return { albumAuthorized: album, cameraAuthorized: 'authorized' }
}

/** The app's page in the system settings [F]: the app pauses, and resumes when the user comes back. */
function openSettings(ctx: AppContext): Plan {
  const { state } = ctx
  ctx.ui.push({ type: 'settings' })
  emit(ctx, 'pause')
  return {
    settle: () => {
      if (state.settings === 'enable') state.permission = 'granted'
      if (state.returnsFromSettings) ctx.scheduler.later(state.latency, () => emit(ctx, 'resume'))
      return { ok: true, res: { errMsg: 'openAppAuthorizeSetting:ok' } }
    },
  }
}

function modal(ctx: AppContext, opts: CallbackOptions): Plan {
  const event: ModalEvent = { type: 'modal' }
  for (const key of ['title', 'content', 'confirmText', 'cancelText'] as const) {
    if (typeof opts[key] === 'string') event[key] = opts[key] as string
  }
  ctx.ui.push(event)
  return {
    settle: () => {
      const answer = ctx.state.modal
      const confirm = typeof answer === 'function' ? answer(event) === true : answer === 'confirm'
      return { ok: true, gesture: true, res: { errMsg: 'showModal:ok', confirm, cancel: !confirm } }
    },
  }
}

function indicator(
  ctx: AppContext,
  api: 'showLoading' | 'hideLoading' | 'showToast',
): (options?: CallbackOptions) => void {
  const { desk } = ctx
  return desk.syncApi(api, (options?: CallbackOptions) => {
    const opts = desk.optionsOf(options)
    const title = typeof opts.title === 'string' ? opts.title : undefined
    if (api === 'hideLoading') ctx.ui.push({ type: 'hide-loading' })
    else
      ctx.ui.push(
        title === undefined
          ? { type: api === 'showLoading' ? 'loading' : 'toast' }
          : { type: api === 'showLoading' ? 'loading' : 'toast', title },
      )
    desk.notify(opts, { errMsg: `${api}:ok` })
  })
}
