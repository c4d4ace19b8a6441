import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/setup.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 20000,
    // the CI summary line is read from this report
    reporters: ['default', ['json', { outputFile: '.vitest-report.json' }]],
  },
})
