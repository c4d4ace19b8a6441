// The feature variants of every host entry, for their size budgets (.size-limit.ts): each entry of dist/prod bundled
// as an app's production build bundles it with the build plugin's options (test/harness/variants.ts), written to
// .size/ for size-limit to measure. `npm run size` runs it after `npm run build`.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { HOSTS } from '../src/hosts'
import { bundleHost, VARIANTS } from '../test/harness/variants'
import { SIZE_DIR, SIZE_VARIANTS } from '../.size-limit'

async function main() {
  rmSync(SIZE_DIR, { recursive: true, force: true })
  mkdirSync(SIZE_DIR, { recursive: true })
  for (const host of HOSTS)
    for (const [slug, variant] of Object.entries(SIZE_VARIANTS))
      writeFileSync(join(SIZE_DIR, `${host.id}.${slug}.mjs`), await bundleHost(host.id, VARIANTS[variant], 'dist'))
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
