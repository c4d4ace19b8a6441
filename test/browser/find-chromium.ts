// Which Chromium the browser tests drive, found in under a second or two on any Linux machine: a browser that is
// installed (CHROMIUM_PATH, Debian's chromium, chromium-browser, Google Chrome), else the Chromium that the dev
// dependency @sparticuz/chromium carries inside its npm package (x64 Linux), unpacked once into node_modules/.cache.
// Every one gets a CJK font from the dev dependency @embedpdf/fonts-sc, so screenshots of Chinese text read.
//
//   tsx test/browser/find-chromium.ts     prints the browser, or one line saying how to get one (exit 1)
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'

const require = createRequire(__filename)
const root = resolve(__dirname, '../..')
const CACHE = join(root, 'node_modules', '.cache', 'npm-chromium')

export interface FoundChromium {
  executablePath: string
  /** What it says it is (`--version`). */
  version: string
  /** Environment for its process: a fontconfig file that adds the CJK font. */
  env: Record<string, string>
}

const INSTALLED = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/opt/google/chrome/chrome',
]

/** The flags every launch gets; without the background-networking ones this machine's closed network refuses many connections. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--no-zygote',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--font-render-hinting=none',
]

/**
 * What a browser says of itself, or null when it cannot run here (a missing file or shared library). A first start from
 * a cold disk on a busy machine can take seconds (a 5 s limit once found none here): the wait is generous, and only
 * for a file that exists.
 */
function versionOf(path: string): string | null {
  if (!existsSync(path)) return null
  const run = spawnSync(path, ['--version'], { timeout: 20_000, encoding: 'utf8' })
  const said = (run.stdout || '').trim()
  return run.status === 0 && /^(Chromium|Google Chrome)\b.* \d+/.test(said) ? said : null
}

/** The npm-shipped Chromium, unpacked into its own folder per version (once; a process that loses the race keeps the winner's). */
async function npmChromium(): Promise<string | null> {
  let packageDir: string
  try {
    packageDir = dirname(require.resolve('@sparticuz/chromium')).replace(/\/build(\/(cjs|esm))?$/, '')
  } catch {
    return null
  }
  if (process.platform !== 'linux' || process.arch !== 'x64') return null
  const { version } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { version: string }
  const dir = join(CACHE, version)
  if (!existsSync(join(dir, '.complete'))) {
    const partial = `${dir}.partial-${process.pid}`
    mkdirSync(partial, { recursive: true })
    // it unpacks into os.tmpdir()
    const tmp = process.env.TMPDIR
    process.env.TMPDIR = partial
    try {
      const { default: chromium } = (await import('@sparticuz/chromium')) as {
        default: { executablePath(): Promise<string> }
      }
      await chromium.executablePath()
    } finally {
      if (tmp === undefined) delete process.env.TMPDIR
      else process.env.TMPDIR = tmp
    }
    writeFileSync(join(partial, '.complete'), '')
    try {
      renameSync(partial, dir)
    } catch {
      rmSync(partial, { recursive: true, force: true })
    }
  }
  return join(dir, 'chromium')
}

/** A fontconfig file: the machine's own fonts, plus Noto Sans SC from @embedpdf/fonts-sc. */
function fontconfig(): string {
  // its package exports no files: its fonts folder sits beside its dist/
  const fonts = join(dirname(require.resolve('@embedpdf/fonts-sc')), '..', 'fonts')
  const file = join(CACHE, 'fonts.conf')
  mkdirSync(join(CACHE, 'fc-cache'), { recursive: true })
  writeFileSync(
    file,
    `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n  <dir>${fonts}</dir>\n  <cachedir>${join(CACHE, 'fc-cache')}</cachedir>\n</fontconfig>\n`,
  )
  return file
}

/** The browser the tests drive, or an Error whose message says how to get one. */
export async function findChromium(): Promise<FoundChromium | Error> {
  const candidates = [process.env.CHROMIUM_PATH, ...INSTALLED].filter((path): path is string => !!path)
  for (const path of candidates) {
    const version = versionOf(path)
    if (version) return { executablePath: path, version, env: { FONTCONFIG_FILE: fontconfig() } }
  }
  const shipped = await npmChromium().catch(() => null)
  const version = shipped && versionOf(shipped)
  if (shipped && version) return { executablePath: shipped, version, env: { FONTCONFIG_FILE: fontconfig() } }
  return new Error(
    `no Chromium can run here (looked at ${candidates.join(', ')} and @sparticuz/chromium, x64 Linux only): install one (Debian: apt-get install -y chromium) or set CHROMIUM_PATH`,
  )
}

if (typeof module !== 'undefined' && require.main === module) {
  findChromium().then((found) => {
    if (found instanceof Error) {
      console.error(`[mp-save-image tests] ${found.message}`)
      process.exit(1)
    }
    console.log(`[mp-save-image tests] browser: ${found.version} (${found.executablePath})`)
  })
}
