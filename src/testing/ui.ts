import { albumPermission } from './album'
import type { Plan } from './calls'
import type { HostContext } from './context'
import type { AsyncReturn, CallbackOptions, HostResult, ModalAnswer, ModalEvent, UiEvent } from './types'

type AsyncFn = (options?: CallbackOptions) => AsyncReturn

const failNow = (res: HostResult): Plan => ({ settle: () => ({ ok: false, res }) })

/** The album key is absent until the permission was asked (docs/en/hosts/weapp.md#permission). */
function authSetting(ctx: HostContext, key: string): Record<string, boolean> {
  const { permission } = ctx.state
  return permission === 'not-asked' ? {} : { [key]: permission === 'granted' }
}

/**
 * openSetting. WeChat ≥ 2.3.0 needs a tap (checked synchronously at call time) [D/O]; Baidu Web 态
 * fails with errCode 1001 [D]. The page lists only permissions asked before [D typings, all hosts], so
 * 'enable' turns on an album permission that was asked; the OS permission is not touched.
 */
export function openSettingApi(ctx: HostContext): AsyncFn {
  const { state, payloads } = ctx
  return ctx.desk.asyncApi(
    'openSetting',
    () => {
      if (ctx.profile.webRendition && state.web) return failNow(payloads.webUnsupported('openSetting'))
      if (state.gestureRequired && !ctx.scheduler.inGesture) return failNow(payloads.needsGesture())
      ctx.ui.push({ type: 'settings' })
      return {
        settle: () => {
          if (state.settings === 'enable' && state.permission !== 'not-asked') state.permission = 'granted'
          return {
            ok: true,
            res: payloads.ok('openSetting', { authSetting: authSetting(ctx, ctx.profile.openSettingScopeKey) }),
          }
        },
      }
    },
    true,
  )
}

export function getSettingApi(ctx: HostContext): AsyncFn {
  return ctx.desk.asyncApi(
    'getSetting',
    () => ({
      settle: () => ({
        ok: true,
        res: ctx.payloads.ok('getSetting', { authSetting: authSetting(ctx, ctx.profile.scopeKey) }),
      }),
    }),
    true,
  )
}

/** wx/tt/swan `authorize`: the same prompt and refusal rules as the save, without privacy or OS checks [I]. Other scopes succeed. */
export function authorizeApi(ctx: HostContext): AsyncFn {
  return ctx.desk.asyncApi(
    'authorize',
    (opts) => ({
      settle: () => {
        if (opts.scope !== ctx.profile.scopeKey) return { ok: true, res: ctx.payloads.ok('authorize') }
        const denied = albumPermission(ctx, 'authorize')
        return denied ? { ok: false, res: denied } : { ok: true, res: ctx.payloads.ok('authorize') }
      },
    }),
    true,
  )
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined
}

function modalEvent(title: unknown, content: unknown, confirmText: unknown, cancelText: unknown): ModalEvent {
  const event: ModalEvent = { type: 'modal' }
  const fields = {
    title: text(title),
    content: text(content),
    confirmText: text(confirmText),
    cancelText: text(cancelText),
  }
  for (const key of ['title', 'content', 'confirmText', 'cancelText'] as const) {
    const value = fields[key]
    if (value !== undefined) event[key] = value
  }
  return event
}

function answer(modal: ModalAnswer, event: ModalEvent): boolean {
  return typeof modal === 'function' ? modal(event) === true : modal === 'confirm'
}

/**
 * showModal (and Alipay `confirm`, whose button labels are confirmButtonText/cancelButtonText).
 * The modal shows at call time; the user's answer (`state.modal`) arrives after `latency`. The
 * success/complete callbacks run as a tap, because a modal button press is one [O] (docs/en/guide/permission.md#needs-user-gesture).
 */
export function modalApi(ctx: HostContext, api: 'showModal' | 'confirm'): AsyncFn {
  return ctx.desk.asyncApi(
    api,
    (opts) => {
      const event =
        api === 'confirm'
          ? modalEvent(opts.title, opts.content, opts.confirmButtonText, opts.cancelButtonText)
          : modalEvent(opts.title, opts.content, opts.confirmText, opts.cancelText)
      ctx.ui.push(event)
      return {
        settle: () => {
          const confirm = answer(ctx.state.modal, event)
          // Alipay answers {confirm} only (typings [D]).
          const fields = ctx.profile.alipayErrors ? { confirm } : { confirm, cancel: !confirm }
          return { ok: true, gesture: true, res: ctx.payloads.ok(api, fields) }
        },
      }
    },
    true,
  )
}

/** showLoading/hideLoading/showToast/hideToast: logged as sync, UI recorded at once, callbacks after latency. */
export function indicatorApi(
  ctx: HostContext,
  api: 'showLoading' | 'hideLoading' | 'showToast' | 'hideToast',
): (options?: CallbackOptions) => void {
  return ctx.desk.syncApi(api, (options?: CallbackOptions): void => {
    const opts = ctx.desk.optionsOf(options)
    // Alipay names the text `content` (typings [D]); the others `title`.
    const title = text(opts.title) ?? text(opts.content)
    const event = indicatorEvent(api, title)
    if (event) ctx.ui.push(event)
    ctx.desk.notify(opts, ctx.payloads.ok(api))
  })
}

function indicatorEvent(api: string, title: string | undefined): UiEvent | null {
  switch (api) {
    case 'showLoading':
      return title === undefined ? { type: 'loading' } : { type: 'loading', title }
    case 'showToast':
      return title === undefined ? { type: 'toast' } : { type: 'toast', title }
    case 'hideLoading':
      return { type: 'hide-loading' }
    default:
      return null
  }
}

/**
 * WeChat's page of the phone's settings for WeChat itself (openAppAuthorizeSetting 2.20.1 [D]): it opens (success),
 * the user sets the photo switch as `state.settings` says, and coming back fires onAppShow. getAppAuthorizeSetting
 * reports `albumAuthorized` on iOS only [D]; Android's value, 'not determined', is [I].
 */
export function appSettingsApis(ctx: HostContext): Record<string, unknown> {
  const { state, desk, scheduler } = ctx
  const shown = new Set<() => void>()
  return {
    openAppAuthorizeSetting: desk.asyncApi(
      'openAppAuthorizeSetting',
      () => {
        ctx.ui.push({ type: 'system-settings' })
        return {
          settle: () => {
            if (state.settings === 'enable') state.systemPermission = true
            // back in the app: after the page, like every other answer of the host
            scheduler.later(state.latency, () => shown.forEach((listener) => listener()))
            return { ok: true, res: ctx.payloads.ok('openAppAuthorizeSetting') }
          },
        }
      },
      true,
    ),
    getAppAuthorizeSetting: desk.syncApi('getAppAuthorizeSetting', () => ({
      albumAuthorized: state.client !== 'ios' ? 'not determined' : state.systemPermission ? 'authorized' : 'denied',
    })),
    onAppShow: desk.syncApi('onAppShow', (listener: () => void) => void shown.add(listener)),
    offAppShow: desk.syncApi('offAppShow', (listener: () => void) => void shown.delete(listener)),
  }
}
