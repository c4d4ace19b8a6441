// ESLint (flat config): typescript-eslint's recommended rules, with Prettier owning the layout (prettier.config.mjs).
import js from '@eslint/js'
import prettier from 'eslint-config-prettier'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '.tmp/**',
      '.pack/**',
      '.bench/**',
      '.size/**',
      'coverage/**',
      'test-results/**',
      'docs/.vitepress/cache/**',
      'docs/.vitepress/dist/**',
      'docs/en/api/reference/**',
      '**/.swc/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    rules: {
      // unused names are a type check's job (noUnusedLocals), but for an `_` prefix that says "on purpose"
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      // the simulated hosts and the harness describe loosely typed host payloads
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  {
    // Node: the scripts, the configs, the plugins' CommonJS shims, the example apps' configs
    files: [
      '**/*.cjs',
      '**/*.mjs',
      'scripts/**',
      '*.config.*',
      'example-*/config/**',
      'test/apps/*/config/**',
      '**/babel.config.js',
      '**/postcss.config.js',
      '**/vue.config.js',
      'taro.js',
    ],
    languageOptions: {
      globals: {
        process: 'readonly',
        __dirname: 'readonly',
        require: 'readonly',
        module: 'writable',
        console: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // the uni-app preset's own declaration of .vue modules, as it generates it
    files: ['example-uniapp/src/env.d.ts'],
    rules: { '@typescript-eslint/no-empty-object-type': 'off' },
  },
  prettier,
)
