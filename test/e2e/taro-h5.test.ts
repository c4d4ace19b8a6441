import { describe, expect, it } from 'vitest'
import { adaptersIn, dynamicCodeIn } from '../harness/examples'
import { taroVariant } from '../harness/taro'
import * as images from '../../example-taro/src/images'
import { describeH5App } from './h5-app'
import { BUILD_MS, built, h5Keys, LIFECYCLE } from './taro-app'
import { withOurKeys } from './taro-object'

// example-taro's H5 build, with webpack5 and with vite, tapped in Chromium; and the same build without the plugin.

let noPlugin: string | undefined
/** example-taro without the plugin (under .tmp/variants; a copy of its own, as taro.test.ts builds its copy meanwhile) */
const withoutPlugin = () => (noPlugin ??= taroVariant('no-plugin-h5'))

// H5: the browser build of the same page, with webpack5 and with vite.
for (const compiler of ['webpack5', 'vite'] as const) {
  describeH5App(
    `Taro ${compiler} h5`,
    images,
    async () => {
      const result = await built({ platform: 'h5', compiler })
      if (!result.ok) throw new Error(`taro build --type h5 failed:\n${result.log.slice(-3000)}`)
      expect(adaptersIn(result.dir)).toEqual(['h5'])
      expect(dynamicCodeIn(result.dir)).toEqual([])
      return result.dir
    },
    LIFECYCLE,
  )
}

describe('adding the plugin changes nothing else in the app: Taro keeps every key it had without it, plus ours', () => {
  it.each([['webpack5'], ['vite']] as const)(
    'h5, %s: the hooks and every other key stay',
    async (compiler) => {
      const without = await h5Keys({ platform: 'h5', compiler, project: withoutPlugin() })
      // Taro's H5 APIs are named exports (babel-plugin-transform-taroapi rewrites `Taro.x`); the object has the hooks
      expect(without).toEqual(expect.arrayContaining(['useLaunch', 'useLoad', 'useDidShow', 'getEnv']))
      expect(await h5Keys({ platform: 'h5', compiler })).toEqual(withOurKeys(without))
    },
    2 * BUILD_MS,
  )
})
