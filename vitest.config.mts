import { defineConfig } from 'vitest/config'
import { BaseSequencer, type TestSpecification } from 'vitest/node'

/**
 * The features a plugin can leave out of a build, as src/build/defaults.ts's FEATURE_GLOBALS names them
 * (test/unit/build.test.ts holds the two lists equal). Not imported from there: this package is CommonJS, so Vite's
 * config loader would warn about every TypeScript module the config imports.
 */
export const FEATURE_OFF = ['privacy', 'guide', 'canvas', 'convert', 'video']

// Each fact is tested once, in the project where it can differ.
// - `unit`: the core, the adapters and the simulated hosts in the development build (`__DEV__`, src/core/dev.d.ts:
//   every error explained), fast and self-contained (no build, no tarball, no browser).
// - `production`: what the production build (dist/prod) changes: validation without its messages, and the codes and
//   `errMsg` a release app sees, through the contract and the bad-input, call and fuzz suites.
// - `production, <feature> off`: what leaving one feature out changes (test/integration/features.test.ts). The project
//   names the feature in MP_SAVE_IMAGE_OFF, so the suite checks the adapters' shape against the project, not against
//   the flag it builds with; test/unit/features.test.ts checks the shipped bundle for the feature's code.
// - `e2e`: the built package, the example apps built by the real CLIs, real Chromium.
const UNIT = [
  'test/unit/**/*.test.ts',
  'test/integration/**/*.test.ts',
  'test/reliability/**/*.test.ts',
  'test/testing/**/*.test.ts',
]
const PRODUCTION = [
  'test/integration/contract-*.test.ts',
  'test/integration/host-errors.test.ts',
  'test/integration/features.test.ts',
  'test/reliability/fuzz.test.ts',
  'test/unit/bad-input.test.ts',
  'test/unit/call.test.ts',
]

/**
 * The files that take longest (real CLI builds, several minutes each), measured on a fresh clone. Started first, so
 * the short ones fill the other worker around them: without a timing cache (a fresh clone, CI), vitest starts the
 * biggest files first, and taro-apps, small but the longest, would start minutes late and end last.
 */
const LONGEST = ['taro-apps', 'taro', 'uniapp', 'uniapp-vue2'].map((name) => `/test/e2e/${name}.test.ts`)

class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (file: TestSpecification) => {
      const index = LONGEST.findIndex((end) => file.moduleId.endsWith(end))
      return index < 0 ? LONGEST.length : index
    }
    // Array.prototype.sort is stable: the others keep vitest's own order
    return (await super.sort(files)).sort((a, b) => rank(a) - rank(b))
  }
}

export default defineConfig({
  test: {
    setupFiles: ['test/setup.ts'],
    testTimeout: 20000,
    // both cores: the e2e builds wait on the CLIs' child processes as much as they compute
    maxWorkers: 2,
    sequence: { sequencer: LongestFirst },
    // the CI summary line is read from this report
    reporters: ['default', ['json', { outputFile: '.vitest-report.json' }]],
    projects: [
      { extends: true, define: { __DEV__: 'true' }, test: { name: 'unit', include: UNIT } },
      { extends: true, define: { __DEV__: 'false' }, test: { name: 'production', include: PRODUCTION } },
      ...FEATURE_OFF.map((feature) => ({
        extends: true as const,
        define: { __DEV__: 'false', [`__MP_SAVE_IMAGE_${feature.toUpperCase()}__`]: 'false' },
        test: {
          name: `production, ${feature} off`,
          include: ['test/integration/features.test.ts'],
          env: { MP_SAVE_IMAGE_OFF: feature },
        },
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
