import type { SimulatedAppHost, SimulatedHost } from '../../src/testing'

type HostCall = (options: Record<string, unknown>) => unknown

/**
 * Wraps host APIs to record the most calls of them ever in flight at once (called, not yet answered).
 * Install it before the app loads: uni's WeChat runtime copies `wx` when it starts. Alipay's simulated
 * APIs are accessors, hence defineProperty.
 */
export function trackInFlight(host: SimulatedHost | SimulatedAppHost, names: string[]): () => number {
  let inFlight = 0
  let most = 0
  for (const name of names) {
    const original = host.api[name] as HostCall | undefined
    if (typeof original !== 'function') continue
    const wrapped: HostCall = (options) => {
      most = Math.max(most, ++inFlight)
      const settle = (key: string) => (res: unknown) => {
        inFlight--
        ;(options[key] as ((res: unknown) => void) | undefined)?.(res)
      }
      try {
        return original.call(host.api, { ...options, success: settle('success'), fail: settle('fail') })
      } catch (thrown) {
        // a call that throws never answers: it is not in flight
        inFlight--
        throw thrown
      }
    }
    Object.defineProperty(host.api, name, { value: wrapped, writable: true, enumerable: true, configurable: true })
  }
  return () => most
}

/** The most saves ever in flight at once (the queue must keep it at 1). */
export const trackSavesInFlight = (host: SimulatedHost | SimulatedAppHost) =>
  trackInFlight(host, ['saveImageToPhotosAlbum', 'saveImage'])
