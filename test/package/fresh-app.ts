// The package as a user installs it: the tarball test/global-setup.ts packed (`npm pack`), installed with
// `npm install <tarball>` in a fresh folder of its own for each test file.
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { beforeAll } from 'vitest'
import { root, tarball } from '../harness/examples'

export { root }

/** A fresh app folder with the packed package installed, made before the file's tests; `dir` is set from then on. */
export function useFreshApp(): { readonly dir: string } {
  const made = { dir: '' }
  beforeAll(() => {
    const dir = join(mkdtempSync(join(tmpdir(), 'msi-pack-')), 'app')
    mkdirSync(dir)
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'fresh-app', private: true, version: '1.0.0' }))
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', tarball], {
      cwd: dir,
      stdio: 'pipe',
    })
    made.dir = dir
  }, 120_000)
  return made
}

/** Writes `source` to `file` in the app and runs it with Node; its output, trimmed. */
export function run(app: string, file: string, source: string): string {
  writeFileSync(join(app, file), source)
  return execFileSync(process.execPath, [file], { cwd: app, encoding: 'utf8' }).trim()
}

/** `tsc --noEmit --strict` of `files` in the app, the package's declarations checked too (no skipLibCheck). */
export function strictTypecheck(app: string, module: string, resolution: string, files: string[]) {
  const tsc = join(root, 'node_modules/typescript/bin/tsc')
  const types = ['--types', 'node', '--typeRoots', join(root, 'node_modules/@types')]
  const flags = [
    '--noEmit',
    '--strict',
    '--skipLibCheck',
    'false',
    '--module',
    module,
    '--moduleResolution',
    resolution,
  ]
  execFileSync(process.execPath, [tsc, ...flags, ...types, ...files], { cwd: app, stdio: 'pipe' })
}

/** An entry's code plus every chunk it imports, transitively. */
export function loadedCode(file: string, seen = new Set<string>()): string {
  if (seen.has(file)) return ''
  seen.add(file)
  const code = readFileSync(file, 'utf8')
  const imports = [...code.matchAll(/(?:from\s*|require\()\s*['"](\.[^'"]+)['"]/g)].map((m) =>
    resolve(dirname(file), m[1]),
  )
  return code + imports.map((dep) => loadedCode(dep, seen)).join('\n')
}
