import type { Done } from './adapter'
import { VIDEO } from './features'

/** What a host call that did not call back in time rejects with. */
export const TIMED_OUT = {}

/**
 * Runs one callback-style host call under a watchdog. The first outcome wins: the value, the host's
 * failure payload (or what the call threw), or TIMED_OUT. `alive()` restarts the count (a download that
 * reports progress is not stalled); `alive(raw)` gives up on the call now, failing with `raw`. A callback that
 * arrives after the watchdog fired or gave up runs `onLate` (e.g. to remove a file written too late).
 */
export function watchdog<T>(
  timeoutMs: number,
  start: (done: Done<T>, alive: (giveUp?: unknown) => void) => void,
  onLate?: () => void,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    // 0: waiting; 1: settled by the host; 2: timed out or given up
    let state = 0
    let timer: ReturnType<typeof setTimeout> | undefined
    const stop = (raw: unknown) => {
      state = 2
      reject(raw)
    }
    const arm = (giveUp?: unknown) => {
      clearTimeout(timer)
      if (state) return
      // only a video's download gives up early (over the host's download limit)
      if (VIDEO && giveUp !== undefined) return stop(giveUp)
      timer = setTimeout(() => stop(TIMED_OUT), timeoutMs)
    }
    arm()
    const finish = (settle: () => void) => {
      // a host calling back twice is ignored; only a callback after the watchdog has work left to undo
      if (state) return void (state > 1 && onLate && onLate())
      state = 1
      clearTimeout(timer)
      settle()
    }
    try {
      start({ success: (value) => finish(() => resolve(value)), fail: (raw) => finish(() => reject(raw)) }, arm)
    } catch (thrown) {
      finish(() => reject(thrown))
    }
  })
}
