import type { SimulatedProfile } from './profiles'
import type { HostResult, HostState } from './types'

export const VIDEO_SAVE = 'saveVideoToPhotosAlbum'

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
    const errMsg = `${api}:fail ${detail}`
    if (this.profile.platform === 'tt')
      return { errMsg, [this.state.errorField]: reason === 'not-agreed' ? 10201 : 10202 }
    return { errMsg, errno: reason === 'not-agreed' ? 104 : 112 }
  }

  /**
   * Album permission refused. `fresh`: the user just refused in the prompt (vs. an earlier refusal).
   * WeChat by client [O]: devtools "fail auth deny"; Android "fail:auth denied" (authorize: "fail:auth deny");
   * iOS "fail auth deny", then "fail authorize no response" on later calls. Douyin 112090 [D]. Baidu 10003 [D].
   */
  authDenied(api: string, fresh: boolean): HostResult {
    switch (this.profile.platform) {
      case 'weapp':
        return { errMsg: this.wechatDenial(api, fresh) }
      case 'tt':
        // the video save has its own code, 119890 [D]
        return { errMsg: `${api}:fail auth deny`, [this.state.errorField]: api === VIDEO_SAVE ? 119890 : 112090 }
      case 'lark':
      case 'qq':
      case 'kwai':
      case 'jd':
        // none of these publishes its strings: WeChat's devtools text [I]
        return { errMsg: `${api}:fail auth deny` }
      case 'xhs':
        // redmini #1630 [O]
        return { code: 15, errMsg: `${api} fail: call function: '${api}'，小程序请求写入相册被拒绝` }
      case 'ascf':
        // no scope: the refusal is the system confirm's cancel [I text]
        return { errMsg: `${api}:fail cancel` }
      case 'app-harmony':
        // the save dialog closed without a URI: uni-media's 1101001 "user cancel" [O]
        return { errCode: 1101001, errMsg: `${api}:fail user cancel` }
      case 'swan':
        // errCode 10003 "user deny" [D authorize list]; the errMsg wording is [I].
        return { errCode: 10003, errMsg: `${api}:fail user deny` }
      case 'alipay':
      case 'dd':
        return this.alipayDenied(2001)
    }
  }

  /** Alipay 2001 refusal [D saveImage doc], 2003 refusal with "不再询问", 2002 every call after [D]; texts of 2002/2003 [I]. */
  alipayDenied(code: 2001 | 2002 | 2003): HostResult {
    const text = { 2001: '用户拒绝给小程序授权', 2002: '用户已拒绝授权且不再询问', 2003: '用户拒绝授权并勾选不再询问' }
    return alipay(code, text[code])
  }

  /** The OS denies the host app photo access. Douyin text completes the truncated "system auth de…" [I]. */
  systemDenied(api: string): HostResult {
    switch (this.profile.platform) {
      case 'weapp':
        return { errMsg: `${api}:fail:system permission denied` }
      case 'tt':
        return { errMsg: `${api}:fail system auth deny`, [this.state.errorField]: 112089 }
      case 'lark':
      case 'qq':
      case 'kwai':
      case 'jd':
      case 'xhs':
      case 'ascf':
        return { errMsg: `${api}:fail system permission denied` }
      case 'app-harmony':
        // uni-media's 1101005 "No Permission" [O]
        return { errCode: 1101005, errMsg: `${api}:fail No Permission` }
      case 'swan':
        // errCode 10005 "system deny" [D]; errMsg wording [I].
        return { errCode: 10005, errMsg: `${api}:fail system deny` }
      case 'alipay':
      case 'dd':
        // DingTalk: dd.saveImage error 15 "iOS album permission off" [D]
        return alipay(15, '没有开启相册权限(ios only)')
    }
  }

  /** Each host gets one of the documented variants (docs/en/hosts/weapp.md#errors); which one is [I]. */
  fileNotFound(api: string): HostResult {
    switch (this.profile.platform) {
      case 'weapp':
        return { errMsg: `${api}:fail file not found` }
      case 'tt':
      case 'lark':
      case 'kwai':
      case 'xhs':
      case 'ascf':
        return { errMsg: `${api}:fail file not exists` }
      case 'app-harmony':
        // the exception of opening a missing file, its message passed on without a code [O uni; the text: ohos fs 13900002]
        return { errMsg: `${api}:fail No such file or directory` }
      case 'qq':
      case 'jd':
        return { errMsg: `${api}:fail file not found` }
      case 'swan':
        return { errMsg: `${api}:fail get file data fail` }
      case 'alipay':
      case 'dd':
        return this.alipaySaveFailed()
    }
  }

  /** WeChat "invalid file type" [O]; the same text on Douyin (Android formats rule [D]) and Baidu is [I]. */
  invalidFileType(api: string): HostResult {
    return this.profile.alipayErrors ? this.alipaySaveFailed() : { errMsg: `${api}:fail invalid file type` }
  }

  /** A file the video save does not take: Douyin 119802 "can't support this video format" [D]; elsewhere as an image [I]. */
  videoRefused(api: string): HostResult {
    return this.profile.platform === 'tt'
      ? { errMsg: `${api}:fail can't support this video format`, [this.state.errorField]: 119802 }
      : this.invalidFileType(api)
  }

  /** Alipay error 4 "无权限调用" [D, the generic code]: the video save on an individual account [I]. */
  noPermissionToCall(): HostResult {
    return alipay(4, '无权限调用该接口')
  }

  /** Alipay 17 "保存图片过程中的其他错误" [D]: bad filePath, missing file, non-image content. */
  alipaySaveFailed(): HostResult {
    return alipay(17, '保存图片过程中的其他错误')
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
      errMsg: `${api}:fail ${this.profile.platform === 'xhs' ? 'window is not defined' : 'invalid encoding, only utf8 is supported'}`,
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
    const errMsg = 'requirePrivacyAuthorize:fail privacy permission is not authorized'
    return this.profile.platform === 'tt' ? { errMsg, [this.state.errorField]: 10201 } : { errMsg, errno: 104 }
  }

  // ---- openSetting ----

  /** WeChat ≥ 2.3.0 [O]. Other hosts only when `gestureRequired` is forced on; Alipay shape [I]. */
  needsGesture(): HostResult {
    const errMsg = 'openSetting:fail can only be invoked by user TAP gesture.'
    return this.profile.alipayErrors ? alipay(4, errMsg) : { errMsg }
  }

  private wechatDenial(api: string, fresh: boolean): string {
    switch (this.state.client) {
      case 'devtools':
        return `${api}:fail auth deny`
      case 'android':
        return api === 'authorize' ? 'authorize:fail:auth deny' : `${api}:fail:auth denied`
      case 'ios':
        return fresh ? `${api}:fail auth deny` : `${api}:fail authorize no response`
    }
  }

  private fsError(api: string, detail: string, code: number): HostResult {
    const errMsg = `${api}:fail ${detail}`
    return this.profile.platform === 'weapp' ? { errMsg, errCode: code } : { errMsg }
  }
}

function alipay(error: number, errorMessage: string): HostResult {
  return { error, errorMessage }
}
