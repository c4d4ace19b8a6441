/**
 * `mp-save-image/testing`: simulated WeChat (wx), Douyin (tt), Alipay (my), Baidu (swan), Feishu (tt, 'lark'),
 * DingTalk (dd), QQ (qq), Kuaishou (ks, 'kwai'), Xiaohongshu (xhs), JD (jd), HarmonyOS atomic service (has, 'ascf') and
 * HarmonyOS NEXT uni-app (uni, 'app-harmony') hosts, the uni-app App (`uni` + `plus`: createAppHost / installAppHost),
 * and the bridge of Taro's HarmonyOS NEXT web apps (`MethodChannel`: installMethodChannel),
 * for unit tests. They reproduce the behaviour documented in the docs' host pages (docs/en/hosts/index.md) — error strings,
 * permission prompts, file paths and quirks — not an idealised host.
 *
 * ```ts
 * const host = installHost('weapp', { client: 'ios' }) // globalThis.wx = host.api
 * host.downloads.set(url, { body: fixtures.png, contentType: 'image/png' })
 * host.state.permission = 'denied' // change state between calls
 * const node = host.addCanvas('poster', { width: 300 }) // a <canvas type="2d" id="poster"> for SelectorQuery
 * await host.idle()
 * ```
 *
 * UserCallbacks run on real timers (`setTimeout(latency)`); with fake timers, advance them before awaiting idle().
 *
 * @module mp-save-image/testing
 */
export { createHost, installHost } from './host'
export { createAppHost, installAppHost } from './app'
export { installMethodChannel, uninstallMethodChannel } from './harmony-hybrid'
export type { HarmonyHybridOptions, HarmonyHybridState } from './harmony-hybrid'
export type {
  AppHostOptions,
  AppHostState,
  AppUniApi,
  FakePlus,
  FakePlusDownload,
  FakePlusEntry,
  FakePlusWriter,
  PlusCallback,
  SimulatedAppHost,
} from './app'
export { fixtures, toBase64, toDataUri } from './fixtures'
export type { SimulatedCanvasNode } from './canvas'
export type { PrivacyListener } from './privacy'
export type { Fixtures } from './fixtures'
export type {
  AlbumEntry,
  AsyncReturn,
  CallbackOptions,
  CallRecord,
  Client,
  DownloadResponse,
  DownloadTask,
  FakeFileSystemManager,
  Fault,
  GlobalName,
  HostApi,
  HostEnv,
  HostOptions,
  HostResult,
  HostState,
  ModalAnswer,
  ModalEvent,
  Permission,
  Privacy,
  PromptAnswer,
  SettingsAction,
  SimulatedHost,
  SimulatedHostCommon,
  SimulatedPlatform,
  UiEvent,
} from './types'
