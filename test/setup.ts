import { afterEach, expect } from 'vitest'
import { liveHosts } from './helpers'

// Contract: no file is left in the user data folder after any call, whatever happened.
afterEach(async () => {
  for (const host of liveHosts.splice(0)) {
    await host.idle()
    expect(host.userFiles(), `${host.platform}: files left under ${host.userDataPath}`).toEqual([])
    host.uninstall()
  }
})
