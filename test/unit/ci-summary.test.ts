import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

// The last line CI prints (scripts/ci-summary.mjs): a run that exited non-zero never says "0 failed".

const dir = mkdtempSync(join(tmpdir(), 'ci-summary-'))
function summary(report: object | null, status: number): string {
  const file = join(dir, `${Math.random().toString(36).slice(2)}.json`)
  if (report) writeFileSync(file, JSON.stringify(report))
  const run = spawnSync(process.execPath, ['scripts/ci-summary.mjs', file, String(status)], { encoding: 'utf8' })
  return run.stdout.trim()
}

describe('the CI summary line', () => {
  it.each([
    ['a green run', { numPassedTests: 5, numFailedTests: 0, success: true }, 0, '5 passed, 0 failed'],
    ['failed tests', { numPassedTests: 5, numFailedTests: 2, success: false }, 1, '5 passed, 2 failed'],
    [
      'an unhandled error with every test green',
      { numPassedTests: 5, numFailedTests: 0, success: true },
      1,
      '5 passed, 1 failed',
    ],
    ['a report that says it failed', { numPassedTests: 5, numFailedTests: 0, success: false }, 0, '5 passed, 1 failed'],
    ['no report: a step before vitest failed', null, 2, '0 passed, 1 failed'],
  ])('%s', (_name, report, status, line) => {
    expect(summary(report, status)).toBe(line)
  })
})
