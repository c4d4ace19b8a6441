import type { Outcome } from './calls'
import type { HostContext } from './context'
import type { HostApi } from './types'

/** What `onNeedPrivacyAuthorization` registers: the app's own popup, answered through `resolve` [D]. */
export type PrivacyListener = (
  resolve: (answer?: { event?: string; buttonId?: string }) => void,
  eventInfo: { referrer: string },
) => void

/**
 * The privacy APIs of WeChat (base library 2.32.3 [D]) and Douyin (3.19.0 [D]), docs/en/guide/privacy.md. requirePrivacyAuthorize
 * succeeds at once when the user already agreed [D]; otherwise it runs the app's listener, whose resolve({ event })
 * answers it [D], or, with no listener, the official popup, answered by `state.privacyAnswer` [D, the WeChat privacy guide, https://developers.weixin.qq.com/miniprogram/dev/framework/user-privacy/PrivacyAuthorize.html].
 * The simulated save itself does not pop up: it fails 104 / 10201 while the privacy state is 'not-agreed', as it
 * does after a refused or skipped popup [O].
 */
export function privacyApis(ctx: HostContext): Partial<HostApi> {
  const { desk, state, payloads } = ctx
  const ok = (): Outcome => ({ ok: true, res: payloads.ok('requirePrivacyAuthorize') })
  const answered = (agreed: boolean): Outcome => {
    if (!agreed) return { ok: false, res: payloads.privacyRefused() }
    state.privacy = 'agreed'
    return ok()
  }
  const ask = (): Outcome | Promise<Outcome> => {
    if (state.privacy !== 'not-agreed') return ok()
    const referrer = 'requirePrivacyAuthorize'
    ctx.ui.push({ type: 'privacy-popup', referrer })
    const listener = ctx.privacyListener
    if (!listener) return answered(state.privacyAnswer === 'agree')
    return new Promise<Outcome>((resolve) => {
      try {
        listener((answer) => resolve(answered(!!answer && answer.event === 'agree')), { referrer })
      } catch (error) {
        desk.errors.push(error)
      }
    })
  }
  return {
    // last registration wins [D]
    onNeedPrivacyAuthorization: desk.syncApi(
      'onNeedPrivacyAuthorization',
      (listener: PrivacyListener) => void (ctx.privacyListener = listener),
    ),
    requirePrivacyAuthorize: desk.asyncApi('requirePrivacyAuthorize', () => ({ settle: ask }), true),
    getPrivacySetting: desk.asyncApi(
      'getPrivacySetting',
      () => ({
        settle: (): Outcome => ({
          ok: true,
          res: payloads.ok('getPrivacySetting', {
            needAuthorization: state.privacy === 'not-agreed',
            privacyContractName: '《示例小程序隐私保护指引》',
          }),
        }),
      }),
      true,
    ),
  }
}
