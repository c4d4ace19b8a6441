import { afterEach, describe, expect, it, vi } from 'vitest'
import { FEATURE_GLOBALS } from '../../src/build/defaults'
import { HOSTS, type PlatformId } from '../../src/hosts'
import { bundleHost, minify } from '../harness/variants'

// What a build plugin's feature flags do (src/core/features.ts): a feature left out is gone from the bundle the app
// ships, and in development a call that asks for it says which plugin option to change. The behaviour of each
// production variant is test/integration/features.test.ts, run once per variant.

type Feature = keyof typeof FEATURE_GLOBALS
const FEATURES = Object.keys(FEATURE_GLOBALS) as Feature[]

/** The plugin options that leave exactly these features out (privacy and video are out unless turned on). */
const optionsWithout = (off: readonly Feature[]) => ({
  privacy: !off.includes('privacy'),
  video: !off.includes('video'),
  ...(off.includes('guide') && { guide: false }),
  ...(off.includes('canvas') && { canvas: false }),
  ...(off.includes('convert') && { convert: false }),
})

/** A host's entry as an app's production build bundles it, minified, with these features left out. */
const bundle = async (id: PlatformId, off: readonly Feature[]) =>
  minify(await bundleHost(id, optionsWithout(off), 'source'))

/** What only each feature's code holds: the host APIs it calls, and its own texts and option names. */
const MARKS: Record<Feature, RegExp> = {
  privacy: /requirePrivacyAuthorize/,
  guide: /showModal|confirmButtonText|保存图片需要访问您的相册/,
  // a canvas source's own code (an image redrawn for a format the host refuses draws on a canvas of its own)
  canvas: /canvasToTempFilePath|canvas-id/,
  convert: /createOffscreenCanvas|redraw:fail/,
  // the host's video save, and what tells a video body from a page
  video: /saveVideoToPhotosAlbum|saveVideoToAlbum:ok|video\/quicktime|Z0eX/,
}
/** Hosts that have each feature at all: a privacy step (WeChat, Douyin), a guide (a modal of ours), canvases. */
const HAS: Record<Feature, (id: PlatformId) => boolean> = {
  privacy: (id) => id === 'weapp' || id === 'tt',
  guide: (id) => !['h5', 'harmony-hybrid', 'app-harmony'].includes(id),
  canvas: () => true,
  // the hosts that document a 2D canvas to redraw on: WeChat, and a browser (H5, and the web page Taro's HarmonyOS
  // NEXT build is without its bridge)
  convert: (id) => ['weapp', 'h5', 'harmony-hybrid'].includes(id),
  video: () => true,
}

describe.each(HOSTS.map((host) => host.id))('the %s entry', (id) => {
  it.each(FEATURES.filter((feature) => HAS[feature](id)))(
    'holds %s code with every feature in, and none of it with the feature left out',
    async (feature) => {
      expect(await bundle(id, [])).toMatch(MARKS[feature])
      const without = await bundle(id, [feature])
      expect(without).not.toMatch(MARKS[feature])
      // the other features are still in
      for (const other of FEATURES.filter((name) => name !== feature && HAS[name](id)))
        expect(without, other).toMatch(MARKS[other])
    },
  )
})

describe('in development, a call that asks for a feature the build left out', () => {
  afterEach(() => {
    for (const name of Object.values(FEATURE_GLOBALS)) delete (globalThis as Record<string, unknown>)[name]
    vi.resetModules()
  })

  /** The WeChat API of a fresh core, with these features left out (the flags are read when the modules load). */
  async function without(...off: Feature[]) {
    for (const feature of off) (globalThis as Record<string, unknown>)[FEATURE_GLOBALS[feature]] = false
    vi.resetModules()
    const [{ createSaveImage }, { adapter }] = await Promise.all([
      import('../../src/core/api'),
      import('../../platforms/weapp'),
    ])
    return createSaveImage(() => adapter)
  }

  it.each([
    [
      'privacy',
      { src: '/a.png', privacy: true },
      /leave out the privacy step: set privacy: true in the plugin's options/,
    ],
    ['guide', { src: '/a.png', guide: true }, /leave out the guide: remove guide: false from the plugin's options/],
    ['guide', { src: '/a.png', guide: { title: '提示' } }, /leave out the guide/],
    ['canvas', { canvasId: 'poster' }, /leave out canvas sources: remove canvas: false from the plugin's options/],
  ] as const)('%s: %j rejects INVALID_ARGUMENT naming the plugin option', async (feature, input, message) => {
    const api = await without(feature)
    const error = await api.saveImageToAlbum(input).catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'INVALID_ARGUMENT', platform: 'weapp' })
    expect((error as Error).message).toMatch(message)
  })

  it('without conversion, an SVG is UNSUPPORTED_FORMAT naming the plugin option', async () => {
    const api = await without('convert')
    const error = await api.saveImageToAlbum('https://cdn.example.com/qr.svg').catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'UNSUPPORTED_FORMAT', platform: 'weapp' })
    expect((error as Error).message).toMatch(/leave out conversion: remove convert: false from the plugin's options/)
  })

  it('without videos, saveVideoToAlbum and saveMediaToAlbum reject INVALID_ARGUMENT naming the plugin option', async () => {
    const api = await without('video')
    const fail = vi.fn()
    const single = await api.saveVideoToAlbum({ src: 'https://cdn.example.com/a.mp4', fail }).catch((e: unknown) => e)
    const batch = await api.saveMediaToAlbum(['https://cdn.example.com/a.mp4']).catch((e: unknown) => e)
    for (const error of [single, batch]) {
      expect(error).toMatchObject({ code: 'INVALID_ARGUMENT', platform: 'weapp' })
      expect((error as Error).message).toMatch(/leave out videos: set video: true in the plugin's options/)
    }
    expect(fail).toHaveBeenCalledWith(single)
  })

  it('without the guide, a call without the option has it off: no rejection for it', async () => {
    const api = await without('guide')
    // no host on the global: the call gets as far as the host, past every check of its options
    await expect(api.saveImageToAlbum('/a.png')).rejects.toMatchObject({ code: 'UNSUPPORTED_PLATFORM' })
  })
})
