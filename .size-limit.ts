// Size budgets (`npm test` runs `npm run size`): each entry as an app bundles it in a production build
// (dist/prod: every code and check, no developer messages), every export included, minified by esbuild,
// gzip. An entry that grows past its budget fails CI. Each host has two budgets in its row of the host table: its
// entry with every feature (no plugin, the worst case), and the same entry as the build plugins bundle it with the
// privacy step, the guide, canvases and conversion left out (scripts/size-variants.ts writes it to .size/ first).
import { entryFile } from './src/build/entries'
import { HOSTS } from './src/hosts'

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
  ...HOSTS.map((host) => budget(host.id, host.budget, `dist/prod/${entryFile(host.id)}.mjs`)),
  ...HOSTS.map((host) =>
    budget(
      `${host.id}, privacy, guide, canvas and convert left out`,
      host.budgetOff,
      `${SIZE_DIR}/${host.id}.features-off.mjs`,
    ),
  ),
  budget('a target without an adapter', 650, 'dist/prod/unsupported.mjs'),
  budget('universal (every adapter, found at run time)', 14650, 'dist/prod/index.mjs'),
]
