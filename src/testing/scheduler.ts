/**
 * Timers of the simulated host, so tests can await quiescence, plus the user-gesture flag
 * (WeChat ≥ 2.3.0 lets openSetting run only synchronously inside a tap, hosts.md §2).
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
    const handle = setTimeout(() => {
      if (!this.pending.delete(id)) return
      try {
        fn()
      } finally {
        this.wakeIfIdle()
      }
    }, Math.max(0, ms))
    return () => {
      if (!this.pending.delete(id)) return false
      clearTimeout(handle)
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
      await new Promise<void>((resolve) => setTimeout(resolve, 0))
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
