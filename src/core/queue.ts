// Saves run one at a time (src/core/save.ts): the host shows one permission prompt, one guide, one settings page.

/** Runs tasks one at a time, in order; a failed or timed-out task frees the queue for the next. */
export function createQueue() {
  let tail: Promise<unknown> = Promise.resolve()
  return <T>(task: () => Promise<T>): Promise<T> => {
    const result = tail.then(task, task)
    tail = result.then(noop, noop)
    return result
  }
}

export function noop() {}
