import { defineConfig } from 'vitest/config'

// The contract holds in both builds of the runtime: `__DEV__` (src/core/dev.d.ts) is true in the
// development build, which explains every error, and false in the production build (dist/prod).
const PRODUCTION_SUITE = ['test/integration/**/*.test.ts', 'test/reliability/**/*.test.ts', 'test/unit/bad-input.test.ts', 'test/unit/call.test.ts']

export default defineConfig({
  test: {
    setupFiles: ['test/setup.ts'],
    testTimeout: 20000,
    // the CI summary line is read from this report
    reporters: ['default', ['json', { outputFile: '.vitest-report.json' }]],
    projects: [
      {
        extends: true,
        define: { __DEV__: 'true' },
        test: { name: 'development', include: ['test/**/*.test.ts'], globalSetup: ['test/global-setup.ts'] },
      },
      { extends: true, define: { __DEV__: 'false' }, test: { name: 'production', include: PRODUCTION_SUITE } },
    ],
  },
})
