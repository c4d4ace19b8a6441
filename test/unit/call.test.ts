import { describe, expect, it, vi } from 'vitest'
import type { Done } from '../../src/core/adapter'
import { createQueue } from '../../src/core/queue'
import { TIMED_OUT, watchdog } from '../../src/core/watchdog'
import { decodeBase64, encodeBase64, normalizeBase64 } from '../../src/core/base64'
import { sniffFormat } from '../../src/core/format'
import { createSaveImage } from '../../src/core/api'
import { fixtures } from '../../src/testing'
import { adapterOf, LOCAL_PATH, outcome, PLATFORMS, setup, inAlipayContainer } from '../helpers'

describe('watchdog (the watchdog)', () => {
  it('the first outcome wins; a duplicate callback does not run the late-callback cleanup', async () => {
    const onLate = vi.fn()
    let done!: Done<string>
    const result = watchdog<string>(1000, (cb) => (done = cb), onLate)
    done.success('a')
    done.fail('b')
    done.success('c')
    await expect(result).resolves.toBe('a')
    expect(onLate).not.toHaveBeenCalled()
  })

  it('rejects TIMED_OUT when nothing calls back, and runs onLate for a callback that arrives after', async () => {
    const onLate = vi.fn()
    let done!: Done<string>
    const result = watchdog<string>(10, (cb) => (done = cb), onLate)
    await expect(result).rejects.toBe(TIMED_OUT)
    done.success('too late')
    expect(onLate).toHaveBeenCalledTimes(1)
  })

  it('a host API that throws rejects with what it threw, as a failure callback rejects with its payload', async () => {
    const thrown = new TypeError('no')
    const threw = await outcome(
      watchdog(1000, () => {
        throw thrown
      }),
    )
    expect(threw.ok ? null : threw.error).toBe(thrown)
    const payload = { errMsg: 'saveImageToPhotosAlbum:fail auth deny' }
    const failed = await outcome(watchdog(1000, (done) => done.fail(payload)))
    expect(failed.ok ? null : failed.error).toBe(payload)
  })
})

describe('createQueue', () => {
  it('runs one task at a time in order, and a failed task frees the queue', async () => {
    const run = createQueue()
    const log: string[] = []
    const task =
      (name: string, fail = false) =>
      async () => {
        log.push(`start ${name}`)
        await new Promise((resolve) => setTimeout(resolve, 5))
        log.push(`end ${name}`)
        if (fail) throw new Error(name)
        return name
      }
    const results = await Promise.allSettled([run(task('a')), run(task('b', true)), run(task('c'))])
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled'])
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c'])
  })
})

describe('base64 and format sniffing', () => {
  it.each(Object.entries(fixtures).filter(([name]) => !['svg', 'html', 'mp4', 'mov'].includes(name)))(
    'round-trips and sniffs %s',
    (name, bytes) => {
      const text = encodeBase64(bytes)
      expect(decodeBase64(normalizeBase64(text)!)).toEqual(bytes)
      expect(sniffFormat(bytes)).toBe(name)
    },
  )

  it('normalises unpadded, URL-safe and wrapped text, and refuses what is not base64', () => {
    expect(normalizeBase64('YWJj\nZA')).toBe('YWJjZA==')
    expect(normalizeBase64('-_-_')).toBe('+/+/')
    expect(normalizeBase64('YWJjZA=')).toBeNull()
    expect(normalizeBase64('YQ')).toBe('YQ==')
    expect(normalizeBase64('Y')).toBeNull()
    expect(normalizeBase64('')).toBeNull()
    expect(normalizeBase64('ab$c')).toBeNull()
  })

  it('does not mistake text or SVG for an image', () => {
    expect(sniffFormat(fixtures.svg)).toBeNull()
    expect(sniffFormat(fixtures.html)).toBeNull()
    expect(sniffFormat(new TextEncoder().encode('BMW is a car brand'))).toBeNull()
  })
})

describe.each(PLATFORMS)('no usable host on %s', (platform) => {
  it('rejects UNSUPPORTED_PLATFORM when the global is missing, after validating the input', async () => {
    const api = createSaveImage(() => adapterOf(platform))
    await expect(api.saveImageToAlbum(LOCAL_PATH)).rejects.toMatchObject({ code: 'UNSUPPORTED_PLATFORM', platform })
    await expect(api.saveImageToAlbum('ftp://x/a.png')).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' })
    await expect(api.openAlbumSetting()).rejects.toMatchObject({ code: 'UNSUPPORTED_PLATFORM' })
    const batch = await api.saveImagesToAlbum([LOCAL_PATH])
    expect(batch[0]).toMatchObject({ ok: false, error: { code: 'UNSUPPORTED_PLATFORM' } })
  })

  it('rejects UNSUPPORTED_PLATFORM when the host lacks every save API, with no host call', async () => {
    const { host, api } = setup(platform, { permission: 'granted' })
    delete (host.api as Record<string, unknown>).saveImageToPhotosAlbum
    delete host.api.saveImage
    await expect(api.saveImageToAlbum(LOCAL_PATH)).rejects.toMatchObject({ code: 'UNSUPPORTED_PLATFORM' })
    expect(host.calls).toEqual([])
  })

  // the Alipay container writes base64 through downloadFile, not a file system manager
  it.runIf(!inAlipayContainer(platform))(
    'a host without a file system manager gives UNSUPPORTED_PLATFORM for base64, not a crash',
    async () => {
      const { host, api } = setup(platform, { permission: 'granted' })
      delete (host.api as Record<string, unknown>).getFileSystemManager
      await expect(api.saveImageToAlbum({ base64: encodeBase64(fixtures.png) })).rejects.toMatchObject({
        code: 'UNSUPPORTED_PLATFORM',
      })
    },
  )
})
