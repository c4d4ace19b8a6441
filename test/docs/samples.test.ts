import { mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

// Every fenced `ts` / `tsx` block of the READMEs and the docs (the generated API reference aside) type-checks as a
// module of a user's app: against the package as built (its `exports` and declarations), Taro's and uni-app's own
// types from the example apps, and React and Vue. A block that is a piece of a file (a line of a config) says so with
// `<!-- fragment -->` on the line before it; what a sample leaves to the reader's app (a URL, a canvas node) is
// declared once, below.

const root = join(__dirname, '../..')
const work = join(root, '.tmp/doc-samples')

/** What the samples take from the reader's app. */
const APP = `
/// <reference types="@dcloudio/types" />
/// <reference types="mp-save-image/vite" />
/// <reference types="mp-save-image/taro" />
import type { CanvasNode } from 'mp-save-image'
declare global {
  const url: string, urls: string[], posterUrl: string, clipUrl: string, src: string, list: string[]
  const dataUri: string, canvasDataUrl: string, rawBase64: string, node: CanvasNode
  const page: object, ctx: { draw(reserve: boolean, callback: () => void): void }
  // the app's own UI, named in the samples' comments
  function toast(text: string): void
  function showOpenSettingsButton(): void
  function setProgress(fraction: number): void
  function showMySheet(): void
  function showMyOwnPermissionSheet(): void
  function setShowPermissionSheet(shown: boolean): void
  function fallbackToPreview(src: string): void
  function showPrivacyPopup(answers: { onAgree(): void; onDisagree(): void }): void
  // WeChat's global, as a native mini-program's typings declare the part the samples use
  const wx: {
    onNeedPrivacyAuthorization(
      listener: (resolve: (answer: { buttonId?: string; event: 'agree' | 'disagree' }) => void, eventInfo: { referrer: string }) => void,
    ): void
  }
}
export {}
`

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return ['.vitepress', 'api'].includes(entry.name) ? [] : markdownFiles(path)
    return entry.name.endsWith('.md') ? [path] : []
  })
}

interface Sample {
  file: string
  line: number
  lang: 'ts' | 'tsx'
  code: string
}

/** The fenced ts/tsx blocks of a file that are whole modules. */
function samplesOf(file: string): Sample[] {
  const text = readFileSync(file, 'utf8')
  const samples: Sample[] = []
  for (const match of text.matchAll(/(<!-- fragment -->\s*\n)?```(tsx?)\n([\s\S]*?)\n```/g)) {
    if (match[1]) continue
    const line = text.slice(0, match.index).split('\n').length + 1
    samples.push({ file: relative(root, file), line, lang: match[2] as 'ts' | 'tsx', code: match[3]! })
  }
  return samples
}

const SAMPLES = ['README.md', 'README.en.md']
  .map((name) => join(root, name))
  .concat(markdownFiles(join(root, 'docs')))
  .flatMap(samplesOf)

/** A folder where the package, the frameworks' types, React and Vue resolve as in a user's app. */
function prepare(): string {
  rmSync(work, { recursive: true, force: true })
  mkdirSync(join(work, 'node_modules/@types'), { recursive: true })
  const link = (target: string, name: string) => symlinkSync(target, join(work, 'node_modules', name))
  link(root, 'mp-save-image')
  link(join(root, 'example-taro/node_modules/@tarojs'), '@tarojs')
  link(join(root, 'example-uniapp/node_modules/@dcloudio'), '@dcloudio')
  link(join(root, 'example-taro/node_modules/react'), 'react')
  link(join(root, 'example-taro/node_modules/@types/react'), '@types/react')
  link(join(root, 'node_modules/vue'), 'vue')
  link(join(root, 'node_modules/@vue'), '@vue')
  writeFileSync(join(work, 'app.d.ts'), APP)
  return work
}

describe('the code samples of the READMEs and the docs', () => {
  it('are found', () => {
    expect(SAMPLES.length).toBeGreaterThan(40)
  })

  it('type-check as modules of an app, each', () => {
    const dir = prepare()
    const files = SAMPLES.map((sample, k) => {
      const path = join(dir, `sample-${k}.${sample.lang}`)
      writeFileSync(path, `${sample.code}\nexport {}\n`)
      return path
    })
    const program = ts.createProgram([join(dir, 'app.d.ts'), ...files], {
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      jsx: ts.JsxEmit.ReactJSX,
      lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
      // what the readers' tsconfig adds, app.d.ts references, as the READMEs say
      types: [],
      allowSyntheticDefaultImports: true,
      // the package and the frameworks' types meet in work/node_modules, as in an app's
      preserveSymlinks: true,
    })
    const problems = ts.getPreEmitDiagnostics(program).map((diagnostic) => {
      const k = diagnostic.file ? files.indexOf(diagnostic.file.fileName) : -1
      const at =
        k < 0 ? (diagnostic.file?.fileName ?? '') : `${SAMPLES[k]!.file}, the block at line ${SAMPLES[k]!.line}`
      return `${at}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ')}`
    })
    expect(problems).toEqual([])
  }, 120_000)
})
