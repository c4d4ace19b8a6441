import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { HOSTS } from '../../src/hosts'

// Every document a comment cites is in this repository (a docs/ page, with the anchor it names) or a public URL:
// a maintainer who clones the repo, or a user who reads the package, can follow it.

const root = join(__dirname, '../..')
const SKIP = new Set(['node_modules', 'dist', '.swc', '.tmp', '.pack', '.bench', 'docs', 'test-results', 'coverage'])
const CODE = /\.(?:[cm]?[jt]sx?|vue)$/

const codeFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (SKIP.has(name) || name.startsWith('.git')) return []
    return statSync(path).isDirectory() ? codeFiles(path) : CODE.test(name) ? [path] : []
  })

const files = ['src', 'platforms', 'scripts', 'test', 'example-taro', 'example-uniapp']
  .flatMap((dir) => codeFiles(join(root, dir)))
  .concat(
    readdirSync(root)
      .filter((name) => CODE.test(name))
      .map((name) => join(root, name)),
  )

/** `docs/en/hosts/<id>.md#errors` → one path per host; anything else → itself. */
const expand = (cited: string): string[] =>
  cited.includes('<id>') ? HOSTS.map((host) => cited.replace('<id>', host.id)) : [cited]

const docsPages = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) =>
    statSync(join(dir, name)).isDirectory() ? docsPages(join(dir, name)) : name.endsWith('.md') ? [name] : [],
  )
/** The names of the docs' pages, for code that builds a page's path from its name. */
const DOC_NAMES = new Set(docsPages(join(root, 'docs')))

const anchorsOf = (file: string): Set<string> =>
  new Set([...readFileSync(file, 'utf8').matchAll(/\{#([\w-]+)\}/g)].map((match) => match[1] as string))

/** Each document a file cites (URLs left out), with the anchor it names. */
function citationsIn(text: string): { path: string; anchor?: string }[] {
  const withoutUrls = text.replace(/\bhttps?:\/\/\S+/g, '')
  return [...withoutUrls.matchAll(/(?<![\w/.-])((?:[\w.<>-]+\/)*[\w.<>-]+\.md)(?:#([\w-]+))?/g)].flatMap((match) =>
    expand(match[1] as string).map((path) => ({ path, anchor: match[2] })),
  )
}

describe('citations', () => {
  it('finds the code it checks', () => {
    expect(files.length).toBeGreaterThan(100)
    expect(citationsIn('see docs/en/hosts/<id>.md#errors and https://x.test/a.md').length).toBe(HOSTS.length)
  })

  it.each(files.map((file) => [relative(root, file), file] as const))('%s cites only files of the repo', (_, file) => {
    const text = readFileSync(file, 'utf8')
    // a section sign or a document number names nothing a reader can open: a citation is a path or a URL
    expect(text).not.toMatch(/\b[Ss]eed \d{3}\b|\u00a7/)
    for (const { path, anchor } of citationsIn(text)) {
      // a bare file name (a string the code builds a path from) is a page of docs/, or a file at the root
      const target = path.includes('/') || !DOC_NAMES.has(path) ? join(root, path) : join(root, 'docs', path)
      expect(existsSync(target), `${path} is not in the repository`).toBe(true)
      if (anchor) expect(anchorsOf(target).has(anchor), `${path} has no #${anchor}`).toBe(true)
    }
  })
})
