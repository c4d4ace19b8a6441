// Mini-program runtimes provide these timers and console without a DOM lib; declare just what the core uses.
declare function setTimeout(handler: () => void, ms?: number): unknown
declare function clearTimeout(id: unknown): void
declare const console: { error(...data: unknown[]): void; warn(...data: unknown[]): void }
