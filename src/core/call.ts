import type { Callback } from './adapter'

/** A host call that did not call back in time. */
export class HostTimeout {
  constructor(readonly api: string, readonly ms: number) {}
}

/** A host call's failure: its untouched payload, or what it threw. */
export class HostFailure {
  constructor(readonly api: string, readonly raw: unknown) {}
}

/**
 * Runs one callback-style host call under a watchdog. The first outcome wins; a callback that
 * arrives after the watchdog fired runs `onLate` (e.g. to remove a file written too late).
 */
export function callHost<T>(api: string, timeoutMs: number, start: (done: Callback<T>) => void, onLate?: () => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let settled = false
    let timedOut = false
    const timer = setTimeout(() => {
      timedOut = true
      finish(() => reject(new HostTimeout(api, timeoutMs)))
    }, timeoutMs)
    function finish(outcome: () => void) {
      // a host calling back twice is ignored; only a callback after the watchdog has work left to undo
      if (settled) return void (timedOut && onLate && onLate())
      settled = true
      clearTimeout(timer)
      outcome()
    }
    try {
      start({
        success: (value) => finish(() => resolve(value)),
        fail: (raw) => finish(() => reject(new HostFailure(api, raw))),
      })
    } catch (thrown) {
      finish(() => reject(new HostFailure(api, thrown)))
    }
  })
}

/** Runs tasks one at a time, in order; a failed or timed-out task frees the queue for the next. */
export function createQueue() {
  let tail: Promise<unknown> = Promise.resolve()
  return function run<T>(task: () => Promise<T>): Promise<T> {
    const result = tail.then(task, task)
    tail = result.then(noop, noop)
    return result
  }
}

export function noop() {}

/** Calls a user callback; its throw is reported but never changes an outcome. */
export function safely<A>(fn: ((arg: A) => void) | undefined, arg: A): void {
  if (!fn) return
  try {
    fn(arg)
  } catch (error) {
    console.error('[mp-save-image] a callback threw:', error)
  }
}
