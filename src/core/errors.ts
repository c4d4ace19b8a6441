import type { PlatformId } from './platform'

export const ERROR_CODES = [
  'INVALID_ARGUMENT',
  'UNSUPPORTED_FORMAT',
  'DOWNLOAD_FAILED',
  'FILE_WRITE_FAILED',
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

  constructor(code: ErrorCode, detail: string, platform: PlatformId | null, raw?: unknown) {
    const errMsg = `saveImageToAlbum:fail ${code}${detail ? ` ${detail}` : ''}`
    super(errMsg)
    // ES2017 output: keep instanceof working for subclassed Error
    Object.setPrototypeOf(this, SaveImageError.prototype)
    this.code = code
    this.errMsg = errMsg
    this.platform = platform
    this.raw = raw
  }
}

export function isSaveImageError(value: unknown): value is SaveImageError {
  return value instanceof SaveImageError
}

// Order matters: "system auth deny" must win over "auth deny", privacy texts over "permission".
const MESSAGE_CODES: ReadonlyArray<[RegExp, ErrorCode]> = [
  [/can only be invoked by user tap gesture/i, 'NEEDS_USER_GESTURE'],
  [/privacy permission is not authorized/i, 'PRIVACY_NOT_AUTHORIZED'],
  [/not declared in the privacy agreement/i, 'PRIVACY_SCOPE_UNDECLARED'],
  [/system (permission|auth) den(y|ied)|system deny/i, 'SYSTEM_PERMISSION_DENIED'],
  [/auth den(y|ied)|authorize no response|user deny|no permission/i, 'AUTH_DENIED'],
  [/fail:? ?cancel\b/i, 'USER_CANCELLED'],
  [/file not found|not exists?\b|get file data fail|no such file/i, 'FILE_NOT_FOUND'],
  [/invalid file type/i, 'UNSUPPORTED_FORMAT'],
  [/storage full|no space|storage limit is exceeded/i, 'STORAGE_FULL'],
  [/base64 encode error/i, 'INVALID_ARGUMENT'],
  [/not supported in web/i, 'UNSUPPORTED_PLATFORM'],
]

/** The contract code for a host's `errMsg` text (shared by every host that reports text). */
export function codeFromMessage(message: string): ErrorCode {
  for (const [pattern, code] of MESSAGE_CODES) if (pattern.test(message)) return code
  return 'UNKNOWN'
}

type Payload = Record<string, unknown>

const isPayload = (raw: unknown): raw is Payload => typeof raw === 'object' && raw !== null

/** First numeric field of `fields` in a host payload (hosts disagree on the field's name). */
export function numericField(raw: unknown, fields: readonly string[]): number | undefined {
  if (!isPayload(raw)) return undefined
  for (const field of fields) {
    const value = raw[field]
    if (typeof value === 'number') return value
    if (typeof value === 'string' && /^-?\d+$/.test(value)) return Number(value)
  }
  return undefined
}

/** The human text of a host payload or thrown value. */
export function messageOf(raw: unknown): string {
  if (typeof raw === 'string') return raw
  if (raw instanceof Error) return raw.message
  if (!isPayload(raw)) return String(raw)
  for (const field of ['errMsg', 'errorMessage', 'message']) {
    const value = raw[field]
    if (typeof value === 'string' && value) return value
  }
  return ''
}
