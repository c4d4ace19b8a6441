// The benchmark page of the docs, in both languages, rendered from `npm run bench`'s JSON (docs/bench.json), never
// typed by hand: test/unit/bench-page.test.ts fails when a page and the JSON disagree.
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { SIZE_VARIANTS } from '../.size-limit'
import { VARIANTS, type Variant } from '../test/harness/variants'

type Report = Record<string, any>
type Lang = 'zh' | 'en'

const root = join(__dirname, '..')
export const BENCH_JSON = join(root, 'docs', 'bench.json')
export const BENCH_PAGES: Record<Lang, string> = {
  zh: join(root, 'docs', 'benchmarks.md'),
  en: join(root, 'docs', 'en', 'benchmarks.md'),
}

const WORDS = {
  en: {
    head: ['measure', 'result', 'target'],
    hostCalls: 'host calls per save',
    batch: 'batch of 20 URLs (100 ms downloads)',
    faster: (b: any) => `${b.speedup.toFixed(2)}× faster than the serial loop (${b.batchMs} ms vs ${b.serialMs} ms)`,
    batchCalls: 'host calls per batch of 20 URLs',
    calls: (b: any) =>
      `${b.total} (${b.saves} save${b.saves === 1 ? '' : 's'}), ${b.prompts} system prompt${b.prompts === 1 ? '' : 's'}`,
    heap: 'peak extra heap, 20 MiB base64',
    times: (h: any) => `${h.multiple}× the input (${h.peakExtra} for ${h.input})`,
    build: 'build time with / without plugin',
    median: (b: any) =>
      `${b.ratio.toFixed(2)} (${(b.withMs / 1000).toFixed(1)} s / ${(b.withoutMs / 1000).toFixed(1)} s, median of ${b.runs})`,
    size: 'size',
    bytes: (s: any) =>
      `${s.production.gz} B production${s.development ? `, ${s.development.gz} B development` : ''} (min+gz)`,
    budget: (n: number) => `≤ ${n} B production (budget)`,
    parts: 'where the production weapp bytes go',
    variant: (v: string) => `size with the build plugin: ${v}`,
    variantBytes: (row: any, v: string) => `${row[v]} B production (min+gz)`,
    added: (build: string, v: string) => `bytes added to example app, ${build}, ${v}`,
    addedBytes: (n: number) => `${n} B (all scripts, gzip -9, less a stub of the exports)`,
  },
  zh: {
    head: ['测量项', '结果', '目标'],
    hostCalls: '每次保存的宿主调用',
    batch: '批量保存 20 个 URL（下载各 100 ms）',
    faster: (b: any) => `比串行循环快 ${b.speedup.toFixed(2)} 倍（${b.batchMs} ms 对 ${b.serialMs} ms）`,
    batchCalls: '批量保存 20 个 URL 的宿主调用',
    calls: (b: any) => `${b.total} 次（保存 ${b.saves} 次），系统提示 ${b.prompts} 次`,
    heap: '保存 20 MiB base64 时的额外堆内存峰值',
    times: (h: any) => `输入的 ${h.multiple} 倍（${h.input} 输入，峰值 ${h.peakExtra}）`,
    build: '有 / 无插件的构建时间',
    median: (b: any) =>
      `${b.ratio.toFixed(2)}（${(b.withMs / 1000).toFixed(1)} s / ${(b.withoutMs / 1000).toFixed(1)} s，${b.runs} 次的中位数）`,
    size: '体积',
    bytes: (s: any) => `生产 ${s.production.gz} B${s.development ? `，开发 ${s.development.gz} B` : ''}（min+gz）`,
    budget: (n: number) => `生产 ≤ ${n} B（预算）`,
    parts: '生产构建 weapp 的字节去向',
    variant: (v: string) => `用构建插件时的体积：${v}`,
    variantBytes: (row: any, v: string) => `生产 ${row[v]} B（min+gz）`,
    added: (build: string, v: string) => `示例应用增加的字节，${build}，${v}`,
    addedBytes: (n: number) => `${n} B（全部脚本 gzip -9，减去只有空导出的替身）`,
  },
}

/** A variant's size budget: the host table's `budget` without a plugin, `budgetOff` for the budgeted feature variant. */
const budgetOf = (row: Record<string, number>, variant: string): number =>
  variant in VARIANTS && VARIANTS[variant as Variant] === undefined
    ? row.budget!
    : (Object.values(SIZE_VARIANTS) as string[]).includes(variant)
      ? row.budgetOff!
      : 0

/** The table of every figure, in the given language (English for the console). */
export function benchTable(report: Report, lang: Lang = 'en'): string {
  const w = WORDS[lang]
  const rows: string[][] = []
  for (const [platform, cases] of Object.entries<Record<string, string[]>>(report.hostCalls)) {
    const counts = Object.entries(cases).map(([name, calls]) => `${name}: ${calls.length}`)
    rows.push([`${w.hostCalls}, ${platform}`, counts.join('; '), 'local 1, URL 2, data URI 2'])
  }
  for (const [name, b] of Object.entries<any>(report.batch)) rows.push([`${w.batch}, ${name}`, w.faster(b), '≥ 3×'])
  for (const [name, b] of Object.entries<any>(report.batchCalls))
    rows.push([`${w.batchCalls}, ${name}`, w.calls(b), '—'])
  rows.push([w.heap, w.times(report.heap), '≤ 2×'])
  for (const [name, b] of Object.entries<any>(report.buildTime || {}))
    rows.push([`${w.build}, ${name}`, w.median(b), '≤ 1.03'])
  for (const [entry, s] of Object.entries<any>(report.size)) {
    rows.push([`${w.size}, ${entry}`, w.bytes(s), s.budget ? w.budget(s.budget) : '—'])
  }
  for (const [entry, row] of Object.entries<any>(report.variants || {})) {
    for (const v of Object.keys(row).filter((key) => !key.startsWith('budget'))) {
      const budget = budgetOf(row, v)
      rows.push([`${w.variant(v)}, ${entry}`, w.variantBytes(row, v), budget ? w.budget(budget) : '—'])
    }
  }
  for (const [build, row] of Object.entries<Record<string, number>>(report.exampleBytes || {}))
    for (const [v, n] of Object.entries(row)) rows.push([w.added(build, v), w.addedBytes(n), '—'])
  const parts = Object.entries<number>(report.sizeParts).filter(([k]) => k !== 'whole')
  rows.push([w.parts, parts.map(([k, v]) => `${k} ${v} B`).join('; '), '—'])
  return [`| ${w.head.join(' | ')} |`, '|---|---|---|', ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n')
}

const INTRO: Record<Lang, string> = {
  zh: [
    '# 基准 {#benchmarks}',
    '',
    '本页由 `npm run bench` 根据它写出的 `docs/bench.json` 生成，请勿手改。比较的是比值与调用次数，不是绝对时间；体积为 esbuild 压缩（非 ASCII 字符转义，与体积预算的测法相同；保留 UTF-8 的应用会少几个字节）后再 gzip。',
  ].join('\n'),
  en: [
    '# Benchmarks {#benchmarks}',
    '',
    'Generated by `npm run bench` from the `docs/bench.json` it writes: do not edit by hand. Ratios and call counts, not absolute times; sizes are esbuild-minified (non-ASCII escaped, as the size budgets measure; an app that keeps UTF-8 ships a few bytes less), then gzipped.',
  ].join('\n'),
}

const NO_BUILDS: Record<Lang, string> = {
  zh: '这次运行跳过了构建时间（`--no-builds`）。',
  en: 'This run skipped the build times (`--no-builds`).',
}

export function benchPage(report: Report, lang: Lang): string {
  const parts = [INTRO[lang], benchTable(report, lang)]
  if (!report.buildTime) parts.push(NO_BUILDS[lang])
  return `${parts.join('\n\n')}\n`
}

export function writeBenchPages(report: Report): void {
  writeFileSync(BENCH_JSON, `${JSON.stringify(report, null, 2)}\n`)
  for (const lang of ['zh', 'en'] as const) writeFileSync(BENCH_PAGES[lang], benchPage(report, lang))
}

export const readBenchJson = (): Report => JSON.parse(readFileSync(BENCH_JSON, 'utf8')) as Report
