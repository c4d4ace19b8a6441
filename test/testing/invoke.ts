import type { HostResult } from '../../src/testing'

/** Calls a simulated host's API with callbacks, as an app does; resolves on `complete` with which side fired. */
export function invoke(fn: unknown, options: Record<string, unknown> = {}): Promise<{ ok: boolean; res: HostResult }> {
  return new Promise((resolve) => {
    let ok = false
    ;(fn as (o: Record<string, unknown>) => unknown)({
      ...options,
      success: () => (ok = true),
      complete: (res: HostResult) => resolve({ ok, res }),
    })
  })
}
