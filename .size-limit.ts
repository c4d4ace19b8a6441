// Size budgets (`npm test` runs `size-limit`): each entry as an app bundles it in a production build
// (dist/prod: every code and check, no developer messages), every export included, minified by esbuild,
// gzip. An entry that grows past its budget fails CI. Each host's budget is in its row of the host table.
import { entryFile } from './src/build/entries'
import { HOSTS } from './src/hosts'

const budget = (name: string, limit: number, entry: string) => ({
  name,
  path: `dist/prod/${entry}.mjs`,
  import: '*',
  limit: `${limit} B`,
  gzip: true,
})

export default [
  ...HOSTS.map((host) => budget(host.id, host.budget, entryFile(host.id))),
  budget('a target without an adapter', 600, 'unsupported'),
  budget('universal (every adapter, found at run time)', 11350, 'index'),
]
