/**
 * A prompt the user answers once for everyone (the guide, the privacy popup): one at a time; calls that fail while
 * it is open share its outcome, and so do calls that started before it closed, so a batch asks once. `since` is
 * the call's `epoch()` when it started: a prompt that closed before then is not its answer.
 */
export function sharedPrompt<T>(initial: T) {
  let open: Promise<T> | null = null
  let epoch = 0
  let last = initial
  return {
    epoch: () => epoch,
    ask(since: number, start: () => Promise<T>): Promise<T> {
      if (!open && since === epoch) {
        open = start().then((outcome) => {
          open = null
          epoch++
          return (last = outcome)
        })
      }
      return open || Promise.resolve(last)
    },
  }
}
