import { saveSource, type Run, type SaveResult } from './core'
import type { ErrorCode, SaveImageError } from './errors'
import type { Prepared } from './prepare'
import type { MediaOutcome } from './types'
import { parse } from './invalid'
import type { Settings } from './settings'
import { parseBatch, parseBatchItem } from './validate'
import { safely } from './safely'

/** Failures of one file, rather than of the permission or the host: a batch saved in one call retries them one by one. */
const FILE_CODES: readonly ErrorCode[] = ['FILE_NOT_FOUND', 'UNSUPPORTED_FORMAT', 'INVALID_ARGUMENT', 'UNKNOWN']

/** A prepared image of a batch saved in one host call, by its place in the batch. */
interface Ready {
  index: number
  file: Prepared
}

type Report = (index: number, outcome: MediaOutcome) => void

/**
 * `saveImagesToAlbum`: `concurrency` workers prepare the images, saves run one at a time (the saver's queue), and
 * every image gets its own outcome, in input order. Where the client saves several files in one call, the workers
 * only prepare; the files are then saved in that one call.
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
  const saveMany = items.length > 1 ? run.saveMany() : undefined
  const ready: Ready[] = []
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const index = next++
      try {
        const { source, settings } = parse(context.platform, () =>
          parseBatchItem(items[index], index, context, batch, media),
        )
        if (saveMany) ready.push({ index, file: await run.prepare(source, settings) })
        else report(index, { ok: true, result: await saveSource(run, source, settings) })
      } catch (error) {
        report(index, { ok: false, error: error as SaveImageError })
      }
    }
  }
  await run.withLoading(items.length ? batch.loading : null, async () => {
    await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker))
    if (saveMany)
      await saveManyOf(
        run,
        saveMany,
        ready.sort((a, b) => a.index - b.index),
        batch,
        report,
      )
  })
  return results
}

type SaveMany = NonNullable<ReturnType<Run['saveMany']>>

/**
 * The prepared files saved in the host's one call, then removed. A file the host refuses fails the whole call: then
 * each is saved alone, for its own outcome.
 */
async function saveManyOf(
  run: Run,
  saveMany: SaveMany,
  ready: Ready[],
  settings: Settings,
  report: Report,
): Promise<void> {
  const files = ready.map(({ file }) => file)
  const alone = () => Promise.all(files.map((file) => settle(run.save(file, settings))))
  let outcomes: MediaOutcome[]
  try {
    outcomes =
      files.length < 2 ? await alone() : (await saveMany(files, settings)).map((result) => ({ ok: true, result }))
  } catch (failure) {
    const error = failure as SaveImageError
    outcomes = FILE_CODES.indexOf(error.code) < 0 ? files.map(() => ({ ok: false, error })) : await alone()
  }
  for (const file of files) file.release()
  outcomes.forEach((outcome, k) => report(ready[k]!.index, outcome))
}
const settle = (saving: Promise<SaveResult>): Promise<MediaOutcome> =>
  saving.then(
    (result) => ({ ok: true, result }),
    (error: SaveImageError) => ({ ok: false, error }),
  )
