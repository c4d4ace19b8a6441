// Node's; declared here, as the simulated hosts type-check without Node's types
declare function setImmediate(fn: () => void): unknown
declare function clearImmediate(handle: unknown): void

/**
 * The next turn of the event loop: Node's setImmediate where there is one (a 0 ms setTimeout waits at least 1 ms
 * there, which thousands of simulated calls would spend idle), else a 0 ms timer.
 */
const soon =
  typeof setImmediate === 'function'
    ? (fn: () => void) => {
        const handle = setImmediate(fn)
        return () => clearImmediate(handle)
      }
    : (fn: () => void) => {
        const handle = setTimeout(fn, 0)
        return () => clearTimeout(handle)
      }

const after = (ms: number, fn: () => void) => {
  if (ms <= 0) return soon(fn)
  const handle = setTimeout(fn, ms)
  return () => clearTimeout(handle)
}

/**
 * Timers of the simulated host, so tests can await quiescence, plus the user-gesture flag
 * (WeChat ≥ 2.3.0 lets openSetting run only synchronously inside a tap, docs/en/hosts/weapp.md#permission).
 */
export class Scheduler {
  private readonly pending = new Set<number>()
  private waiters: Array<() => void> = []
  private seq = 0
  private gestureDepth = 0

  /** Runs fn after ms; the returned function cancels it and tells whether it was still pending. */
  later(ms: number, fn: () => void): () => boolean {
    const id = ++this.seq
    this.pending.add(id)
    const cancel = after(ms, () => {
      if (!this.pending.delete(id)) return
      try {
        fn()
      } finally {
        this.wakeIfIdle()
      }
    })
    return () => {
      if (!this.pending.delete(id)) return false
      cancel()
      this.wakeIfIdle()
      return true
    }
  }

  get inGesture(): boolean {
    return this.gestureDepth > 0
  }

  /** The gesture lasts only for fn's synchronous run: anything after an await is outside it. */
  gesture<T>(fn: () => T): T {
    this.gestureDepth++
    try {
      return fn()
    } finally {
      this.gestureDepth--
    }
  }

  /**
   * Resolves once no simulated callback is pending. After the queue drains it waits one more
   * macrotask, because promise chains run by the last callback may start the next host call.
   */
  async idle(): Promise<void> {
    for (;;) {
      while (this.pending.size > 0) await new Promise<void>((resolve) => this.waiters.push(resolve))
      await new Promise<void>((resolve) => soon(resolve))
      if (this.pending.size === 0) return
    }
  }

  private wakeIfIdle(): void {
    if (this.pending.size > 0) return
    const waiters = this.waiters
    this.waiters = []
    for (const wake of waiters) wake()
  }
}
