// example-uniapp as HBuilderX shapes and builds a project (docs/en/guide/getting-started.md#hbuilderx).
import { transform } from 'esbuild'
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { root } from '../../harness/examples'
import { exampleDir, uniBuild, type UniBuildResult } from './build'

const HBUILDERX = join(root, '.tmp', 'hbuilderx')
/** HBuilderX's own folder: uni's CLI lives in plugins/uniapp-cli-vite, and a sibling about/ tells uni it runs there. */
const CLI_DIR = join(HBUILDERX, 'app', 'plugins', 'uniapp-cli-vite')
/** The project, where HBuilderX keeps it: outside HBuilderX. */
export const HBUILDERX_PROJECT = join(HBUILDERX, 'project')

const toJs = async (ts: string) =>
  (
    await transform(ts, {
      loader: 'ts',
      // a <script setup> import used only by the template must stay; `type` imports go
      tsconfigRaw: { compilerOptions: { verbatimModuleSyntax: true } },
    })
  ).code

/** Each file of a folder, recursively. */
const filesOf = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) =>
    statSync(join(dir, name)).isDirectory() ? filesOf(join(dir, name)).map((file) => join(name, file)) : [name],
  )

/**
 * example-uniapp shaped as HBuilderX makes a project: its sources at the root (no src/), main.js, vite.config.js
 * beside them, JavaScript rather than TypeScript (HBuilderX compiles TypeScript only with a plugin of its own), and
 * mp-save-image installed from npm into the project's node_modules (here the example's, which also holds what
 * HBuilderX would bring itself).
 */
export async function hbuilderxProject(): Promise<string> {
  rmSync(HBUILDERX_PROJECT, { recursive: true, force: true })
  mkdirSync(HBUILDERX_PROJECT, { recursive: true })
  const src = join(exampleDir, 'src')
  for (const file of filesOf(src)) {
    if (file === 'env.d.ts') continue
    const text = readFileSync(join(src, file), 'utf8')
    const target = join(HBUILDERX_PROJECT, file.replace(/\.ts$/, '.js'))
    mkdirSync(join(target, '..'), { recursive: true })
    if (file.endsWith('.ts')) writeFileSync(target, await toJs(text))
    else if (file.endsWith('.vue')) {
      const script = /<script setup lang="ts">([\s\S]*?)<\/script>/.exec(text)
      // a script of comments only stays as it is: esbuild would leave it empty, and a component needs one
      const js = script && ((await toJs(script[1]!)).trim() ? await toJs(script[1]!) : script[1]!)
      writeFileSync(target, script ? text.replace(script[0], `<script setup>\n${js}</script>`) : text)
    } else cpSync(join(src, file), target)
  }
  writeFileSync(
    join(HBUILDERX_PROJECT, 'vite.config.js'),
    await toJs(readFileSync(join(exampleDir, 'vite.config.ts'), 'utf8')),
  )
  writeFileSync(
    join(HBUILDERX_PROJECT, 'package.json'),
    `${JSON.stringify({ name: 'hbuilderx-project', version: '1.0.0', dependencies: { 'mp-save-image': '*' } }, null, 2)}\n`,
  )
  symlinkSync(join(exampleDir, 'node_modules'), join(HBUILDERX_PROJECT, 'node_modules'), 'dir')
  // HBuilderX's folder: its uni CLI, and the about/ plugin uni looks for beside it
  rmSync(join(HBUILDERX, 'app'), { recursive: true, force: true })
  mkdirSync(join(HBUILDERX, 'app', 'plugins', 'about'), { recursive: true })
  writeFileSync(join(HBUILDERX, 'app', 'plugins', 'about', 'package.json'), '{ "name": "about" }\n')
  // uni's build loads `typescript` through HBuilderX's compile-typescript plugin, JavaScript projects too
  const typescript = join(HBUILDERX, 'app', 'plugins', 'compile-typescript', 'node_modules')
  mkdirSync(typescript, { recursive: true })
  symlinkSync(join(exampleDir, 'node_modules', 'typescript'), join(typescript, 'typescript'), 'dir')
  mkdirSync(CLI_DIR, { recursive: true })
  symlinkSync(join(exampleDir, 'node_modules'), join(CLI_DIR, 'node_modules'), 'dir')
  cpSync(join(exampleDir, 'package.json'), join(CLI_DIR, 'package.json'))
  return HBUILDERX_PROJECT
}

/**
 * Builds the project as HBuilderX runs uni's CLI: from the CLI's own folder, with UNI_INPUT_DIR naming the project
 * (uni then reads vite.config.js there) and UNI_OUTPUT_DIR its unpackage/dist/build/<target>.
 */
export function hbuilderxBuild(project: string, target: string): Promise<UniBuildResult> {
  return uniBuild(
    target,
    { outputDir: join(project, 'unpackage', 'dist', 'build', target), env: { UNI_INPUT_DIR: project } },
    CLI_DIR,
  )
}
