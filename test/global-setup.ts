import { findChromium } from './browser/find-chromium'
import { E2E_APPS, installAll, pack } from './harness/examples'

// The end-to-end project's setup, before any of its test files: the browser the H5 tests drive (a missing one
// fails here, at once, saying how to get one), the tarball the example apps install the package from, and every app
// the tests build, installed with it.
export default async function setup() {
  const chromium = await findChromium()
  if (chromium instanceof Error) throw chromium
  // the test workers start after this, with this environment: they use the same browser without looking again
  process.env.CHROMIUM_PATH = chromium.executablePath
  pack()
  await installAll(E2E_APPS)
}
