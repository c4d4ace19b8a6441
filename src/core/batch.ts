import type { Run, SaveResult } from './core'
import type { ErrorCode, SaveImageError } from './errors'
import type { Prepared } from './prepare'
import type { MediaOutcome } from './types'
import { parse } from './invalid'
import type { Source } from './source'
import type { Settings } from './settings'
import { parseBatch, parseBatchItem } from './validate'
import { safely } from './watchdog'

/** Failures of one file, rather than of the permission or the host: a batch saved in one call retries them one by one. */
const FILE_CODES: readonly ErrorCode[] = ['FILE_NOT_FOUND', 'UNSUPPORTED_FORMAT', 'INVALID_ARGUMENT', 'UNKNOWN']

/** A prepared image of a batch saved in one host call, by its place in the batch. */
interface Ready {
  index: number
  file: Prepared
}

type Report = (index: number, outcome: MediaOutcome) => void

/** A source prepared, saved, and its files of ours removed whatever happened. */
export async function saveSource(run: Run, source: Source, settings: Settings): Promise<SaveResult> {
  const file = await run.prepare(source, settings)
  try {
    return await run.save(file, settings)
  } finally {
    file.release()
  }
}

/**
 * `saveImagesToAlbum`: `concurrency` workers prepare the images, saves run one at a time (the saver's queue), and
 * every image gets its own outcome, in input order. Where the client saves several files in one call, the workers
 * only prepare; the files are then saved together.
 */
export async function saveAll(run: Run, sources: unknown, options: unknown, media?: boolean): Promise<MediaOutcome[]> {
  const { context } = run
  const { items, concurrency, onProgress, ...batch } = parse(context.platform, () =>
    parseBatch(sources, options, context),
  )
  const results: MediaOutcome[] = []
  let done = 0
  const report: Report = (index, outcome) => {
    results[index] = outcome
    safely(onProgress, {
      done: ++done,
      total: items.length,
      index,
      ...(outcome.ok ? { result: outcome.result } : { error: outcome.error }),
    })
  }
  const together = items.length > 1 ? run.together() : undefined
  const ready: Ready[] = []
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const index = next++
      try {
        const { source, settings } = parse(context.platform, () =>
          parseBatchItem(items[index], index, context, batch, media),
        )
        if (together) ready.push({ index, file: await run.prepare(source, settings) })
        else report(index, { ok: true, result: await saveSource(run, source, settings) })
      } catch (error) {
        report(index, { ok: false, error: error as SaveImageError })
      }
    }
  }
  await run.withLoading(items.length ? batch.loading : null, async () => {
    await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker))
    if (together)
      await saveReady(
        run,
        together,
        ready.sort((a, b) => a.index - b.index),
        batch,
        report,
      )
  })
  return results
}

type Together = NonNullable<ReturnType<Run['together']>>

/** The prepared images saved in one host call, then their files removed. */
async function saveReady(
  run: Run,
  together: Together,
  ready: Ready[],
  settings: Settings,
  report: Report,
): Promise<void> {
  const outcomes = await saveInOneCall(
    run,
    together,
    ready.map(({ file }) => file),
    settings,
  )
  for (const { file } of ready) file.release()
  outcomes.forEach((outcome, k) => report(ready[k].index, outcome))
}

/** A file the host refuses fails the whole call: then each is saved alone, for its own outcome. */
async function saveInOneCall(
  run: Run,
  together: Together,
  files: Prepared[],
  settings: Settings,
): Promise<MediaOutcome[]> {
  const alone = () => Promise.all(files.map((file) => settle(run.save(file, settings))))
  if (files.length < 2) return alone()
  try {
    return (await together(files, settings)).map((result) => ({ ok: true, result }))
  } catch (failure) {
    const error = failure as SaveImageError
    return FILE_CODES.indexOf(error.code) < 0 ? files.map(() => ({ ok: false, error })) : alone()
  }
}
const settle = (saving: Promise<SaveResult>): Promise<MediaOutcome> =>
  saving.then(
    (result) => ({ ok: true, result }),
    (error: SaveImageError) => ({ ok: false, error }),
  )
