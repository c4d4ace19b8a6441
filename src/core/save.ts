import { MissingHostApi, type Done, type HostAdapter } from './adapter'
import { SaveImageError } from './errors'
import { GUIDE, PRIVACY } from './features'
import { sharedPrompt } from './prompt'
import { step } from './step'
import type { Settings } from './settings'
import { createQueue } from './queue'

/** How long the guide modal and the settings page may wait for the user before the call gives up. */
export const USER_WAIT_MS = 5 * 60 * 1000

/** When a call started, by the prompts it may share: a prompt that closed before then is not its answer. */
export interface Since {
  guide: number
  /** The guide to the phone's own settings (SYSTEM_PERMISSION_DENIED). */
  system: number
  privacy: number
  /** Refusals so far on a host that guides the user itself (its dialog after a refusal is the prompt). */
  refusals: number
}

interface GuideOutcome {
  granted: boolean
  /** Why settings could not be opened (e.g. NEEDS_USER_GESTURE); absent when the user declined. */
  error?: SaveImageError
}

/** The saves of one host binding: one queue, one guide, one privacy step, shared by every call. */
export interface Saver {
  /** Taken when a call starts. */
  since(): Since
  /**
   * Save first, recover on failure: a queued save; on PRIVACY_NOT_AUTHORIZED with `privacy` on, the host's privacy
   * step (shared) and one retry; on AUTH_DENIED with the guide on, one modal (shared), its settings page and one
   * retry, which passes through the privacy step again; on SYSTEM_PERMISSION_DENIED the same with the phone's settings
   * for the host app, where the host can open them.
   */
  save<T>(adapter: HostAdapter, settings: Settings, since: Since, start: (done: Done<T>) => void): Promise<T>
}

export function createSaver(): Saver {
  // saves are serialised per host: Alipay fires `success` only once for overlapping calls
  const queue = createQueue()
  const guide = sharedPrompt<GuideOutcome>({ granted: false })
  const system = sharedPrompt<GuideOutcome>({ granted: false })
  const privacy = sharedPrompt<boolean>(false)
  // a host that guides the user itself: its last refusal, which answers every save that was already waiting
  let refusals = 0
  let refusal: SaveImageError | undefined

  function attempt<T>(
    adapter: HostAdapter,
    settings: Settings,
    since: Since,
    start: (done: Done<T>) => void,
  ): Promise<T> {
    // refused since this call began, on a host that then showed its own settings dialog: that was the answer
    return queue(() =>
      refusal && refusals !== since.refusals
        ? Promise.reject(refusal)
        : step<T>(adapter, __DEV__ && 'save', settings.timeout, start).catch((failure: SaveImageError) => {
            if (adapter.recovery.guidesItself && failure.code === 'AUTH_DENIED') {
              refusal = failure
              refusals++
            }
            throw failure
          }),
    )
  }

  async function withPrivacy<T>(
    adapter: HostAdapter,
    settings: Settings,
    since: Since,
    start: (done: Done<T>) => void,
  ): Promise<T> {
    try {
      return await attempt(adapter, settings, since, start)
    } catch (refused) {
      const authorize = adapter.recovery.authorizePrivacy
      if (!PRIVACY || (refused as SaveImageError).code !== 'PRIVACY_NOT_AUTHORIZED' || !settings.privacy || !authorize)
        throw refused
      const agreed = await privacy.ask(since.privacy, () =>
        step<unknown>(adapter, __DEV__ && 'privacy', USER_WAIT_MS, (done) => authorize.call(adapter, done)).then(
          () => true,
          () => false,
        ),
      )
      if (!agreed) throw refused
      return attempt(adapter, settings, since, start)
    }
  }

  return {
    since: () => ({ guide: guide.epoch(), system: system.epoch(), privacy: privacy.epoch(), refusals }),
    async save(adapter, settings, since, start) {
      try {
        return await withPrivacy(adapter, settings, since, start)
      } catch (denied) {
        const texts = settings.guide
        const confirm = adapter.recovery.confirm
        const code = (denied as SaveImageError).code
        // the album's own settings page, or the phone's settings for the host app where the OS refused it
        const openApp = adapter.recovery.openAppSetting
        const open: Open | undefined =
          code === 'AUTH_DENIED' && !adapter.recovery.guidesItself
            ? (done) => {
                if (!adapter.recovery.openSetting) throw new MissingHostApi('settings page')
                adapter.recovery.openSetting(done)
              }
            : code === 'SYSTEM_PERMISSION_DENIED' && openApp
              ? (done) => openApp.call(adapter, done)
              : undefined
        if (!GUIDE || !texts || !confirm || !open) throw denied
        const [prompt, epoch, modal] =
          code === 'AUTH_DENIED' ? [guide, since.guide, texts] : [system, since.system, texts.system]
        const outcome = await prompt.ask(epoch, () =>
          askToOpenSettings(adapter, (done) => confirm.call(adapter, modal, done), open),
        )
        if (!outcome.granted) throw outcome.error || denied
        return withPrivacy(adapter, settings, since, start)
      }
    },
  }
}

/** Opens a settings page; resolves whether the permission is on afterwards. */
type Open = (done: Done<boolean>) => void

/**
 * The guide: a modal whose confirm opens a settings page. It is opened synchronously inside the modal's callback:
 * WeChat ≥ 2.3.0 only opens settings from a tap, and a modal button press is one. Both wait for the user, so they
 * get USER_WAIT_MS rather than the call's timeout.
 */
function askToOpenSettings(
  adapter: HostAdapter,
  confirm: (done: (confirmed: boolean) => void) => void,
  open: Open,
): Promise<GuideOutcome> {
  let confirmed = false
  const opened = step<boolean>(adapter, __DEV__ && 'guide', USER_WAIT_MS, (done) =>
    confirm((yes) => {
      if (!(confirmed = yes)) return done.success(false)
      try {
        open(done)
      } catch (thrown) {
        done.fail(thrown)
      }
    }),
  )
  return opened.then(
    (granted) => ({ granted }),
    // settings that failed to open, or a user who never answered, say why; a host without a modal leaves the denial standing
    (error: SaveImageError) => ({ granted: false, error: confirmed || error.code === 'TIMEOUT' ? error : undefined }),
  )
}
