import type { HostOptions, SimulatedHost, SimulatedPlatform } from '../src/testing'

export const exampleDir: string

export interface TaroBuild {
  /** `taro build --type` */
  platform: string
  compiler?: 'webpack5' | 'vite'
  /** A dev build: `--watch`, stopped after its first compile. */
  watch?: boolean
  /** Under example-taro/dist/. */
  output: string
  env?: Record<string, string>
}
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
