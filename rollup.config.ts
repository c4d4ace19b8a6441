import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { defineConfig, type Plugin } from 'rollup'
import dts from 'rollup-plugin-dts'
import esbuild from 'rollup-plugin-esbuild'

/**
 * What apps bundle: the universal runtime, one entry per host, and the entry the build plugins point a
 * target without an adapter at (not exported: only the plugins use it). Each is built twice: in dist/ with
 * developer messages, and in dist/prod/ without them (every code and check kept).
 */
export const runtimeEntries = {
  index: 'src/index.ts',
  weapp: 'src/weapp.ts',
  tt: 'src/tt.ts',
  alipay: 'src/alipay.ts',
  swan: 'src/swan.ts',
  h5: 'src/h5.ts',
  app: 'src/app.ts',
  lark: 'src/lark.ts',
  dd: 'src/dd.ts',
  ascf: 'src/ascf.ts',
  qq: 'src/qq.ts',
  kwai: 'src/kwai.ts',
  xhs: 'src/xhs.ts',
  jd: 'src/jd.ts',
  unsupported: 'src/unsupported.ts',
}
/** Every entry with types: the runtime ones and the simulated hosts. */
export const entries = { ...runtimeEntries, testing: 'src/testing/index.ts' }

/** The build plugins, which run in Node. */
const nodeEntries = { taro: 'src/taro/index.ts', vite: 'src/vite/index.ts' }

// Taro and uni do not transpile node_modules, and mini-program JS engines (iOS JSC) lack ?. and ??:
// ES2018 keeps async/await and object spread native and lowers everything newer
const es2018 = (dev = true) => esbuild({ target: 'es2018', tsconfig: 'tsconfig.json', define: { __DEV__: String(dev) }, minifySyntax: !dev })

const runtimeOutputs = (dir: string) =>
  (['es', 'cjs'] as const).map((format) => {
    const ext = format === 'es' ? 'mjs' : 'cjs'
    return { dir, format, entryFileNames: `[name].${ext}`, chunkFileNames: `chunks/[name]-[hash].${ext}`, exports: 'named' as const, hoistTransitiveImports: false }
  })

/** The runtime module's `../index` is the package itself, which the plugins alias per platform. */
const packageItself: Plugin = {
  name: 'package-itself',
  resolveId: (source, importer) =>
    source === '../index' && importer === resolve('src/taro/runtime.ts') ? { id: 'mp-save-image', external: true } : null,
}

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
    if (!exports.test(code)) throw new Error(`${name}: the declarations no longer end with the default export and its types`)
    return code.replace(exports, 'declare namespace $1 {\n    export { $1 as default };\n    export type { $2 };\n}\nexport = $1;')
  },
})

/** Declarations of one entry, bundled on their own (no shared chunks): `.d.mts` for import, `.d.cts` for require. */
function declarations(name: string, input: string, tsconfig: string, extra: Plugin[] = [], footer?: string) {
  return {
    input: { [name]: input },
    external: [/^node:/],
    plugins: [dts({ tsconfig }), ...extra],
    output: (['mts', 'cts'] as const).map((ext) => ({ dir: 'dist', format: 'es' as const, entryFileNames: `[name].d.${ext}`, footer })),
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
  { input: entries, plugins: [es2018()], output: runtimeOutputs('dist') },
  { input: runtimeEntries, plugins: [es2018(false)], output: runtimeOutputs('dist/prod') },
  {
    input: { 'taro-runtime': 'src/taro/runtime.ts' },
    external: ['@tarojs/taro'],
    plugins: [packageItself, es2018(), runtimeDeclarations],
    output: { dir: 'dist', format: 'es', entryFileNames: '[name].mjs' },
  },
  {
    input: nodeEntries,
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
  ...Object.entries(entries).map(([name, input]) => declarations(name, input, 'tsconfig.json')),
  ...Object.entries(nodeEntries).map(([name, input]) =>
    declarations(name, input, 'tsconfig.node.json', [cjsDeclarations(name)], augment(`src/${name}/augment.d.ts`)),
  ),
])
