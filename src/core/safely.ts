// The caller's callbacks (success, fail, complete, onProgress, onDownloadProgress) run outside our promise chains.

/** Calls a user callback; its throw is reported but never changes an outcome. */
export function safely<A>(fn: ((arg: A) => void) | undefined, arg: A): void {
  try {
    if (fn) fn(arg)
  } catch (error) {
    if (__DEV__) console.error('[mp-save-image] a callback threw:', error)
    else console.error(error)
  }
}
