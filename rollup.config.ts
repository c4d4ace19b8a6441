import { readFileSync } from 'node:fs'
import { defineConfig, type Plugin } from 'rollup'
import dts from 'rollup-plugin-dts'
import esbuild from 'rollup-plugin-esbuild'
import { FEATURE_GLOBALS } from './src/build/defaults'
import { entryFile, entrySource } from './src/build/entries'
import { HOSTS } from './src/hosts'
import { flagsInPlacePlugin } from './scripts/flags-in-place'

/**
 * What apps bundle: the universal runtime, one entry per host of the table (both generated into src/entries/ by
 * src/build/entries.ts), and the entry the build plugins point a target without an adapter at (not exported: only the
 * plugins use it). Each is built twice: in dist/ with developer messages, and in dist/prod/ without them (every code
 * and check kept).
 */
export const runtimeEntries: Record<string, string> = {
  index: entrySource('index'),
  ...Object.fromEntries(HOSTS.map((host) => [entryFile(host.id), entrySource(host.id)])),
  unsupported: 'src/unsupported.ts',
}

/** The build plugins, which run in Node, each with the declarations that put the API on its framework's object. */
const nodeEntries = { taro: 'src/taro/index.ts', vite: 'src/vite/index.ts', webpack: 'src/webpack/index.ts' }
const AUGMENT = {
  taro: 'src/taro/augment.d.ts',
  vite: 'src/build/uni-augment.d.ts',
  webpack: 'src/build/uni-augment.d.ts',
}
/** The loader the webpack plugin puts on the app's main file, by path: no export, no declarations. */
const loaderEntries = { 'webpack-attach': 'src/webpack/attach-loader.ts' }

// Taro and uni do not transpile node_modules, and mini-program JS engines (iOS JSC) lack ?. and ??:
// ES2018 keeps async/await and object spread native and lowers everything newer
const es2018 = (dev = true) =>
  esbuild({ target: 'es2018', tsconfig: 'tsconfig.json', define: { __DEV__: String(dev) }, minifySyntax: !dev })

/** Each flag's name in src/core/features.ts (the feature's, in capitals) → the global a plugin defines for it. */
const flagsInPlace = flagsInPlacePlugin(
  new Map(Object.entries(FEATURE_GLOBALS).map(([feature, global]) => [feature.toUpperCase(), global])),
)

const runtimeOutputs = (dir: string) =>
  (['es', 'cjs'] as const).map((format) => {
    const ext = format === 'es' ? 'mjs' : 'cjs'
    return {
      dir,
      format,
      entryFileNames: `[name].${ext}`,
      chunkFileNames: `chunks/[name]-[hash].${ext}`,
      exports: 'named' as const,
      hoistTransitiveImports: false,
    }
  })

/**
 * The build plugins are CJS, as Taro loads them with `require` and Vite bundles a vite.config.ts as CJS:
 * `module.exports` is the plugin function, and so is its `.default` (Taro's loader reads either).
 * Their ESM twins re-export it, so `__dirname` stays real and there is one implementation.
 */
const nodeEsmTwins: Plugin = {
  name: 'node-esm-twins',
  generateBundle() {
    for (const name of Object.keys(nodeEntries)) {
      this.emitFile({
        type: 'asset',
        fileName: `${name}.mjs`,
        source: `import { createRequire } from 'node:module'\nexport default createRequire(import.meta.url)('./${name}.cjs')\n`,
      })
    }
  },
}

/** The plugins' `.d.cts`: `export =` the function, with its types and `default` on a merged namespace, as their CJS has it. */
const cjsDeclarations = (name: string): Plugin => ({
  name: 'cjs-declarations',
  renderChunk(code, _chunk, options) {
    if (!options.entryFileNames.toString().endsWith('.d.cts')) return null
    const exports = /^export \{ (\w+) as default \};\nexport type \{ ([\w, ]+) \};$/m
    if (!exports.test(code))
      throw new Error(`${name}: the declarations no longer end with the default export and its types`)
    return code.replace(
      exports,
      'declare namespace $1 {\n    export { $1 as default };\n    export type { $2 };\n}\nexport = $1;',
    )
  },
})

/**
 * Every host entry has the universal entry's declarations: theirs re-export them (`.d.mts` → index.d.mts,
 * `.d.cts` → index.d.cts).
 */
const hostDeclarations: Plugin = {
  name: 'host-declarations',
  generateBundle() {
    for (const host of HOSTS) {
      for (const [dts, js] of [
        ['mts', 'mjs'],
        ['cts', 'cjs'],
      ]) {
        this.emitFile({
          type: 'asset',
          fileName: `${entryFile(host.id)}.d.${dts}`,
          source: `export * from '../index.${js}'\n`,
        })
      }
    }
  },
}

/** Declarations of one entry, bundled on their own (no shared chunks): `.d.mts` for import, `.d.cts` for require. */
function declarations(name: string, input: string, tsconfig: string, extra: Plugin[] = [], footer?: string) {
  return {
    input: { [name]: input },
    external: [/^node:/],
    plugins: [dts({ tsconfig }), ...extra],
    output: (['mts', 'cts'] as const).map((ext) => ({
      dir: 'dist',
      format: 'es' as const,
      entryFileNames: `[name].d.${ext}`,
      footer,
    })),
  }
}

/** The Taro runtime module exports nothing: its declarations say so, for import and require alike. */
const runtimeDeclarations: Plugin = {
  name: 'runtime-declarations',
  generateBundle() {
    const source = readFileSync('src/taro/runtime-exports.d.ts', 'utf8')
    for (const ext of ['mts', 'cts']) this.emitFile({ type: 'asset', fileName: `taro-runtime.d.${ext}`, source })
  },
}

const augment = (file: string) => readFileSync(file, 'utf8')

export default defineConfig([
  {
    input: { ...runtimeEntries, testing: 'src/testing/index.ts' },
    plugins: [es2018(), flagsInPlace],
    output: runtimeOutputs('dist'),
  },
  {
    input: runtimeEntries,
    plugins: [es2018(false), flagsInPlace],
    output: runtimeOutputs('dist/prod'),
  },
  {
    input: { 'taro-runtime': 'src/taro/runtime.ts' },
    external: ['@tarojs/taro', 'mp-save-image'],
    plugins: [es2018(), runtimeDeclarations, hostDeclarations],
    output: { dir: 'dist', format: 'es', entryFileNames: '[name].mjs' },
  },
  {
    input: { ...nodeEntries, ...loaderEntries },
    external: [/^node:/],
    plugins: [esbuild({ target: 'node18', tsconfig: 'tsconfig.node.json', define: { __DEV__: 'true' } }), nodeEsmTwins],
    output: {
      dir: 'dist',
      format: 'cjs',
      entryFileNames: '[name].cjs',
      chunkFileNames: 'chunks/node-[name]-[hash].cjs',
      exports: 'default',
      footer: (chunk) => (chunk.isEntry ? 'module.exports.default = module.exports;' : ''),
    },
  },
  ...Object.entries({ index: 'src/core/entry.ts', testing: 'src/testing/index.ts' }).map(([name, input]) =>
    declarations(name, input, 'tsconfig.json'),
  ),
  ...Object.entries(nodeEntries).map(([name, input]) =>
    declarations(
      name,
      input,
      'tsconfig.node.json',
      [cjsDeclarations(name)],
      augment(AUGMENT[name as keyof typeof nodeEntries]),
    ),
  ),
])
