import { alipay, ALIPAY_DENIALS, alipaySaveFailed, type SimulatedProfile } from './profiles'
import type { HostResult, HostState } from './types'

/**
 * Every payload the simulated hosts send. Strings come from the #errors section of each docs/en/hosts/<id>.md unless tagged [I]
 * (an inference: the exact text for that host is not documented anywhere we found).
 */
export class Payloads {
  constructor(
    private readonly profile: SimulatedProfile,
    private readonly state: HostState,
  ) {}

  /** Success: `{errMsg: '<api>:ok'}` on wx/tt/swan; Alipay has no errMsg (typings). */
  ok(api: string, fields: HostResult = {}): HostResult {
    return this.profile.alipayErrors ? { ...fields } : { errMsg: `${api}:ok`, ...fields }
  }

  // ---- saveImageToPhotosAlbum / saveImage / authorize ----

  /** [I] WeChat-style parameter check text; Alipay error 2 [D] (docs/en/hosts/alipay.md#errors). */
  missingArgument(api: string): HostResult {
    if (this.profile.alipayErrors) {
      return alipay(2, api === 'saveImage' ? '参数无效，没有传 url 参数' : '参数无效，没有传 filePath 参数')
    }
    const field = api === 'saveImage' ? 'url' : 'filePath'
    return { errMsg: `${api}:fail parameter error: parameter.${field} should be String instead of Undefined;` }
  }

  /** Baidu Web 态: errCode 1001 and this text are documented for openSetting [D]; reused for the save [I]. */
  webUnsupported(api: string): HostResult {
    return { errCode: 1001, errMsg: `API ${this.profile.globalName}.${api} is not supported in web` }
  }

  /** WeChat errno 104/112 [D/O]; Douyin 10201/10202 in errNo or errorCode [D]. */
  privacy(api: string, reason: 'not-agreed' | 'undeclared'): HostResult {
    const detail =
      reason === 'not-agreed'
        ? 'privacy permission is not authorized'
        : 'api scope is not declared in the privacy agreement'
    return this.privacyCode(`${api}:fail ${detail}`, reason === 'not-agreed' ? 0 : 1)
  }

  /** Album permission refused. `fresh`: the user just refused in the prompt (vs. an earlier refusal). */
  authDenied(api: string, fresh: boolean): HostResult {
    return this.profile.authDenied(api, fresh, this.state)
  }

  /** Alipay 2001 refusal [D saveImage doc], 2003 refusal with "不再询问", 2002 every call after [D]; texts of 2002/2003 [I]. */
  alipayDenied(code: keyof typeof ALIPAY_DENIALS): HostResult {
    return alipay(code, ALIPAY_DENIALS[code])
  }

  /** The OS denies the host app photo access. */
  systemDenied(api: string): HostResult {
    return this.profile.systemDenied(api, this.state)
  }

  /** Each host gets one of the documented variants (docs/en/hosts/weapp.md#errors); which one is [I]. */
  fileNotFound(api: string): HostResult {
    return this.profile.fileNotFound(api)
  }

  /** WeChat "invalid file type" [O]; the same text on Douyin (Android formats rule [D]) and Baidu is [I]. */
  invalidFileType(api: string): HostResult {
    return this.profile.alipayErrors ? alipaySaveFailed() : { errMsg: `${api}:fail invalid file type` }
  }

  /** A file the video save does not take: its own refusal where the host has one; elsewhere an image's [I]. */
  videoRefused(api: string): HostResult {
    const own = this.profile.videoFormatRefusal
    return own ? { errMsg: `${api}:fail ${own.text}`, [this.state.errorField]: own.code } : this.invalidFileType(api)
  }

  /** Alipay error 4 "无权限调用" [D, the generic code]: the video save on an individual account [I]. */
  noPermissionToCall(): HostResult {
    return alipay(4, '无权限调用该接口')
  }

  // ---- file system (codes: WeChat FileError table [D typings]; Alipay writeFile/unlink unions [D typings]) ----

  noSuchFile(api: string, path: string): HostResult {
    if (this.profile.alipayErrors) return alipay(10022, '文件不存在')
    return this.fsError(api, `no such file or directory ${path}`, 1300002)
  }

  /**
   * Writing outside USER_DATA_PATH, or deleting a code-package file. Wording "permission denied, open <path>"
   * as in Baidu's fs docs [D]; WeChat/Douyin same [I]; the "unlink" variant [I]. Alipay 10024 texts [D typings].
   */
  notWritable(api: string, path: string, verb: 'open' | 'unlink' = 'open'): HostResult {
    if (this.profile.alipayErrors)
      return alipay(10024, verb === 'open' ? '指定的路径没有写权限' : '指定的路径没有删除权限')
    return this.fsError(api, `permission denied, ${verb} ${path}`, 1300013)
  }

  /** "fail base64 encode error" [D typings]; Alipay has no such message: error 3 "文件写入失败" [I]. */
  base64Error(api: string): HostResult {
    if (this.profile.alipayErrors) return alipay(3, '文件写入失败')
    return this.fsError(api, 'base64 encode error', 1300203)
  }

  /** A write in an encoding the host refuses: Xiaohongshu's text [O #1492]; HarmonyOS's [I]. */
  encodingRefused(api: string): HostResult {
    return {
      errMsg: `${api}:fail ${this.profile.brokenFileSystem ? 'window is not defined' : 'invalid encoding, only utf8 is supported'}`,
    }
  }

  /** WeChat 1300202 [D]; same text on tt/swan [I]; Alipay 10028 "文件夹超过 50M" [D typings]. */
  quotaExceeded(api: string): HostResult {
    if (this.profile.alipayErrors) return alipay(10028, '文件夹超过 50M')
    return this.fsError(api, 'the maximum size of the file storage limit is exceeded', 1300202)
  }

  /** Alipay 10028 "单个文件超过 10M" [D typings]; Feishu's 10 MB write limit [D], its text [I]. */
  fileTooLarge(api: string): HostResult {
    return this.profile.alipayErrors
      ? alipay(10028, '单个文件超过 10M')
      : { errMsg: `${api}:fail the maximum size of the file storage limit is exceeded` }
  }

  // ---- downloadFile ----

  /** A URL the test did not register: a domain-whitelist failure [I text]; Alipay 12 "下载失败" [D]. */
  notInDomainList(): HostResult {
    return this.profile.alipayErrors ? alipay(12, '下载失败') : { errMsg: 'downloadFile:fail url not in domain list' }
  }

  /** Alipay reports no statusCode, so a non-2xx answer is modelled as error 12 [I]. */
  downloadFailed(): HostResult {
    return alipay(12, '下载失败')
  }

  /** DownloadTask.abort() [I text]. */
  aborted(): HostResult {
    return this.profile.alipayErrors ? alipay(12, '下载失败') : { errMsg: 'downloadFile:fail abort' }
  }

  // ---- canvas export ----

  /**
   * canvasToTempFilePath failed. Alipay {error: 1, 'canvas content or format wrong!'} [D typings]; elsewhere
   * "fail canvas is empty" for a canvas not found or never drawn, "fail:create bitmap failed" for a 0-size one [O WeChat];
   * the same texts on the other hosts [I].
   */
  canvasFailed(zeroSize: boolean): HostResult {
    if (this.profile.alipayErrors) return alipay(1, 'canvas content or format wrong!')
    return { errMsg: `canvasToTempFilePath:fail${zeroSize ? ':create bitmap failed' : ' canvas is empty'}` }
  }

  // ---- privacy ----

  /** requirePrivacyAuthorize refused: errno 104 and the generic text [D WeChat guide, O]; Douyin's code [I]. */
  privacyRefused(): HostResult {
    return this.privacyCode('requirePrivacyAuthorize:fail privacy permission is not authorized', 0)
  }

  // ---- openSetting ----

  /** WeChat ≥ 2.3.0 [O]. Other hosts only when `gestureRequired` is forced on; Alipay shape [I]. */
  needsGesture(): HostResult {
    const errMsg = 'openSetting:fail can only be invoked by user TAP gesture.'
    return this.profile.alipayErrors ? alipay(4, errMsg) : { errMsg }
  }

  /** A privacy refusal's code: the host's own in the client's error field, or WeChat's errno 104 / 112. */
  private privacyCode(errMsg: string, which: 0 | 1): HostResult {
    const codes = this.profile.privacyCodes
    return codes ? { errMsg, [this.state.errorField]: codes[which] } : { errMsg, errno: which ? 112 : 104 }
  }

  private fsError(api: string, detail: string, code: number): HostResult {
    const errMsg = `${api}:fail ${detail}`
    return this.profile.fsErrCodes ? { errMsg, errCode: code } : { errMsg }
  }
}
