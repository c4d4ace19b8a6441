import type { PlatformId } from '../hosts'

export const ERROR_CODES = [
  'INVALID_ARGUMENT',
  'UNSUPPORTED_FORMAT',
  'DOWNLOAD_FAILED',
  'FILE_WRITE_FAILED',
  'CANVAS_EXPORT_FAILED',
  'FILE_NOT_FOUND',
  'USER_CANCELLED',
  'AUTH_DENIED',
  'SYSTEM_PERMISSION_DENIED',
  'PRIVACY_NOT_AUTHORIZED',
  'PRIVACY_SCOPE_UNDECLARED',
  'STORAGE_FULL',
  'NEEDS_USER_GESTURE',
  'UNSUPPORTED_PLATFORM',
  'TIMEOUT',
  'UNKNOWN',
] as const

export type ErrorCode = (typeof ERROR_CODES)[number]

export class SaveImageError extends Error {
  override readonly name = 'SaveImageError'
  readonly code: ErrorCode
  readonly errMsg: string
  readonly platform: PlatformId | null
  /** The untouched host payload, or the thrown value. */
  readonly raw: unknown

  /** `detail` is for developers: a production build passes none. */
  constructor(code: ErrorCode, detail: string | false | undefined, platform: PlatformId | null, raw?: unknown) {
    super(`saveImageToAlbum:fail ${code}${detail ? ` ${detail}` : ''}`)
    // ES2018 output: keep instanceof working for subclassed Error
    Object.setPrototypeOf(this, SaveImageError.prototype)
    this.code = code
    this.errMsg = this.message
    this.platform = platform
    this.raw = raw
  }
}

export const isSaveImageError = (value: unknown): value is SaveImageError => value instanceof SaveImageError

/** A developer-facing message; `false` in the production build. */
export type Detail = string | false

/**
 * A failure of ours, thrown before the platform is at hand: a bad input (src/core/invalid.ts), a host API the host
 * lacks (MissingHostApi), a host call that never called back (src/core/step.ts).
 */
export class Failure {
  constructor(
    readonly code: ErrorCode,
    readonly detail: Detail,
    readonly raw?: unknown,
  ) {}
}

/**
 * The one way any failure becomes the SaveImageError a call rejects with: ours as it is, a Failure with its code, and
 * anything else (a host's payload aside, which step.ts classifies first) as `fallback`, with what was thrown as `raw`.
 */
export function toSaveImageError(
  failure: unknown,
  platform: PlatformId | null,
  fallback: ErrorCode,
  detail: Detail,
): SaveImageError {
  if (failure instanceof SaveImageError) return failure
  if (failure instanceof Failure) return new SaveImageError(failure.code, failure.detail, platform, failure.raw)
  return new SaveImageError(fallback, detail, platform, failure)
}

// Order matters: "system auth deny" must win over "auth deny", privacy texts over "permission".
// Each pattern is the distinctive part of the host strings in the #errors section of docs/en/hosts/<id>.md (every one a test case).
const MESSAGE_CODES: ReadonlyArray<[RegExp, ErrorCode]> = [
  [/user tap gesture/i, 'NEEDS_USER_GESTURE'],
  [/privacy permission is not authorized/i, 'PRIVACY_NOT_AUTHORIZED'],
  [/not declared in the privacy/i, 'PRIVACY_SCOPE_UNDECLARED'],
  [/system (permission|auth) den|system deny/i, 'SYSTEM_PERMISSION_DENIED'],
  [/auth den|authorize no response|user deny|no permission/i, 'AUTH_DENIED'],
  [/fail:? ?cancel\b/i, 'USER_CANCELLED'],
  [/not found|not exists?\b|get file data fail|no such file/i, 'FILE_NOT_FOUND'],
  [/invalid file type/i, 'UNSUPPORTED_FORMAT'],
  [/storage full|no space|limit is exceeded/i, 'STORAGE_FULL'],
  [/base64 encode error/i, 'INVALID_ARGUMENT'],
  [/not supported in web/i, 'UNSUPPORTED_PLATFORM'],
]

type Payload = Record<string, unknown>

const isPayload = (raw: unknown): raw is Payload => typeof raw === 'object' && raw !== null

/** The human text of a host payload or thrown value. */
export function messageOf(raw: unknown): string {
  if (!isPayload(raw)) return String(raw)
  return String(raw.errMsg || raw.errorMessage || raw.message || '')
}

/** First numeric field of `fields` in a host payload (hosts disagree on the field's name). */
export function numericField(raw: unknown, fields: readonly string[]): number | undefined {
  if (isPayload(raw)) {
    for (const field of fields) {
      const value = raw[field]
      if (typeof value === 'number' || (typeof value === 'string' && /^-?\d+$/.test(value))) return +value
    }
  }
  return undefined
}

/** The contract code of a host payload: its number in `codes` (read from `fields`), else its text. */
export function classify(
  raw: unknown,
  fields: readonly string[] = [],
  codes: Readonly<Record<number, ErrorCode>> = {},
): ErrorCode {
  const number = numericField(raw, fields)
  const message = messageOf(raw)
  return (
    (number !== undefined && codes[number]) ||
    (MESSAGE_CODES.find(([pattern]) => pattern.test(message)) || [])[1] ||
    'UNKNOWN'
  )
}
