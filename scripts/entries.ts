// Writes the runtime entries generated from the host table (src/build/entries.ts) to src/entries/.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { ENTRIES_DIR, entrySources } from '../src/build/entries'

const root = join(__dirname, '..')
const sources = entrySources()
mkdirSync(join(root, ENTRIES_DIR), { recursive: true })
// an entry whose host left the table goes with it
for (const name of readdirSync(join(root, ENTRIES_DIR)))
  if (!(`${ENTRIES_DIR}/${name}` in sources)) rmSync(join(root, ENTRIES_DIR, name))
for (const [file, code] of Object.entries(sources)) writeFileSync(join(root, file), code)
