import type { HostOptions, SimulatedHost, SimulatedPlatform } from '../src/testing'

export const exampleDir: string

export interface TaroBuild {
  /** `taro build --type` */
  platform: string
  compiler?: 'webpack5' | 'vite'
  /** A dev build: `--watch`, stopped after its first compile. */
  watch?: boolean
  /** The project folder: example-taro, another Taro app, or a taroVariant. */
  project?: string
  /** The output folder in the project, as its config's outputRoot names it. Default dist/<compiler>/<platform>. */
  output?: string
  /** More environment for the CLI (e.g. the app's own switches). */
  env?: Record<string, string>
}
/**
 * A Taro app (example-taro unless `app` names another folder of the repository) with `plugins` replaced and
 * `mp-save-image` aliased to `stub` when given (under .tmp/variants).
 */
export function taroVariant(name: string, options?: { plugins?: unknown[]; stub?: string; app?: string }): string
export interface BuildResult {
  ok: boolean
  ms: number
  log: string
  dir: string
}
export function buildTaro(build: TaroBuild): Promise<BuildResult>


export interface LoadedApp {
  host: SimulatedHost
  page: { data: Record<string, unknown> }
  /** Every text the page shows, in order. */
  texts(): string[]
  /** Taps the button whose label is `label`, inside a user gesture, as the host would deliver it. */
  tap(label: string): void
  /** Resolves once the status line starts with `prefix` and is no longer "saving…". */
  status(prefix: string, ms?: number): Promise<string>
  unload(): void
}
export function loadTaroApp(dist: string, platform: SimulatedPlatform, options?: HostOptions): Promise<LoadedApp>
