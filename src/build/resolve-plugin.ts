/** The bundler-agnostic part of a Vite/Rollup plugin, typed without depending on Vite. */
export interface ResolvePlugin {
  name: string
  enforce: 'pre'
  resolveId(source: string): string | null
}

/**
 * Points the bare `mp-save-image` import at one platform's build (`file` is read when a module asks: the
 * build's mode may be known only by then). `enforce: 'pre'` runs it before
 * Vite's own resolver, which would otherwise pick the universal build from the package's `exports`.
 */
export function platformResolver(file: () => string): ResolvePlugin {
  return {
    name: 'mp-save-image:platform',
    enforce: 'pre',
    resolveId: (source) => (source === PACKAGE ? file() : null),
  }
}

export const PACKAGE = 'mp-save-image'
