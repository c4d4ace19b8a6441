import type { CanvasRequest, Done, HostAdapter, Owned } from '../src/core/adapter'
import {
  canvasToTempFile,
  createCallbackHostAdapter,
  versionAtLeast,
  writeDataUrl,
  type CallbackHost,
} from './kit/callback-host'
import { CANVAS } from '../src/core/features'

// Douyin (`tt`): docs/en/hosts/tt.md

declare const tt: CallbackHost | undefined

const host = () => (typeof tt === 'undefined' ? undefined : tt)

const shared = createCallbackHostAdapter({
  platform: 'tt',
  host,
  scopeKey: 'scope.album',
  localPrefixes: ['ttfile://'],
  // tt.downloadFile takes a filePath from base library 2.42.0; before, its temp file is typed by the response's
  // Content-Type (docs/en/hosts/tt.md#download)
  downloadsToFile: versionAtLeast('SDKVersion', '2.42.0'),
  // the mini-app doc names the field errNo, the newer doc errorCode
  codeFields: ['errNo', 'errorCode', 'errno'],
  codes: {
    10201: 'PRIVACY_NOT_AUTHORIZED',
    10202: 'PRIVACY_SCOPE_UNDECLARED',
    112089: 'SYSTEM_PERMISSION_DENIED',
    112090: 'AUTH_DENIED',
    // the video save's "can't support this video format" (docs/en/hosts/tt.md#errors); its 119890 reads "auth deny"
    119802: 'UNSUPPORTED_FORMAT',
  },
  // tt.requirePrivacyAuthorize from base library 3.19.0; the album's type in the privacy agreement (docs/en/hosts/tt.md#permission)
  privacyType: '相册',
})

type DataUrlCanvas = { toDataURL?: (type: string, quality?: number) => string }

export const adapter: HostAdapter = {
  ...shared,
  // canvasToTempFilePath is for the legacy canvas and no longer maintained; a Canvas 2D node is exported with
  // toDataURL, then written as base64, as Douyin documents (docs/en/hosts/tt.md#canvas)
  files: { ...shared.files, exportCanvas: CANVAS ? exportCanvas : undefined },
}

function exportCanvas(request: CanvasRequest, target: string, done: Done<string>): Owned {
  const node = request.canvas as DataUrlCanvas | undefined
  if (!node) return canvasToTempFile(host(), request, done)
  const jpg = request.fileType === 'jpg'
  const url =
    typeof node.toDataURL === 'function' ? node.toDataURL(jpg ? 'image/jpeg' : 'image/png', request.quality) : ''
  // written by us, to our own file
  return writeDataUrl(shared, url, jpg, target, done)
}
