import { Failure, toSaveImageError, type Detail, type ErrorCode } from './errors'
import type { PlatformId } from '../hosts'

// What every parser of the input shares: how it says the input is bad, and how it reads unknown values.

/** What a parser throws for bad input; `parse` makes it a SaveImageError of the platform. */
export const invalid = (detail: Detail, code: ErrorCode = 'INVALID_ARGUMENT'): never => {
  throw new Failure(code, detail)
}

/**
 * Runs a parser; a bad input becomes a SaveImageError for this platform. Input that throws while it is
 * read (a getter, a Proxy trap) is bad input too, with what it threw as `raw`.
 */
export function parse<T>(platform: PlatformId | null, run: () => T): T {
  try {
    return run()
  } catch (e) {
    throw toSaveImageError(e, platform, 'INVALID_ARGUMENT', __DEV__ && 'reading the input threw (see raw)')
  }
}

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

export const describe = (value: unknown) => (value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value)

export function withoutUndefined(input: Record<string, unknown>) {
  const out: Record<string, unknown> = {}
  for (const key of Object.keys(input)) if (input[key] !== undefined) out[key] = input[key]
  return out
}
