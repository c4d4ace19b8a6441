import { MissingHostApi, type Callback, type HostAdapter } from './adapter'
import { SaveImageError } from './errors'
import { GUIDE, PRIVACY } from './features'
import { sharedPrompt } from './prompt'
import { step } from './step'
import type { Settings } from './validate'
import { createQueue } from './watchdog'

/** How long the guide modal and the settings page may wait for the user before the call gives up. */
export const USER_WAIT_MS = 5 * 60 * 1000

/** When a call started, by the prompts it may share: a prompt that closed before then is not its answer. */
export interface Since {
  guide: number
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
   * retry, which passes through the privacy step again.
   */
  save<T>(adapter: HostAdapter, settings: Settings, since: Since, start: (done: Callback<T>) => void): Promise<T>
}

export function createSaver(): Saver {
  // saves are serialised per host: Alipay fires `success` only once for overlapping calls
  const queue = createQueue()
  const guide = sharedPrompt<GuideOutcome>({ granted: false })
  const privacy = sharedPrompt<boolean>(false)
  // a host that guides the user itself: its last refusal, which answers every save that was already waiting
  let refusals = 0
  let refusal: SaveImageError | undefined

  function attempt<T>(
    adapter: HostAdapter,
    settings: Settings,
    since: Since,
    start: (done: Callback<T>) => void,
  ): Promise<T> {
    // refused since this call began, on a host that then showed its own settings dialog: that was the answer
    return queue(() =>
      refusal && refusals !== since.refusals
        ? Promise.reject(refusal)
        : step<T>(adapter, __DEV__ && 'save', settings.timeout, start).catch((failure: SaveImageError) => {
            if (adapter.guidesItself && failure.code === 'AUTH_DENIED') {
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
    start: (done: Callback<T>) => void,
  ): Promise<T> {
    try {
      return await attempt(adapter, settings, since, start)
    } catch (refused) {
      const authorize = adapter.authorizePrivacy
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
    since: () => ({ guide: guide.epoch(), privacy: privacy.epoch(), refusals }),
    async save(adapter, settings, since, start) {
      try {
        return await withPrivacy(adapter, settings, since, start)
      } catch (denied) {
        const texts = settings.guide
        const confirm = adapter.confirm
        if (!GUIDE || (denied as SaveImageError).code !== 'AUTH_DENIED' || !texts || adapter.guidesItself || !confirm)
          throw denied
        const outcome = await guide.ask(since.guide, () =>
          askToOpenSettings(adapter, (done) => confirm.call(adapter, texts, done)),
        )
        if (!outcome.granted) throw outcome.error || denied
        return withPrivacy(adapter, settings, since, start)
      }
    },
  }
}

/**
 * The guide: a modal whose confirm opens the settings page. openSetting is called synchronously inside the
 * modal's callback: WeChat ≥ 2.3.0 only opens settings from a tap, and a modal button press is one. Both wait for
 * the user, so they get USER_WAIT_MS rather than the call's timeout.
 */
function askToOpenSettings(
  adapter: HostAdapter,
  confirm: (done: (confirmed: boolean) => void) => void,
): Promise<GuideOutcome> {
  let confirmed = false
  const opened = step<boolean>(adapter, __DEV__ && 'guide', USER_WAIT_MS, (done) =>
    confirm((yes) => {
      if (!(confirmed = yes)) return done.success(false)
      try {
        if (!adapter.openSetting) throw new MissingHostApi('settings page')
        adapter.openSetting(done)
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
