// Size budgets (`npm test` runs `npm run size`): each entry as an app bundles it in a production build
// (dist/prod: every code and check, no developer messages), every export included, minified by esbuild,
// gzip. An entry that grows past its budget fails CI. Every budget is here: each host has two, its entry with every
// feature (no plugin, the worst case), and the same entry as the build plugins bundle it with the privacy step, the
// guide, canvases and conversion left out (scripts/size-variants.ts writes it to .size/ first). A budget is what was
// measured last, plus 20 B, rounded up to 50 B: a change that grows an entry says so by raising its budget.
import { entryFile } from './src/build/entries'
import { HOSTS, type PlatformId } from './src/hosts'

/** Each host's budgets, min+gz: [every feature, the features left out]. */
export const BUDGETS: Record<PlatformId, readonly [number, number]> = {
  lark: [8350, 6800],
  tt: [8550, 6850],
  qq: [8200, 6650],
  kwai: [8300, 6750],
  xhs: [8300, 6750],
  jd: [8200, 6650],
  ascf: [8450, 6900],
  weapp: [8900, 6850],
  swan: [8250, 6700],
  dd: [7950, 6400],
  alipay: [7950, 6400],
  'app-harmony': [8250, 6700],
  app: [8800, 7200],
  'harmony-hybrid': [11050, 8850],
  h5: [10400, 8100],
}
/** The entry of a target without an adapter, and the universal entry. */
const UNSUPPORTED_BUDGET = 650
const UNIVERSAL_BUDGET = 14800

export const SIZE_DIR = '.size'
/** The feature variants with budgets of their own: file name → variant (test/harness/variants.ts). */
export const SIZE_VARIANTS = { 'features-off': 'plugin, privacy, guide, canvas and convert out' } as const

const budget = (name: string, limit: number, path: string) => ({
  name,
  path,
  import: '*',
  limit: `${limit} B`,
  gzip: true,
})

export default [
  ...HOSTS.map((host) => budget(host.id, BUDGETS[host.id][0], `dist/prod/${entryFile(host.id)}.mjs`)),
  ...HOSTS.map((host) =>
    budget(
      `${host.id}, privacy, guide, canvas and convert left out`,
      BUDGETS[host.id][1],
      `${SIZE_DIR}/${host.id}.features-off.mjs`,
    ),
  ),
  budget('a target without an adapter', UNSUPPORTED_BUDGET, 'dist/prod/unsupported.mjs'),
  budget('universal (every adapter, found at run time)', UNIVERSAL_BUDGET, 'dist/prod/index.mjs'),
]
