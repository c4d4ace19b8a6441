// Prints vitest's JSON report as the plain last line CI reads: "N passed, N failed".
import { existsSync, readFileSync } from 'node:fs'

const [file = '.vitest-report.json', status = '0'] = process.argv.slice(2)
if (!existsSync(file)) {
  // the run stopped before vitest (type check or build): count that as one failure
  console.log(`0 passed, ${status === '0' ? 0 : 1} failed`)
} else {
  const report = JSON.parse(readFileSync(file, 'utf8'))
  const failed = report.numFailedTests + (report.success || report.numFailedTests ? 0 : 1)
  console.log(`${report.numPassedTests} passed, ${failed} failed`)
}
