import { defineConfig } from 'rollup'
import dts from 'rollup-plugin-dts'
import esbuild from 'rollup-plugin-esbuild'

/** Every public entry: the universal runtime, one per host, and the simulated hosts. */
export const entries = {
  index: 'src/index.ts',
  weapp: 'src/weapp.ts',
  tt: 'src/tt.ts',
  alipay: 'src/alipay.ts',
  swan: 'src/swan.ts',
  testing: 'src/testing/index.ts',
}

export default defineConfig([
  {
    input: entries,
    // Taro and uni do not transpile node_modules, and mini-program JS engines (iOS JSC) lack ?. and ??:
    // ES2018 keeps async/await and object spread native and lowers everything newer
    plugins: [esbuild({ target: 'es2018', tsconfig: 'tsconfig.json' })],
    output: [
      { dir: 'dist', format: 'es', entryFileNames: '[name].mjs', chunkFileNames: 'chunks/[name]-[hash].mjs', hoistTransitiveImports: false },
      { dir: 'dist', format: 'cjs', entryFileNames: '[name].cjs', chunkFileNames: 'chunks/[name]-[hash].cjs', exports: 'named', hoistTransitiveImports: false },
    ],
  },
  {
    input: entries,
    plugins: [dts({ tsconfig: 'tsconfig.json' })],
    output: { dir: 'dist', format: 'es', entryFileNames: '[name].d.ts', chunkFileNames: 'chunks/[name]-[hash].d.ts' },
  },
])
