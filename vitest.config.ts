import { defineConfig } from 'vitest/config'
import { FEATURE_GLOBALS } from './src/build/defaults'

/** The features a plugin can leave out of a build (src/core/features.ts): the production suites run without each. */
const FEATURE_OFF = Object.keys(FEATURE_GLOBALS) as (keyof typeof FEATURE_GLOBALS)[]

// Two kinds of tests. `unit`: the core, the adapters and the simulated hosts, fast and self-contained (no build, no
// tarball, no browser), in both builds of the runtime: `__DEV__` (src/core/dev.d.ts) is true in the development
// build, which explains every error, and false in the production build (dist/prod); the production suites run again
// with each feature a build plugin can leave out (src/core/features.ts) left out. `e2e`: the built package, the
// example apps built by the real CLIs, and real Chromium.
const UNIT = [
  'test/unit/**/*.test.ts',
  'test/integration/**/*.test.ts',
  'test/reliability/**/*.test.ts',
  'test/testing/**/*.test.ts',
]
const PRODUCTION = [
  'test/integration/**/*.test.ts',
  'test/reliability/**/*.test.ts',
  'test/unit/bad-input.test.ts',
  'test/unit/call.test.ts',
]

export default defineConfig({
  test: {
    setupFiles: ['test/setup.ts'],
    testTimeout: 20000,
    // the CI summary line is read from this report
    reporters: ['default', ['json', { outputFile: '.vitest-report.json' }]],
    projects: [
      { extends: true, define: { __DEV__: 'true' }, test: { name: 'unit', include: UNIT } },
      { extends: true, define: { __DEV__: 'false' }, test: { name: 'production', include: PRODUCTION } },
      ...FEATURE_OFF.map((feature) => ({
        extends: true as const,
        define: { __DEV__: 'false', [FEATURE_GLOBALS[feature]]: 'false' },
        test: { name: `production, ${feature} off`, include: PRODUCTION },
      })),
      {
        extends: true,
        define: { __DEV__: 'true' },
        test: {
          name: 'e2e',
          include: [
            'test/e2e/**/*.test.ts',
            'test/browser/**/*.test.ts',
            'test/package/**/*.test.ts',
            'test/docs/**/*.test.ts',
          ],
          globalSetup: ['test/global-setup.ts'],
        },
      },
    ],
  },
})
