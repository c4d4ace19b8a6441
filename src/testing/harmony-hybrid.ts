/**
 * The ArkWeb shell's JS bridge of a Taro harmony-hybrid app (HarmonyOS NEXT), simulated: `MethodChannel`, whose
 * `jsBridgeMode(mode)` decorates a method so that a call reaches the native side by the method's name, as Taro's
 * NativeApi class uses it [O]
 * (https://github.com/NervJS/taro/blob/main/packages/taro-platform-harmony-hybrid/src/api/apis/harmony-native/ApiDecorator.ts).
 * The native side here answers the methods a save needs: `saveDataUrlToFile` (writes a data
 * URL to `filePath`), `saveImageToPhotosAlbum` and `saveVideoToPhotosAlbum` (the system's save dialog, answered by
 * `state.answer`) and
 * `removeSavedFile`. Its failure payloads are not documented [I]: WeChat-style texts.
 *
 * Self-contained (it imports nothing and reads nothing around it), so a browser test can hand the function itself to
 * `page.addInitScript(installMethodChannel, options)` and read `window.__msiHarmonyHybrid` afterwards.
 *
 * docs/en/hosts/harmony-hybrid.md
 */

export interface HarmonyHybridOptions {
  /** The user's answer to each save's system dialog, default 'save' */
  answer?: 'save' | 'cancel'
  /** Fail the next calls of a method with this payload */
  failures?: Record<string, Record<string, unknown>>
}

export interface HarmonyHybridState {
  answer: 'save' | 'cancel'
  failures: Record<string, Record<string, unknown>>
  /** Files the shell holds, by path: their MIME type and base64 bytes */
  files: Record<string, { type: string; base64: string }>
  /** What reached the album: the path saved and the file's bytes */
  album: Array<{ filePath: string; type: string; base64: string }>
  /** Every bridge call: its method, its options without callbacks */
  calls: Array<{ method: string; options: Record<string, unknown> }>
}

/** Installs `MethodChannel` on globalThis; returns the shell's state (also on `globalThis.__msiHarmonyHybrid`). */
export function installMethodChannel(options: HarmonyHybridOptions = {}): HarmonyHybridState {
  const state: HarmonyHybridState = {
    answer: options.answer || 'save',
    failures: options.failures || {},
    files: {},
    album: [],
    calls: [],
  }
  type Options = Record<string, unknown> & {
    success?: (res: Record<string, unknown>) => void
    fail?: (err: Record<string, unknown>) => void
  }
  const later = (fn: () => void) => setTimeout(fn, 1)
  const saveTo = (api: string, o: Options) => {
    const file = state.files[String(o.filePath)]
    if (!file) return { fail: { errMsg: `${api}:fail file not exists` } }
    if (state.answer === 'cancel') return { fail: { errMsg: `${api}:fail cancel` } }
    state.album.push({ filePath: String(o.filePath), ...file })
    return { errMsg: `${api}:ok` }
  }
  const native: Record<string, (o: Options) => Record<string, unknown> | { fail: Record<string, unknown> }> = {
    saveDataUrlToFile(o) {
      const match = /^data:([^;,]*);base64,(.*)$/.exec(String(o.data))
      if (!match) return { fail: { errMsg: 'saveDataUrlToFile:fail invalid data url' } }
      const path = String(o.filePath || `internal://cache/${state.calls.length}`)
      state.files[path] = { type: match[1] || '', base64: match[2] || '' }
      return { errMsg: 'saveDataUrlToFile:ok', tempFilePath: path }
    },
    saveImageToPhotosAlbum: (o) => saveTo('saveImageToPhotosAlbum', o),
    // Taro's shell saves a video through the same system dialog [O]
    saveVideoToPhotosAlbum: (o) => saveTo('saveVideoToPhotosAlbum', o),
    removeSavedFile(o) {
      if (!state.files[String(o.filePath)]) return { fail: { errMsg: 'removeSavedFile:fail file not exists' } }
      delete state.files[String(o.filePath)]
      return { errMsg: 'removeSavedFile:ok' }
    },
  }
  const dispatch = (method: string, o: Options) => {
    const { success, fail, ...rest } = o || {}
    state.calls.push({ method, options: rest })
    const handler = native[method]
    const failure = state.failures[method]
    const answer = failure
      ? { fail: failure }
      : handler
        ? handler(rest)
        : { fail: { errMsg: `${method}:fail not supported` } }
    later(() => ('fail' in answer ? fail && fail(answer.fail as Record<string, unknown>) : success && success(answer)))
  }
  const channel = {
    jsBridgeMode: () => (_target: object, key: string, descriptor: PropertyDescriptor) => ({
      ...descriptor,
      value: (o: Options) => dispatch(key, o),
    }),
  }
  const scope = globalThis as Record<string, unknown>
  scope.MethodChannel = channel
  scope.__msiHarmonyHybrid = state
  return state
}

/** Removes the simulated bridge. */
export function uninstallMethodChannel(): void {
  const scope = globalThis as Record<string, unknown>
  delete scope.MethodChannel
  delete scope.__msiHarmonyHybrid
}
