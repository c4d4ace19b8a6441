import { findChromium } from './browser/find-chromium'
import { E2E_APPS, pack, startInstallAll } from './harness/examples'

// The end-to-end project's setup, before any of its test files: the browser the H5 tests drive (a missing one
// fails here, at once, saying how to get one), the tarball the example apps install the package from, and the start of
// their installs, which go on in the background.
export default async function setup() {
  const chromium = await findChromium()
  if (chromium instanceof Error) throw chromium
  // the test workers start after this, with this environment: they use the same browser without looking again
  process.env.CHROMIUM_PATH = chromium.executablePath
  pack()
  // in the background: the unit projects run first (the e2e project's groupOrder); each e2e file waits for it
  startInstallAll(E2E_APPS)
}
