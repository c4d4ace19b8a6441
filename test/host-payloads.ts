import type { ErrorCode } from '../src/core/errors'
import type { SimulatedPlatform } from '../src/testing'

// The documented failure payloads of the #errors sections of docs/en/hosts/<id>.md, shared by the error-table tests and the fault matrix.

export type Row = [string, Record<string, unknown>, ErrorCode]

/** Every failure payload of docs/en/hosts/<id>.md#errors that a save can return, per host, with its contract code. */
export const SAVE_FAILURES: Record<SimulatedPlatform, Row[]> = {
  weapp: [
    ['devtools / iOS denial', { errMsg: 'saveImageToPhotosAlbum:fail auth deny' }, 'AUTH_DENIED'],
    ['Android denial (colon)', { errMsg: 'saveImageToPhotosAlbum:fail:auth denied' }, 'AUTH_DENIED'],
    ['Android denial (no colon)', { errMsg: 'saveImageToPhotosAlbum:fail auth denied' }, 'AUTH_DENIED'],
    ['iOS repeat call after denial', { errMsg: 'saveImageToPhotosAlbum:fail authorize no response' }, 'AUTH_DENIED'],
    ['authorize Android', { errMsg: 'authorize:fail:auth deny' }, 'AUTH_DENIED'],
    ['authorize iOS / devtools', { errMsg: 'authorize:fail auth deny' }, 'AUTH_DENIED'],
    ['simulator -12006', { errMsg: 'authorize:fail 系统错误,错误码:-12006,auth deny' }, 'AUTH_DENIED'],
    ['2018 "no permission" report', { errMsg: 'saveImageToPhotosAlbum:fail no permission' }, 'AUTH_DENIED'],
    [
      'WeCom OS permission',
      { errMsg: 'saveImageToPhotosAlbum:fail:system permission denied' },
      'SYSTEM_PERMISSION_DENIED',
    ],
    [
      'privacy declined (errno 104)',
      { errMsg: 'saveImageToPhotosAlbum:fail privacy permission is not authorized', errno: 104 },
      'PRIVACY_NOT_AUTHORIZED',
    ],
    ['privacy errno 104 alone', { errMsg: 'saveImageToPhotosAlbum:fail', errno: 104 }, 'PRIVACY_NOT_AUTHORIZED'],
    [
      'privacy scope undeclared (errno 112)',
      { errMsg: 'saveImageToPhotosAlbum:fail api scope is not declared in the privacy agreement', errno: 112 },
      'PRIVACY_SCOPE_UNDECLARED',
    ],
    ['privacy errno 112 alone', { errMsg: 'saveImageToPhotosAlbum:fail', errno: 112 }, 'PRIVACY_SCOPE_UNDECLARED'],
    ['errno 103 (unverified: left to its text)', { errMsg: 'saveImageToPhotosAlbum:fail', errno: 103 }, 'UNKNOWN'],
    ['cancel', { errMsg: 'saveImageToPhotosAlbum:fail cancel' }, 'USER_CANCELLED'],
    ['invalid file type', { errMsg: 'saveImageToPhotosAlbum:fail invalid file type' }, 'UNSUPPORTED_FORMAT'],
    ['file not found', { errMsg: 'saveImageToPhotosAlbum:fail file not found' }, 'FILE_NOT_FOUND'],
    ['file not exists', { errMsg: 'saveImageToPhotosAlbum:fail file not exists' }, 'FILE_NOT_FOUND'],
    ['get file data fail', { errMsg: 'saveImageToPhotosAlbum:fail get file data fail' }, 'FILE_NOT_FOUND'],
    [
      'PHPhotosErrorDomain -1',
      { errMsg: 'saveImageToPhotosAlbum:fail [Gallery:-1]未能完成操作。(PHPhotosErrorDomain错误-1。)' },
      'UNKNOWN',
    ],
  ],
  tt: [
    ['denial errNo 112090', { errMsg: 'saveImageToPhotosAlbum:fail auth deny', errNo: 112090 }, 'AUTH_DENIED'],
    [
      'denial errorCode 112090 (newer doc field)',
      { errMsg: 'saveImageToPhotosAlbum:fail', errorCode: 112090 },
      'AUTH_DENIED',
    ],
    [
      'system auth deny 112089',
      { errMsg: 'saveImageToPhotosAlbum:fail system auth deny', errNo: 112089 },
      'SYSTEM_PERMISSION_DENIED',
    ],
    [
      'system auth (truncated text) 112089',
      { errMsg: 'saveImageToPhotosAlbum:fail system auth de', errorCode: 112089 },
      'SYSTEM_PERMISSION_DENIED',
    ],
    [
      'privacy 10201',
      { errMsg: 'saveImageToPhotosAlbum:fail privacy permission is not authorized', errNo: 10201 },
      'PRIVACY_NOT_AUTHORIZED',
    ],
    [
      'privacy scope 10202',
      { errMsg: 'saveImageToPhotosAlbum:fail api scope is not declared in the privacy agreement', errNo: 10202 },
      'PRIVACY_SCOPE_UNDECLARED',
    ],
    ['cancel', { errMsg: 'saveImageToPhotosAlbum:fail cancel' }, 'USER_CANCELLED'],
    [
      'invalid file type (Android formats)',
      { errMsg: 'saveImageToPhotosAlbum:fail invalid file type' },
      'UNSUPPORTED_FORMAT',
    ],
  ],
  alipay: [
    ['2: no filePath', { error: 2, errorMessage: '参数无效，没有传 filePath 参数' }, 'INVALID_ARGUMENT'],
    [
      '15: album permission off (iOS)',
      { error: 15, errorMessage: '没有开启相册权限(ios only)' },
      'SYSTEM_PERMISSION_DENIED',
    ],
    ['16: storage full (iOS)', { error: 16, errorMessage: '手机相册存储空间不足(ios only)' }, 'STORAGE_FULL'],
    ['17: other', { error: 17, errorMessage: '保存图片过程中的其他错误' }, 'UNKNOWN'],
    ['2001: user refused', { error: 2001, errorMessage: '用户拒绝给小程序授权' }, 'AUTH_DENIED'],
    ['2002: refused for good earlier', { error: 2002, errorMessage: '用户拒绝' }, 'AUTH_DENIED'],
    ['2003: refused with "don’t ask again"', { error: 2003, errorMessage: '用户拒绝' }, 'AUTH_DENIED'],
    ['error as a numeric string', { error: '2001', errorMessage: '' }, 'AUTH_DENIED'],
  ],
  swan: [
    ['10003 user deny', { errCode: 10003, errMsg: 'saveImageToPhotosAlbum:fail user deny' }, 'AUTH_DENIED'],
    [
      '10005 system deny',
      { errCode: 10005, errMsg: 'saveImageToPhotosAlbum:fail system deny' },
      'SYSTEM_PERMISSION_DENIED',
    ],
    ['10004 not logged in', { errCode: 10004, errMsg: 'saveImageToPhotosAlbum:fail user not logged in' }, 'UNKNOWN'],
    ['10001 internal error', { errCode: 10001, errMsg: 'saveImageToPhotosAlbum:fail internal error' }, 'UNKNOWN'],
    ['10002 network error', { errCode: 10002, errMsg: 'saveImageToPhotosAlbum:fail network error' }, 'UNKNOWN'],
    [
      'web rendition',
      { errCode: 1001, errMsg: 'API saveImageToPhotosAlbum is not supported in web' },
      'UNSUPPORTED_PLATFORM',
    ],
  ],
  // Feishu publishes the API, not its failure texts [D]: every row is [I], read by the shared text rules
  lark: [
    ['refusal (Douyin text, no code) [I]', { errMsg: 'saveImageToPhotosAlbum:fail auth deny' }, 'AUTH_DENIED'],
    ['refusal with an errno [I]', { errMsg: 'saveImageToPhotosAlbum:fail auth deny', errno: 10200 }, 'AUTH_DENIED'],
    [
      'OS permission [I]',
      { errMsg: 'saveImageToPhotosAlbum:fail system permission denied' },
      'SYSTEM_PERMISSION_DENIED',
    ],
    [
      'not an accepted extension [I]',
      { errMsg: 'saveImageToPhotosAlbum:fail invalid file type' },
      'UNSUPPORTED_FORMAT',
    ],
    ['missing file [I]', { errMsg: 'saveImageToPhotosAlbum:fail file not exists' }, 'FILE_NOT_FOUND'],
    ['cancel [I]', { errMsg: 'saveImageToPhotosAlbum:fail cancel' }, 'USER_CANCELLED'],
  ],
  // HarmonyOS atomic services [D Huawei ASCF]: a system confirm per save; no failure text is published [I]
  ascf: [
    ['the system confirm cancelled [I]', { errMsg: 'saveImageToPhotosAlbum:fail cancel' }, 'USER_CANCELLED'],
    ['missing file [I]', { errMsg: 'saveImageToPhotosAlbum:fail file not exists' }, 'FILE_NOT_FOUND'],
    [
      'OS permission [I]',
      { errMsg: 'saveImageToPhotosAlbum:fail system permission denied' },
      'SYSTEM_PERMISSION_DENIED',
    ],
  ],
  // HarmonyOS NEXT through uni-app: uni-media's unierror.uts and saveMedia.uts [O]; an exception passes its message on
  'app-harmony': [
    [
      'the save dialog closed: 1101001 [O]',
      { errCode: 1101001, errMsg: 'saveImageToPhotosAlbum:fail user cancel' },
      'USER_CANCELLED',
    ],
    [
      '1101003 file not find [O]',
      { errCode: 1101003, errMsg: 'saveImageToPhotosAlbum:fail file not find' },
      'FILE_NOT_FOUND',
    ],
    [
      '1101005 No Permission [O]',
      { errCode: 1101005, errMsg: 'saveImageToPhotosAlbum:fail No Permission' },
      'SYSTEM_PERMISSION_DENIED',
    ],
    [
      '1101006: the dialog answered a URI that is not file:// [O]',
      { errCode: 1101006, errMsg: 'saveImageToPhotosAlbum:fail save error, code: datashare:///media/Photo/1' },
      'UNKNOWN',
    ],
    ['1101010 unexpected [O]', { errCode: 1101010, errMsg: 'saveImageToPhotosAlbum:fail unexpect error:' }, 'UNKNOWN'],
    [
      'an exception without a code: a missing file [O; the text: ohos fs]',
      { errMsg: 'saveImageToPhotosAlbum:fail No such file or directory' },
      'FILE_NOT_FOUND',
    ],
  ],
  // QQ: a WeChat-shaped host; its texts are not published [I]
  qq: [
    ['refusal (devtools / iOS text) [I]', { errMsg: 'saveImageToPhotosAlbum:fail auth deny' }, 'AUTH_DENIED'],
    ['refusal (Android text) [I]', { errMsg: 'saveImageToPhotosAlbum:fail:auth denied' }, 'AUTH_DENIED'],
    [
      'OS permission [I]',
      { errMsg: 'saveImageToPhotosAlbum:fail system permission denied' },
      'SYSTEM_PERMISSION_DENIED',
    ],
    ['missing file [I]', { errMsg: 'saveImageToPhotosAlbum:fail file not found' }, 'FILE_NOT_FOUND'],
    ['cancel [I]', { errMsg: 'saveImageToPhotosAlbum:fail cancel' }, 'USER_CANCELLED'],
    ['invalid file type [I]', { errMsg: 'saveImageToPhotosAlbum:fail invalid file type' }, 'UNSUPPORTED_FORMAT'],
  ],
  // Kuaishou: -10005 "暂不支持该功能" in err.code [O third-party typings]; the rest [I]
  kwai: [
    [
      '-10005: not supported here [O]',
      { code: -10005, errMsg: 'saveImageToPhotosAlbum:fail 暂不支持该功能' },
      'UNSUPPORTED_PLATFORM',
    ],
    ['refusal [I]', { errMsg: 'saveImageToPhotosAlbum:fail auth deny' }, 'AUTH_DENIED'],
    ['missing file [I]', { errMsg: 'saveImageToPhotosAlbum:fail file not exists' }, 'FILE_NOT_FOUND'],
    ['cancel [I]', { errMsg: 'saveImageToPhotosAlbum:fail cancel' }, 'USER_CANCELLED'],
  ],
  // Xiaohongshu: code 15 "小程序请求写入相册被拒绝" (redmini #1630/#1633, iOS, even when the client had access) [O]
  xhs: [
    [
      '15: album request refused [O]',
      {
        code: 15,
        errMsg: "saveImageToPhotosAlbum fail: call function: 'saveImageToPhotosAlbum'，小程序请求写入相册被拒绝",
      },
      'AUTH_DENIED',
    ],
    ['refusal text [I]', { errMsg: 'saveImageToPhotosAlbum:fail auth deny' }, 'AUTH_DENIED'],
    ['cancel [I]', { errMsg: 'saveImageToPhotosAlbum:fail cancel' }, 'USER_CANCELLED'],
  ],
  // JD: inferred only (the WeChat shape) [I]
  jd: [
    ['refusal [I]', { errMsg: 'saveImageToPhotosAlbum:fail auth deny' }, 'AUTH_DENIED'],
    ['missing file [I]', { errMsg: 'saveImageToPhotosAlbum:fail file not found' }, 'FILE_NOT_FOUND'],
    ['cancel [I]', { errMsg: 'saveImageToPhotosAlbum:fail cancel' }, 'USER_CANCELLED'],
  ],
  // DingTalk [D open.dingtalk.com]: saveImageToPhotosAlbum 2/3/17, saveImage 2/15/16; the texts are [I]
  dd: [
    ['2: bad argument', { error: 2, errorMessage: '参数错误' }, 'INVALID_ARGUMENT'],
    ['3: unexplained in the docs', { error: 3, errorMessage: '未知错误' }, 'UNKNOWN'],
    ['15: iOS album permission off', { error: 15, errorMessage: '没有开启相册权限' }, 'SYSTEM_PERMISSION_DENIED'],
    ['16: iOS storage full', { error: 16, errorMessage: '手机相册存储空间不足' }, 'STORAGE_FULL'],
    ['17: other', { error: 17, errorMessage: '保存图片过程中的其他错误' }, 'UNKNOWN'],
  ],
}

/** Download failures of docs/en/hosts/<id>.md#errors: whatever the host says, a failed download is DOWNLOAD_FAILED. */
export const DOWNLOAD_FAILURES: Record<SimulatedPlatform, Array<Record<string, unknown>>> = {
  weapp: [{ errMsg: 'downloadFile:fail url not in domain list' }, { errMsg: 'downloadFile:fail timeout' }],
  tt: [{ errMsg: 'downloadFile:fail' }],
  alipay: [
    { error: 12, errorMessage: '下载失败' },
    { error: 13, errorMessage: '没有权限' },
    { error: 20, errorMessage: '请求的 URL 不支持 HTTP' },
  ],
  swan: [
    { errCode: 1001, errMsg: 'downloadFile:fail 请求文件超过10M' },
    { errCode: 1002, errMsg: 'downloadFile:fail 无法确定下载文件大小' },
  ],
  lark: [{ errMsg: 'downloadFile:fail' }],
  ascf: [{ errMsg: 'downloadFile:fail' }],
  // uni's downloadFile rejects with the HTTP error's message [O]
  'app-harmony': [{ errMsg: "downloadFile:fail Couldn't resolve host name" }],
  qq: [{ errMsg: 'downloadFile:fail' }],
  kwai: [{ errMsg: 'downloadFile:fail' }],
  xhs: [{ errMsg: 'downloadFile:fail' }],
  jd: [{ errMsg: 'downloadFile:fail' }],
  // DingTalk's download error numbers are not published; the Alipay container's 12 [I]
  dd: [{ error: 12, errorMessage: '下载失败' }],
}

/** A file system manager's writeFile failing: quota (FILE_WRITE_FAILED) and refused base64 (INVALID_ARGUMENT). */
const FS_WRITE_FAILURES: Row[] = [
  ['quota', { errMsg: 'writeFile:fail the maximum size of the file storage limit is exceeded' }, 'FILE_WRITE_FAILED'],
  ['base64 encode error', { errMsg: 'writeFile:fail base64 encode error' }, 'INVALID_ARGUMENT'],
]

/** Failures of writing base64; Alipay writes through downloadFile(dataURI). */
export const WRITE_FAILURES: Record<SimulatedPlatform, Row[]> = {
  weapp: FS_WRITE_FAILURES,
  tt: FS_WRITE_FAILURES,
  alipay: [
    ['12: download of the data URI failed', { error: 12, errorMessage: '下载失败' }, 'FILE_WRITE_FAILED'],
    ['2: base64 encode error', { error: 2, errorMessage: 'base64 encode error' }, 'INVALID_ARGUMENT'],
  ],
  swan: FS_WRITE_FAILURES,
  lark: FS_WRITE_FAILURES,
  ascf: [
    [
      'utf-8 only, a base64 string refused [D; text I]',
      { errMsg: 'writeFile:fail invalid encoding, only utf8 is supported' },
      'FILE_WRITE_FAILED',
    ],
    FS_WRITE_FAILURES[0]!,
  ],
  'app-harmony': FS_WRITE_FAILURES,
  qq: FS_WRITE_FAILURES,
  kwai: FS_WRITE_FAILURES,
  // never written: base64 is refused before any host call (NO_BASE64)
  xhs: [],
  jd: FS_WRITE_FAILURES,
  // the Alipay route (downloadFile of the data URI) [I on DingTalk]
  dd: [['12: download of the data URI failed', { error: 12, errorMessage: '下载失败' }, 'FILE_WRITE_FAILED']],
}

/**
 * The uni-app App: uni passes on plus.gallery.save's failure as `saveImageToPhotosAlbum:fail <message>` with
 * its `code` (0 when plus gives none) [F uni-app-plus]. plus documents no messages or codes, so every row
 * but the shape is [I]; on iOS the adapter also reads getAppAuthorizeSetting (tested in app.test.ts).
 */
export const APP_SAVE_FAILURES: Row[] = [
  ['refusal [I]', { errMsg: 'saveImageToPhotosAlbum:fail No Permission', code: 0 }, 'AUTH_DENIED'],
  ['missing file [I]', { errMsg: 'saveImageToPhotosAlbum:fail file not found', code: 1 }, 'FILE_NOT_FOUND'],
  ['cancelled [I]', { errMsg: 'saveImageToPhotosAlbum:fail cancel', code: 0 }, 'USER_CANCELLED'],
  ['unsupported type [I]', { errMsg: 'saveImageToPhotosAlbum:fail unsupported file type', code: 0 }, 'UNKNOWN'],
  [
    'PHPhotosErrorDomain -1 [O]',
    { errMsg: 'saveImageToPhotosAlbum:fail 未能完成操作。(PHPhotosErrorDomain错误-1。)', code: -1 },
    'UNKNOWN',
  ],
]
/** The App's downloader fails with status 0 [F]; its io writer by number only [I]. */
export const APP_DOWNLOAD_FAILURES: Array<Record<string, unknown>> = [{ status: 0 }]
export const APP_WRITE_FAILURES: Row[] = [
  ['quota [I]', { code: 10 }, 'FILE_WRITE_FAILED'],
  ['encoding [I]', { code: 5 }, 'FILE_WRITE_FAILED'],
]
