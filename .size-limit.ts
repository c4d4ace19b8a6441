// Size budgets (`npm test` runs `npm run size`): each entry as an app bundles it in a production build
// (dist/prod: every code and check, no developer messages), every export included, minified by esbuild,
// gzip. An entry that grows past its budget fails CI. Every budget is in the host table (src/hosts.ts): each host has two in its row, its entry with every
// feature (no plugin, the worst case), and the same entry as the build plugins bundle it with the privacy step, the
// guide, canvases and conversion left out (scripts/size-variants.ts writes it to .size/ first). A budget is what was
// measured last, plus 20 B, rounded up to 50 B: a change that grows an entry says so by raising its budget.
import { entryFile } from './src/build/entries'
import { HOSTS, UNIVERSAL_BUDGET, UNSUPPORTED_BUDGET } from './src/hosts'

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
  ...HOSTS.map((host) => budget(host.id, host.budgets[0], `dist/prod/${entryFile(host.id)}.mjs`)),
  ...HOSTS.map((host) =>
    budget(
      `${host.id}, privacy, guide, canvas and convert left out`,
      host.budgets[1],
      `${SIZE_DIR}/${host.id}.features-off.mjs`,
    ),
  ),
  budget('a target without an adapter', UNSUPPORTED_BUDGET, 'dist/prod/unsupported.mjs'),
  budget('universal (every adapter, found at run time)', UNIVERSAL_BUDGET, 'dist/prod/index.mjs'),
]
