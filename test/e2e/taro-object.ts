// The `Taro` object of a built app, found without changing the app, so a test can compare its keys in builds
// with and without the plugin.
import { createRequire } from 'node:module'

/** What the plugin adds to `Taro`; a build with the plugin holds these and every key it held without. */
export const OUR_TARO_KEYS = [
  'openAlbumSetting',
  'saveImageToAlbum',
  'saveImagesToAlbum',
  'saveMediaToAlbum',
  'saveVideoToAlbum',
] as const

/**
 * The sorted keys of the app's `Taro` object. It looks in every webpack module registry on the global scope
 * (a probe chunk pushed onto the build's JSONP array is handed `__webpack_require__`; Taro's mini-program
 * builds keep the array on the host global, H5 builds on `self`), in the ES modules the page has loaded
 * (vite H5), and in `loaded`: module exports the caller already has (vite mini-program builds, required in
 * Node). `Taro` is the object with Taro's `getEnv` and `initPxTransform` and the most keys (@tarojs/api's
 * own object, which Taro's fills, has both too). Self-contained: Playwright runs it in the page as it is.
 */
export async function taroKeys(loaded: unknown[] = []): Promise<string[]> {
  type Registry = ((id: string) => unknown) & { m: Record<string, unknown> }
  const found: unknown[] = [...loaded]
  const scope = globalThis as unknown as Record<string, unknown>
  const registries: unknown[][] = []
  for (const name of Object.getOwnPropertyNames(scope)) {
    let value: unknown
    try {
      value = scope[name]
    } catch {
      continue
    }
    if (/^webpackChunk/.test(name) && Array.isArray(value)) registries.push(value)
    const jsonp = value && typeof value === 'object' ? (value as { webpackJsonp?: unknown }).webpackJsonp : undefined
    if (Array.isArray(jsonp)) registries.push(jsonp)
  }
  registries.forEach((registry, n) =>
    registry.push([
      [`taro-keys-probe-${n}-${Date.now()}`],
      {},
      (require: Registry) => {
        // the modules that define or fill Taro's API; the app has already run them, so this reads their exports
        for (const id of Object.keys(require.m))
          if (/initPxTransform/.test(String(require.m[id]))) found.push(require(id))
      },
    ]),
  )
  if (typeof document !== 'undefined' && typeof performance !== 'undefined') {
    // built from a string: the test runner would rewrite an `import()` written here into its own loader
    const load = new Function('url', 'return import(url)') as (url: string) => Promise<unknown>
    const scripts = performance
      .getEntriesByType('resource')
      .map((entry) => entry.name)
      .filter((url) => /\.m?js(\?|$)/.test(url))
    for (const url of scripts) found.push(await load(url).catch(() => undefined))
  }
  const candidates = found.flatMap((value) =>
    value && typeof value === 'object' ? [value, ...Object.values(value)] : [],
  )
  const taros = candidates.filter(
    (value): value is Record<string, unknown> =>
      !!value &&
      typeof value === 'object' &&
      typeof (value as { getEnv?: unknown }).getEnv === 'function' &&
      typeof (value as { initPxTransform?: unknown }).initPxTransform === 'function',
  )
  const taro = taros.sort((a, b) => Object.keys(b).length - Object.keys(a).length)[0]
  if (!taro) throw new Error('no Taro object found in the app')
  return Object.keys(taro).sort()
}

/** What a build without the plugin had, plus ours: what a build with it must hold, exactly. */
export const withOurKeys = (keys: readonly string[]) => [...new Set([...keys, ...OUR_TARO_KEYS])].sort()

/** The exports of every module Node has loaded from `dir` (a vite mini-program build requires its chunks). */
export function exportsLoadedFrom(dir: string): unknown[] {
  const cache = createRequire(__filename).cache
  return Object.values(cache).flatMap((module) => (module && module.id.startsWith(dir) ? [module.exports] : []))
}
