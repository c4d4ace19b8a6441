import { copyBytes, hostBase64, imageFormatOf, videoFormatOf } from './bytes'
import { HANG } from './calls'
import type { Outcome, Plan, TaskEvents } from './calls'
import type { HostContext } from './context'
import { storeUserFile } from './fs'
import { extensionFor, extensionOf } from './profiles'
import { reportsAtLeast } from './system'
import type { CallbackOptions, DownloadResponse, DownloadTask, HostResult } from './types'

const fail = (res: HostResult): Outcome => ({ ok: false, res })
const ok = (res: HostResult): Outcome => ({ ok: true, res })

export function isSuccessStatus(status: number): boolean {
  return status >= 200 && status < 300
}

/** `downloadFile`, answered from `host.downloads` by exact URL. */
export function downloadFileApi(ctx: HostContext): (options: CallbackOptions) => DownloadTask {
  return ctx.desk.taskApi(
    'downloadFile',
    (opts, events) => downloadPlan(ctx, opts, events),
    () => ctx.payloads.aborted(),
  )
}

function downloadPlan(ctx: HostContext, opts: CallbackOptions, events: TaskEvents): Plan {
  const url = String(opts.url ?? '')
  // Alipay's documented base64 route: its downloadFile also takes a Data URL (docs/en/hosts/alipay.md#download [D]).
  if (ctx.profile.alipayErrors && url.startsWith('data:')) return { settle: () => dataUrlDownload(ctx, url) }
  const response = ctx.downloads.get(url)
  if (response && !response.hang && !response.fail) tell(ctx, response, events)
  return { delay: response ? response.delay : 0, settle: () => answer(ctx, opts, response) }
}

/**
 * The download task's events before its answer (docs/en/hosts/<id>.md#download): the response headers once the
 * server answers, then the bytes in `progressSteps` steps over the response's delay. Alipay's container has no task
 * events; its success payload carries the headers.
 */
function tell(ctx: HostContext, response: DownloadResponse, events: TaskEvents): void {
  if (ctx.profile.alipayErrors) return
  const { latency } = ctx.state
  const total = response.contentLength ?? (response.body ? response.body.length : 0)
  const header: Record<string, string> = { 'Content-Length': String(total) }
  if (response.contentType) header['Content-Type'] = response.contentType
  if (ctx.state.headersEvent) ctx.scheduler.later(latency, () => events.headers({ header }))
  const steps = response.progressSteps ?? 2
  for (let k = 1; k <= steps; k++) {
    const loaded = Math.round((total * k) / steps)
    ctx.scheduler.later(latency + ((response.delay ?? 0) * k) / steps, () =>
      events.progress({
        progress: total ? Math.round((loaded / total) * 100) : 0,
        totalBytesWritten: loaded,
        totalBytesExpectedToWrite: response.unknownLength ? 0 : total,
      }),
    )
  }
}

function answer(ctx: HostContext, opts: CallbackOptions, response: DownloadResponse | undefined): Outcome {
  if (!response) return fail(ctx.payloads.notInDomainList())
  if (response.hang) return HANG
  if (response.fail) return fail(response.fail)
  const status = response.status ?? 200
  const body = copyBytes(response.body)
  if (ctx.profile.alipayErrors) {
    return isSuccessStatus(status)
      ? alipayTempFile(ctx, body, response.contentType)
      : fail(ctx.payloads.downloadFailed())
  }
  // A host (or client) that takes `filePath` writes there; the others ignore it. The body is stored whatever the
  // status: "downloadFile:ok with statusCode 404" (WeChat [O]).
  if (takesFilePath(ctx) && typeof opts.filePath === 'string') {
    const error = storeUserFile(ctx, 'downloadFile', opts.filePath, body)
    return error ? fail(error) : ok(ctx.payloads.ok('downloadFile', { filePath: opts.filePath, statusCode: status }))
  }
  const named = ctx.profile.namesTempFromUrl
    ? extensionOf(String(opts.url).split(/[?#]/)[0]!) || null
    : extensionFor(response.contentType)
  const tempFilePath = ctx.tempPath(named)
  ctx.files.set(tempFilePath, body)
  return ok(ctx.payloads.ok('downloadFile', { tempFilePath, statusCode: status }))
}

function takesFilePath(ctx: HostContext): boolean {
  const since = ctx.profile.downloadsToFile
  return since === true || (!!since && reportsAtLeast(ctx, since.field, since.since))
}

/** Alipay: `apFilePath` always, `tempFilePath` equal to it, response headers, NO statusCode (typings [D]). */
function alipayTempFile(ctx: HostContext, body: Uint8Array, contentType: string | undefined): Outcome {
  // the synthetic extensions .image and .video [D]; the type is the Content-Type's, else the bytes'
  const isType = (kind: string) => contentType !== undefined && new RegExp(`^\\s*${kind}/`, 'i').test(contentType)
  const isImage = isType('image') || imageFormatOf(body) !== null
  const path = ctx.tempPath(isImage ? 'image' : isType('video') || videoFormatOf(body) ? 'video' : null)
  ctx.files.set(path, body)
  const header: Record<string, string> = contentType ? { 'Content-Type': contentType } : {}
  return ok({ apFilePath: path, tempFilePath: path, header, headers: header })
}

/** A malformed Data URL (not base64, bad base64) fails like any failed download, error 12 [I]. */
function dataUrlDownload(ctx: HostContext, url: string): Outcome {
  const match = /^data:([^,;]*)((?:;[^,;]*)*?);base64,([\s\S]*)$/i.exec(url)
  const body = match ? hostBase64(match[3]) : null
  if (!match || !body) return fail(ctx.payloads.downloadFailed())
  return alipayTempFile(ctx, body, match[1] || undefined)
}
