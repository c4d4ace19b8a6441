import type { Done, HostAdapter } from './adapter'
import { Failure, messageOf, numericField, SaveImageError, toSaveImageError, type ErrorCode } from './errors'
import { TIMED_OUT, watchdog } from './watchdog'

/** A step's own code (a failed download is DOWNLOAD_FAILED whatever the host said), or a rule over the host's. */
export type StepCode = ErrorCode | ((hostCode: ErrorCode) => ErrorCode)

/**
 * One host call under the watchdog, named for the developer messages (`download`, `save`…; `false` in production). Its failure becomes a
 * SaveImageError: the host's own code as the adapter reads it, unless `code` says the step's.
 */
export function step<T>(
  adapter: HostAdapter,
  name: string | false,
  timeoutMs: number,
  start: (done: Done<T>, alive: (giveUp?: unknown) => void) => void,
  code?: StepCode,
  onLate?: () => void,
): Promise<T> {
  return watchdog<T>(timeoutMs, start, onLate).catch((raw: unknown) => {
    const platform = adapter.platform
    if (raw === TIMED_OUT) raw = new Failure('TIMEOUT', __DEV__ && `${name} did not call back within ${timeoutMs} ms`)
    if (raw instanceof Failure) throw toSaveImageError(raw, platform, 'UNKNOWN', false)
    // a host's failure payload: the code the adapter reads in it
    const hostCode = adapter.classify(raw)
    const failed = typeof code === 'string' ? code : code ? code(hostCode) : hostCode
    // a configuration error of the app, seen first on real devices: every build says what to declare
    const undeclared =
      failed === 'PRIVACY_SCOPE_UNDECLARED' &&
      adapter.recovery.privacyType &&
      `declare "${adapter.recovery.privacyType}" in the app's privacy agreement`
    const detail = __DEV__ ? [undeclared, `${name}: ${detailOf(raw)}`].filter(Boolean).join('; ') : undeclared
    throw new SaveImageError(failed, detail, platform, raw)
  })
}

/** Any failure as a SaveImageError of this host: an unexpected throw is UNKNOWN, with what was thrown as `raw`. */
export const asSaveImageError = (adapter: HostAdapter, failure: unknown): SaveImageError =>
  toSaveImageError(failure, adapter.platform, 'UNKNOWN', __DEV__ && String(failure))

function detailOf(raw: unknown): string {
  const code = numericField(raw, ['errno', 'errNo', 'errorCode', 'errCode', 'error'])
  const message = messageOf(raw)
  return code === undefined ? message : `${message} (${code})`.trim()
}
