import type { Scheduler } from './scheduler'
import type { AsyncReturn, CallbackOptions, CallRecord, DownloadTask, Fault, HostResult } from './types'

/** A settle() result meaning "this call never calls back". */
export const HANG = 'hang'
export interface Settled {
  ok: boolean
  res: HostResult
  /** the success/complete callbacks run inside a user gesture (a modal button press is a tap) */
  gesture?: boolean
}
export type Outcome = Settled | typeof HANG

/** What an async API decides at call time; settle() runs when the host answers (or starts waiting for the user). */
export interface Plan {
  delay?: number
  settle(): Outcome | Promise<Outcome>
}

interface Started {
  /** set when the API was called without any callback and is promisified */
  promise: Promise<HostResult> | undefined
  /** fails the call now unless it already answered */
  abort(res: HostResult): void
}

interface Sink {
  resolve(res: HostResult): void
  reject(res: HostResult): void
}

interface FaultEntry {
  fault: Fault
  left: number
}

/** Builds the Error a host throws from a sync API: the payload's fields ride along on it. */
export function hostError(payload: Record<string, unknown>): Error {
  const text = payload.errMsg ?? payload.errorMessage ?? 'fail'
  return Object.assign(new Error(String(text)), payload)
}

function asOptions(value: unknown): CallbackOptions {
  return value !== null && typeof value === 'object' ? (value as CallbackOptions) : {}
}

function hasCallback(opts: CallbackOptions): boolean {
  return typeof opts.success === 'function' || typeof opts.fail === 'function' || typeof opts.complete === 'function'
}

/** What a task's plan can tell its listeners before it answers (a download's headers, its progress). */
export interface TaskEvents {
  progress(res: HostResult): void
  headers(res: HostResult): void
}

/** A task object with its listeners; `events` reaches them. */
function makeTask(): { task: DownloadTask; events: TaskEvents; abort?: () => void } {
  const progress = new Set<(res: HostResult) => void>()
  const headers = new Set<(res: HostResult) => void>()
  const off = (set: Set<(res: HostResult) => void>) => (listener?: (res: HostResult) => void) =>
    listener ? set.delete(listener) : set.clear()
  const out: { task: DownloadTask; events: TaskEvents; abort?: () => void } = {
    task: {
      abort: () => out.abort && out.abort(),
      onProgressUpdate: (listener) => progress.add(listener),
      offProgressUpdate: off(progress),
      onHeadersReceived: (listener) => headers.add(listener),
      offHeadersReceived: off(headers),
    },
    events: {
      progress: (res) => progress.forEach((listener) => listener(res)),
      headers: (res) => headers.forEach((listener) => listener(res)),
    },
  }
  return out
}

/** Logs every call, applies injected faults and delivers callbacks for one simulated host. */
export class CallDesk {
  readonly calls: CallRecord[] = []
  readonly errors: unknown[] = []
  private readonly faults = new Map<string, FaultEntry[]>()

  constructor(
    private readonly scheduler: Scheduler,
    private readonly latency: () => number,
    private readonly label: (api: string) => string,
  ) {}

  fault(api: string, fault: Fault, times = Infinity): void {
    const list = this.faults.get(api) ?? []
    list.push({ fault, left: times })
    this.faults.set(api, list)
  }

  /** An async API: logged as 'async', answered after `latency` (+ plan.delay); `promise`: see AsyncReturn. */
  asyncApi(
    api: string,
    impl: (opts: CallbackOptions, args: unknown[]) => Plan,
    promise = false,
  ): (options?: CallbackOptions) => AsyncReturn {
    return (...args: unknown[]) => this.start(api, args, impl, promise).promise
  }

  /**
   * An async API that returns a task whose abort() fails the call with `abortPayload()` (downloadFile); its plan can
   * tell the task's listeners of headers and progress before it answers.
   */
  taskApi(
    api: string,
    impl: (opts: CallbackOptions, events: TaskEvents) => Plan,
    abortPayload: () => HostResult,
  ): (options: CallbackOptions) => DownloadTask {
    return (...args: unknown[]) => {
      const made = makeTask()
      const call = this.start(api, args, (opts) => impl(opts, made.events), false)
      made.abort = () => call.abort(abortPayload())
      return made.task
    }
  }

  /** A sync API: logged as 'sync'; a 'fail' fault throws the payload, 'hang'/'delay' do not apply. */
  syncApi<A extends unknown[], R>(api: string, impl: (...args: A) => R): (...args: A) => R {
    return (...args: A): R => {
      this.record(api, 'sync', args)
      const fault = this.takeFault(api)
      if (fault && fault.kind === 'throw') throw this.thrown(api, fault.error)
      if (fault && fault.kind === 'fail') throw hostError(fault.payload)
      return impl(...args)
    }
  }

  /** Sync UI APIs (showLoading…) still call their optional callbacks, after `latency`. */
  notify(opts: CallbackOptions, res: HostResult): void {
    if (!hasCallback(opts)) return
    this.scheduler.later(this.latency(), () => this.respond(opts, { ok: true, res }))
  }

  optionsOf(value: unknown): CallbackOptions {
    return asOptions(value)
  }

  private start(
    api: string,
    args: unknown[],
    impl: (opts: CallbackOptions, args: unknown[]) => Plan,
    promised: boolean,
  ): Started {
    this.record(api, 'async', args)
    const opts = asOptions(args[0])
    const fault = this.takeFault(api)
    if (fault && fault.kind === 'throw') throw this.thrown(api, fault.error)
    let sink: Sink | undefined
    const promise =
      promised && !hasCallback(opts)
        ? new Promise<HostResult>((resolve, reject) => (sink = { resolve, reject }))
        : undefined
    let settled = false
    let cancel: (() => boolean) | undefined
    const deliver = (out: Settled): void => {
      settled = true
      this.respond(opts, out, sink)
    }
    const schedule = (ms: number, settle: () => Outcome | Promise<Outcome>): void => {
      cancel = this.scheduler.later(this.latency() + ms, () => {
        const out = settle()
        // a plan that waits for the user (a privacy popup) answers when the user does, unless aborted first
        if (out instanceof Promise) void out.then((later) => later !== HANG && !settled && deliver(later))
        else if (out !== HANG) deliver(out)
      })
    }
    // A 'hang' fault never calls back, not even on abort(); a hanging *response* can still be aborted.
    if (fault && fault.kind === 'hang') settled = true
    else if (fault && fault.kind === 'fail') schedule(0, () => ({ ok: false, res: fault.payload }))
    else {
      const plan = impl(opts, args)
      schedule((plan.delay ?? 0) + (fault && fault.kind === 'delay' ? fault.ms : 0), () => plan.settle())
    }
    // abort() answers asynchronously too, like every other callback of the host.
    const abort = (res: HostResult): void => {
      if (settled) return
      settled = true
      if (cancel) cancel()
      this.scheduler.later(this.latency(), () => this.respond(opts, { ok: false, res }, sink))
    }
    return { promise, abort }
  }

  private record(api: string, kind: CallRecord['kind'], args: unknown[]): void {
    this.calls.push({ api, kind, args: args.length <= 1 ? args[0] : args })
  }

  private takeFault(api: string): Fault | undefined {
    const list = this.faults.get(api)
    const entry = list && list[0]
    if (!list || !entry) return undefined
    entry.left--
    if (entry.left <= 0) list.shift()
    return entry.fault
  }

  private thrown(api: string, error: unknown): unknown {
    return error !== undefined ? error : new Error(`${this.label(api)}: simulated throw`)
  }

  private respond(opts: CallbackOptions, out: Settled, sink?: Sink): void {
    const gesture = out.ok && out.gesture === true
    this.invoke(out.ok ? opts.success : opts.fail, out.res, gesture)
    this.invoke(opts.complete, out.res, gesture)
    if (sink) (out.ok ? sink.resolve : sink.reject)(out.res)
  }

  /** A throwing app callback must not break the host: keep the error and carry on (complete still runs). */
  private invoke(fn: ((res: HostResult) => void) | undefined, res: HostResult, gesture: boolean): void {
    if (typeof fn !== 'function') return
    try {
      if (gesture) this.scheduler.gesture(() => fn(res))
      else fn(res)
    } catch (error) {
      this.errors.push(error)
    }
  }
}
