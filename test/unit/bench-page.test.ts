import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { BENCH_PAGES, benchPage, readBenchJson } from '../../scripts/bench-page'

// The docs' benchmark pages are what `npm run bench` rendered from its JSON: neither is edited by hand.
describe('the benchmark pages', () => {
  it.each(['zh', 'en'] as const)('%s: the rendering of docs/bench.json', (lang) => {
    const report = readBenchJson()
    expect(Object.keys(report.size).length).toBeGreaterThan(10)
    expect(readFileSync(BENCH_PAGES[lang], 'utf8')).toBe(benchPage(report, lang))
  })
})
