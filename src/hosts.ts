/**
 * The one table of hosts. Everything that lists hosts is derived from it: the entry of each host and the universal
 * one (generated into src/entries/ by `npm run entries`), the package's exports, the size budgets, both plugins' target maps, `PlatformId`,
 * the universal build's detection order, and the hosts the tests and the bench run on. A host is its row, its
 * adapter (`platforms/<adapter>.ts`, exporting `adapter`), its simulated host (src/testing/profiles.ts) and its
 * tests. Node code and the build read this file; an app's bundle never holds it.
 */

/** How much of a host's behaviour its vendor documents: D documented, O observed in code or issues, I inferred. */
export type Evidence = 'D' | 'O' | 'I'

/**
 * A uni-app target that is a custom script of another (package.json "uni-app".scripts): uni builds `platform`,
 * and hands the script's `define` on in UNI_CUSTOM_CONTEXT.
 */
export interface UniScript {
  readonly target: string
  readonly platform: string
  readonly define: string
}

export interface Host {
  /** The platform id: Taro's TARO_ENV name, or uni-app's where Taro has none. Also the entry `mp-save-image/<id>`. */
  readonly id: string
  readonly name: string
  /** Its name in Chinese (the docs' default language). */
  readonly zh: string
  /** The global(s) its adapter reads, or what it runs on. */
  readonly global: string
  /** Taro build targets (`taro build --type`) that map onto it. */
  readonly taro: readonly string[]
  /** uni-app targets (UNI_PLATFORM, or a custom script) that map onto it. */
  readonly uni: readonly (string | UniScript)[]
  /** Its adapter's module under platforms/; those under platforms/browser/ run on the DOM. */
  readonly adapter: string
  /**
   * Its global is also another host's (Feishu's `tt` is Douyin's): its module exports `isThisHost()`, which the
   * universal build asks before it takes the host for this one.
   */
  readonly sharesGlobal?: true
  /**
   * Where this host's global is missing at run time, the host whose adapter takes over in its entry (Taro's
   * harmony-hybrid build opened in a plain browser has no bridge: it is a web page, so H5's modes)
   */
  readonly fallback?: string
  readonly evidence: Evidence
  /**
   * Size budgets of its production entry, min+gz (size-limit, .size-limit.ts): every feature (no plugin, the worst
   * case), and the privacy step, the guide, canvases and conversion left out by the plugin's options. The last
   * measurement plus 20 B, rounded up to 50 B.
   */
  readonly budgets: readonly [number, number]
}

/**
 * In the universal build's detection order (Taro's getEnv order): hosts that also answer to a WeChat-style global
 * come before WeChat; Feishu before Douyin, whose `tt` global it shares; DingTalk before Alipay, whose container it
 * runs in; HarmonyOS NEXT before the uni-app App, whose `uni` and `plus` it also has; Taro's HarmonyOS NEXT web app (its bridge)
 * before a plain browser; a browser last, as Taro's mini-program builds give pages a `document`.
 */
export const HOSTS = [
  {
    id: 'lark',
    budgets: [8350, 6800],
    name: 'Feishu / Lark',
    zh: '飞书',
    global: 'tt',
    taro: ['lark'],
    uni: ['mp-lark'],
    adapter: 'lark',
    sharesGlobal: true,
    evidence: 'D',
  },
  {
    id: 'tt',
    budgets: [8550, 6850],
    name: 'Douyin',
    zh: '抖音',
    global: 'tt',
    taro: ['tt'],
    uni: ['mp-toutiao'],
    adapter: 'tt',
    evidence: 'D',
  },
  {
    id: 'qq',
    budgets: [8200, 6650],
    name: 'QQ',
    zh: 'QQ',
    global: 'qq',
    taro: ['qq'],
    uni: ['mp-qq'],
    adapter: 'qq',
    evidence: 'D',
  },
  {
    id: 'kwai',
    budgets: [8300, 6750],
    name: 'Kuaishou',
    zh: '快手',
    global: 'ks',
    taro: ['kwai'],
    uni: ['mp-kuaishou'],
    adapter: 'kwai',
    evidence: 'O',
  },
  {
    id: 'xhs',
    budgets: [8300, 6750],
    name: 'Xiaohongshu',
    zh: '小红书',
    global: 'xhs',
    taro: ['xhs'],
    uni: ['mp-xhs'],
    adapter: 'xhs',
    evidence: 'O',
  },
  {
    id: 'jd',
    budgets: [8200, 6650],
    name: 'JD',
    zh: '京东',
    global: 'jd',
    taro: ['jd'],
    uni: ['mp-jd'],
    adapter: 'jd',
    evidence: 'I',
  },
  {
    id: 'ascf',
    budgets: [8450, 6900],
    name: 'HarmonyOS atomic services',
    zh: '鸿蒙元服务',
    global: 'has',
    taro: ['ascf'],
    uni: ['mp-harmony'],
    adapter: 'ascf',
    evidence: 'D',
  },
  {
    id: 'weapp',
    budgets: [8900, 6850],
    name: 'WeChat',
    zh: '微信',
    global: 'wx',
    taro: ['weapp'],
    uni: ['mp-weixin'],
    adapter: 'weapp',
    evidence: 'D',
  },
  {
    id: 'swan',
    budgets: [8250, 6700],
    name: 'Baidu',
    zh: '百度',
    global: 'swan',
    taro: ['swan'],
    uni: ['mp-baidu'],
    adapter: 'swan',
    evidence: 'D',
  },
  {
    id: 'dd',
    budgets: [7950, 6400],
    name: 'DingTalk',
    zh: '钉钉',
    global: 'dd',
    taro: ['dd'],
    uni: [{ target: 'mp-dingtalk', platform: 'mp-alipay', define: 'MP-DINGTALK' }],
    adapter: 'dd',
    evidence: 'D',
  },
  {
    id: 'alipay',
    budgets: [7950, 6400],
    name: 'Alipay',
    zh: '支付宝',
    global: 'my',
    taro: ['alipay'],
    uni: ['mp-alipay'],
    adapter: 'alipay',
    evidence: 'D',
  },
  {
    id: 'app-harmony',
    budgets: [8250, 6700],
    name: 'HarmonyOS NEXT (uni-app)',
    zh: '鸿蒙 NEXT（uni-app）',
    global: 'uni (osName harmonyos)',
    taro: [],
    uni: ['app-harmony'],
    adapter: 'app-harmony',
    sharesGlobal: true,
    evidence: 'O',
  },
  {
    id: 'app',
    budgets: [8800, 7200],
    name: 'uni-app App',
    zh: 'uni-app App',
    global: 'uni + plus',
    taro: [],
    // uni's Vue 3 CLI names the App `app`, its Vue 2 CLI `app-plus` (UNI_PLATFORM)
    uni: ['app', 'app-plus'],
    adapter: 'app',
    evidence: 'D',
  },
  {
    id: 'harmony-hybrid',
    budgets: [11050, 8850],
    name: 'HarmonyOS NEXT (Taro harmony-hybrid)',
    zh: '鸿蒙 NEXT（Taro harmony-hybrid）',
    global: "MethodChannel (the ArkWeb shell's bridge)",
    taro: ['harmony-hybrid'],
    uni: [],
    adapter: 'browser/harmony-hybrid',
    fallback: 'h5',
    evidence: 'O',
  },
  {
    id: 'h5',
    budgets: [10400, 8100],
    name: 'H5 (a browser)',
    zh: '浏览器（H5）',
    global: 'window',
    taro: ['h5'],
    uni: ['h5'],
    adapter: 'browser/h5',
    evidence: 'D',
  },
] as const satisfies readonly Host[]

export type PlatformId = (typeof HOSTS)[number]['id']

/** The uni-app target name of an entry of `Host.uni`. */
export const uniTargetName = (entry: string | UniScript): string => (typeof entry === 'string' ? entry : entry.target)

/** Size budgets of the entries that are no host's, min+gz: a target without an adapter, and the universal entry. */
export const UNSUPPORTED_BUDGET = 650
export const UNIVERSAL_BUDGET = 14800
