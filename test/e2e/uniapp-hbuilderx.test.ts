import { beforeAll, describe, expect, it } from 'vitest'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { outputText } from '../harness/examples'
import { denied } from '../helpers'
import type { UniBuildResult } from './uniapp/build'
import { hbuilderxBuild, hbuilderxProject } from './uniapp/hbuilderx'
import { outputJs, TARGETS } from './uniapp/harness'
import {
  BUILD_MS,
  buildTimes,
  CONFIGURED_GUIDE,
  expectGuidedSave,
  expectHeadlessRecovery,
  expectOnlyOwnAdapter,
  open,
  openRefused,
  useUniSuite,
} from './uniapp/suite'

// A uni-app Vue 3 project shaped as HBuilderX makes it (sources at the root, main.js, vite.config.js beside them,
// JavaScript), built as HBuilderX runs uni's CLI: from the CLI's own folder, UNI_INPUT_DIR naming the project, the
// output in its unpackage/ (docs/en/guide/getting-started.md#hbuilderx).

useUniSuite()

let project: string
beforeAll(async () => {
  project = await hbuilderxProject()
})

describe.each(['mp-weixin', 'mp-alipay'] as const)('HBuilderX, uni build -p %s', (target) => {
  const { platform } = TARGETS[target]
  let build: UniBuildResult

  beforeAll(async () => {
    build = await hbuilderxBuild(project, target)
    buildTimes[`HBuilderX ${target}`] = build.ms
    if (!build.ok) throw new Error(`uni build -p ${target} (HBuilderX) failed:\n${build.log.slice(-3000)}`)
  }, BUILD_MS)

  it('is the project HBuilderX makes, built into its unpackage/ with only its own adapter and its plugin options', () => {
    expect(readFileSync(join(project, 'main.js'), 'utf8')).toContain('createSSRApp')
    // uni honoured UNI_OUTPUT_DIR: the mini-program is in the project's unpackage/, as HBuilderX shows it
    expect(existsSync(join(project, 'unpackage', 'dist', 'build', target, 'app.json'))).toBe(true)
    expect(build.log).not.toContain('[mp-save-image]')
    expectOnlyOwnAdapter(build.dir, platform)
    // the options of the project's vite.config.js, once; main.js, at the project's root, got the API onto uni
    expect(outputText(build.dir).split(CONFIGURED_GUIDE.content).length - 1).toBe(1)
    expect(/\b(index|uni)\.saveImageToAlbum\s*=/.test(outputJs(build.dir)), 'uni.saveImageToAlbum assigned').toBe(true)
  })

  it('saves a URL from uni.saveImageToAlbum', async () => {
    const { app, host } = open(build.dir, target)
    expect(typeof app.uni?.saveImageToAlbum).toBe('function')
    app.tap('Save poster')
    expect(await app.waitForStatus(/^poster: (?!saving)/)).toMatch(/^poster: saved \S+$/)
    expect(host.album.map((entry) => entry.format)).toEqual(['png'])
  })

  it('a refusal: the guide with the configured texts, the settings page, then saved', async () => {
    const { app, host } = openRefused(build.dir, target)
    await expectGuidedSave(app, host)
  })

  it('headless: AUTH_DENIED with no modal, then "Open settings" from the tap → saved', async () => {
    const { app, host } = open(build.dir, target, { permission: denied(platform), settings: 'enable' })
    await expectHeadlessRecovery(app, host)
  })
})
