import { describe, expect, it } from 'vitest'
import type { ErrorCode } from '../../src/core/errors'
import { fixtures, toBase64, toDataUri, type Fault, type SimulatedPlatform } from '../../src/testing'
import { DOWNLOAD_FAILURES, SAVE_FAILURES, WRITE_FAILURES } from '../host-payloads'
import {
  GUIDES_ITSELF,
  inAlipayContainer,
  LOCAL_PATH,
  NO_BASE64,
  outcome,
  PLATFORMS,
  POSTER_URL,
  setup,
} from '../helpers'
import { profileOf } from '../../src/testing/profiles'

// The fault matrix: every fault the simulated hosts inject (a failure with each documented payload, a hang,
// a throw, a delay, a callback that comes after the timeout) × every source kind × guide on and off. Each
// cell knows its code and the exact host calls, and leaves no file behind.

const TIMEOUT = 25
const SOURCES = {
  URL: POSTER_URL,
  'data URI': toDataUri(fixtures.png, 'image/png'),
  base64: { base64: toBase64(fixtures.png) },
  'local path': LOCAL_PATH,
} as const
type SourceKind = keyof typeof SOURCES

/** The host API each source kind prepares with, if any (Alipay writes base64 by downloading the data URI). */
function prepareApi(platform: SimulatedPlatform, kind: SourceKind): string | null {
  if (kind === 'URL') return 'downloadFile'
  if (kind === 'local path') return null
  return inAlipayContainer(platform) ? 'downloadFile' : 'fs.writeFile'
}

type Step = 'prepare' | 'save'
interface Cell {
  name: string
  step: Step
  fault: Fault
  /** The code, or null for a save that succeeds. */
  code: ErrorCode | null
}

/** A failure of the prepare step is that step's code whatever the host said (see core/create.ts). */
function prepareCells(platform: SimulatedPlatform, kind: SourceKind): Cell[] {
  const download = kind === 'URL'
  const failures = download
    ? DOWNLOAD_FAILURES[platform].map((payload): [string, Record<string, unknown>, ErrorCode] => [
        JSON.stringify(payload),
        payload,
        'DOWNLOAD_FAILED',
      ])
    : WRITE_FAILURES[platform]
  const stepCode: ErrorCode = download ? 'DOWNLOAD_FAILED' : 'FILE_WRITE_FAILED'
  return [
    ...failures.map(([name, payload, code]): Cell => ({
      name: `fails: ${name}`,
      step: 'prepare',
      fault: { kind: 'fail', payload },
      code,
    })),
    { name: 'hangs', step: 'prepare', fault: { kind: 'hang' }, code: 'TIMEOUT' },
    { name: 'throws', step: 'prepare', fault: { kind: 'throw' }, code: stepCode },
    { name: 'is slow', step: 'prepare', fault: { kind: 'delay', ms: 5 }, code: null },
    {
      name: 'calls back after the timeout',
      step: 'prepare',
      fault: { kind: 'delay', ms: TIMEOUT * 2 },
      code: 'TIMEOUT',
    },
  ]
}

function saveCells(platform: SimulatedPlatform): Cell[] {
  return [
    ...SAVE_FAILURES[platform].map(([name, payload, code]): Cell => ({
      name: `fails: ${name}`,
      step: 'save',
      fault: { kind: 'fail', payload },
      code,
    })),
    { name: 'hangs', step: 'save', fault: { kind: 'hang' }, code: 'TIMEOUT' },
    { name: 'throws', step: 'save', fault: { kind: 'throw' }, code: 'UNKNOWN' },
    { name: 'is slow', step: 'save', fault: { kind: 'delay', ms: 5 }, code: null },
    { name: 'calls back after the timeout', step: 'save', fault: { kind: 'delay', ms: TIMEOUT * 2 }, code: 'TIMEOUT' },
  ]
}

/** The host calls a cell makes: prepare, save, and on a denial with the guide on: modal, settings, one retry (none where the host guides itself). */
function expectedCalls(platform: SimulatedPlatform, kind: SourceKind, cell: Cell, guide: boolean): string[] {
  const prepare = prepareApi(platform, kind)
  const calls = prepare ? [prepare] : []
  if (cell.step === 'prepare' && cell.code) return calls
  calls.push('saveImageToPhotosAlbum')
  if (guide && cell.code === 'AUTH_DENIED' && !GUIDES_ITSELF.includes(platform))
    calls.push(inAlipayContainer(platform) ? 'confirm' : 'showModal', 'openSetting', 'saveImageToPhotosAlbum')
  // the phone's settings for the host app, where the host documents the page (WeChat)
  if (guide && cell.code === 'SYSTEM_PERMISSION_DENIED' && profileOf(platform).opensAppSettings)
    calls.push('showModal', 'openAppAuthorizeSetting', 'saveImageToPhotosAlbum')
  // a format the save refuses is redrawn on an offscreen canvas where the host has one, written, saved again
  if (cell.code === 'UNSUPPORTED_FORMAT' && cell.step !== 'prepare' && profileOf(platform).offscreenCanvas)
    calls.push('fs.writeFile', 'saveImageToPhotosAlbum')
  return calls
}

/** The source kinds a host can save: one that cannot write base64 (Xiaohongshu) is tested on that in the contract suite. */
const kindsOf = (platform: SimulatedPlatform) =>
  (Object.keys(SOURCES) as SourceKind[]).filter(
    (kind) => !NO_BASE64.includes(platform) || kind === 'URL' || kind === 'local path',
  )

/** Guide on and off; a build without the guide takes no guide option, so only off. */
const GUIDE_SETTINGS = [true, false]

const matrix = PLATFORMS.flatMap((platform) =>
  kindsOf(platform).flatMap((kind) =>
    [...(prepareApi(platform, kind) ? prepareCells(platform, kind) : []), ...saveCells(platform)].flatMap((cell) =>
      GUIDE_SETTINGS.map((guide) => ({ platform, kind, cell, guide })),
    ),
  ),
)

describe('the fault matrix', () => {
  it('covers every fault kind, source kind and guide setting on every host', () => {
    expect(new Set(matrix.map((row) => row.cell.fault.kind))).toEqual(new Set(['fail', 'hang', 'throw', 'delay']))
    expect(new Set(matrix.map((row) => `${row.platform} ${row.kind} ${row.guide}`)).size).toBe(
      PLATFORMS.reduce((sum, platform) => sum + kindsOf(platform).length * GUIDE_SETTINGS.length, 0),
    )
    expect(matrix.length).toBeGreaterThan(400 / (2 / GUIDE_SETTINGS.length))
  })

  it.each(
    matrix.map(
      (row) =>
        [
          `${row.platform} · ${row.kind} · ${row.cell.step} ${row.cell.name} · guide ${row.guide ? 'on' : 'off'}`,
          row,
        ] as const,
    ),
  )('%s', async (_name, { platform, kind, cell, guide }) => {
    const { host, api } = setup(platform, { permission: 'granted', modal: 'confirm', settings: 'enable' })
    host.fault(cell.step === 'save' ? 'saveImageToPhotosAlbum' : prepareApi(platform, kind)!, cell.fault)
    const source = SOURCES[kind]
    const result = await outcome(
      api.saveImageToAlbum({ ...(typeof source === 'string' ? { src: source } : source), guide, timeout: TIMEOUT }),
    )
    if (cell.code === null) {
      expect(result.ok && result.value.mode).toBe('album')
    } else {
      expect(result.ok ? 'saved' : result.error.code).toBe(cell.code)
      if (cell.fault.kind === 'fail') expect(result.ok ? null : result.error.raw).toBe(cell.fault.payload)
    }
    // the late callbacks arrive, and whatever they wrote is removed (test/setup.ts checks the folder too)
    await new Promise((resolve) => setTimeout(resolve, cell.fault.kind === 'delay' ? TIMEOUT * 2 : 0))
    await host.idle()
    expect(host.asyncCalls()).toEqual(expectedCalls(platform, kind, cell, guide))
    expect(host.userFiles()).toEqual([])
  })
})
