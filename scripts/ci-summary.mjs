// Prints vitest's JSON report as the plain last line CI reads: "N passed, N failed". A run that exited non-zero
// never reads "0 failed": vitest's `success` leaves out unhandled errors, and a step before or after vitest can fail.
import { existsSync, readFileSync } from 'node:fs'

const [file = '.vitest-report.json', status = '0'] = process.argv.slice(2)
const report = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : { numPassedTests: 0, numFailedTests: 0 }
const failedRun = status !== '0' || report.success === false
const failed = Math.max(report.numFailedTests, failedRun ? 1 : 0)
console.log(`${report.numPassedTests} passed, ${failed} failed`)
