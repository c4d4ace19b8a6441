import { beforeAll } from 'vitest'
import { appsInstalled } from './harness/examples'

// Each e2e file starts once the apps it builds are installed (test/global-setup.ts installs them in the background).
beforeAll(() => appsInstalled(), 15 * 60_000)
