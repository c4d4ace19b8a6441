import type { SimulatedHost } from '../../src/testing'

/**
 * Wraps the host's save APIs to record the most saves ever in flight at once. Install it before the app
 * loads: uni's WeChat runtime copies `wx` when it starts. Alipay's simulated save API is an accessor,
 * hence defineProperty.
 */
export function trackSavesInFlight(host: SimulatedHost): () => number {
  let inFlight = 0
  let most = 0
  type Save = (options: Record<string, unknown>) => unknown
  for (const name of ['saveImageToPhotosAlbum', 'saveImage']) {
    const original = host.api[name] as Save | undefined
    if (typeof original !== 'function') continue
    const wrapped: Save = (options) => {
      most = Math.max(most, ++inFlight)
      const settle = (key: string) => (res: unknown) => {
        inFlight--
        ;(options[key] as ((res: unknown) => void) | undefined)?.(res)
      }
      return original.call(host.api, { ...options, success: settle('success'), fail: settle('fail') })
    }
    Object.defineProperty(host.api, name, { value: wrapped, writable: true, enumerable: true, configurable: true })
  }
  return () => most
}
