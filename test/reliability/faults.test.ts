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
// a throw, a delay, a callback that comes after the timeout) at each step of each source kind. Each cell knows its
// code and the exact host calls, and leaves no file behind. Each fact once: a save's documented payloads with one
// source kind (a URL, whose download leaves a file to remove), as the save does not depend on how its file was made;
// guide off as well as on only where the guide can act (a refusal of the album or of the OS).

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

/** The refusals the guide answers: only there does turning it off change what happens. */
const guideActs = (cell: Cell) => cell.code === 'AUTH_DENIED' || cell.code === 'SYSTEM_PERMISSION_DENIED'

const matrix = PLATFORMS.flatMap((platform) =>
  kindsOf(platform).flatMap((kind) =>
    [
      ...(prepareApi(platform, kind) ? prepareCells(platform, kind) : []),
      ...saveCells(platform).filter((cell) => kind === 'URL' || cell.fault.kind !== 'fail'),
    ].flatMap((cell) => (guideActs(cell) ? [true, false] : [true]).map((guide) => ({ platform, kind, cell, guide }))),
  ),
)

describe('the fault matrix', () => {
  it('covers every fault kind, source kind, documented payload and guide setting on every host', () => {
    expect(new Set(matrix.map((row) => row.cell.fault.kind))).toEqual(new Set(['fail', 'hang', 'throw', 'delay']))
    for (const platform of PLATFORMS) {
      const rows = matrix.filter((row) => row.platform === platform)
      expect(new Set(rows.map((row) => row.kind)), platform).toEqual(new Set(kindsOf(platform)))
      for (const [name] of SAVE_FAILURES[platform])
        expect(rows.filter((row) => row.cell.name === `fails: ${name}`).length, `${platform} ${name}`).toBeGreaterThan(
          0,
        )
      // every refusal with the guide off too
      for (const row of rows.filter((row) => guideActs(row.cell)))
        expect(rows.some((other) => other.cell === row.cell && !other.guide)).toBe(true)
    }
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
