import type { PlatformId } from '../src/core/platform'

/** Absolute path of the repository. */
export const root: string
/** Where `pack()` writes the package tarball, which the examples' package.json files name. */
export const tarball: string
/** Packs the built package to `tarball`; run `npm run build` first. */
export function pack(): string
/** Installs an example folder (e.g. 'example-taro') with the fresh tarball; returns its absolute path. */
export function install(example: string): string

/** Code that exists in exactly one host adapter of this package. */
export const ADAPTER_MARKERS: Record<PlatformId, string | RegExp>
/** Whether code holds a marker of ADAPTER_MARKERS. */
export function holdsMarker(code: string, marker: string | RegExp): boolean
/** Every script of a build output. */
export function scriptsIn(dir: string): string[]
/** Which of this package's host adapters a built app's scripts contain. */
export function adaptersIn(dir: string): PlatformId[]
/** A message only the development build of the runtime has. */
export const DEVELOPMENT_MESSAGE: string
/** Every script of a build output, concatenated. */
export function outputJs(dir: string): string
/** Which build of the runtime a built app holds. */
export function runtimeBuildIn(dir: string): 'development' | 'production'
/** The same, with \\uXXXX escapes read back: what its strings say. */
export function outputText(dir: string): string
/** Every eval and Function constructor in a built app, but webpack's own global shim. */
export function dynamicCodeIn(dir: string): string[]
/** A copy of an example (under .tmp/variants) with some files replaced; returns its folder. */
export function exampleVariant(example: string, name: string, files: Record<string, string>): string
