/**
 * Parsing an imported file in a worker thread (node:worker_threads), so that main's event loop
 * stays free whatever the file does: the worker has a memory cap, reports progress (the fraction
 * read and the cards made so far) and is stopped (terminated) on cancel. The worker's entry is
 * src/main/parse-worker-entry.ts, built next to main's bundle as parse-worker.js; runParseJob is
 * what it runs, a plain function the unit tests call directly.
 */
import { Worker } from 'node:worker_threads'
import type { ImportProgress } from '../../shared/ipc/types'
import type { Card } from '../../shared/model/schema'
import { parseOutcome, type FileOutcome } from './import-service'

/** The worker's old-generation heap: one import may use this much memory, then it is refused. */
export const PARSE_WORKER_MEMORY_MB = 1536

/** What main sends the worker (as workerData): one file's bytes and name. */
export interface ParseJob {
  fileName: string
  data: Uint8Array
}

/**
 * What the worker sends back: progress while it parses, then the outcome; a large outcome's cards
 * come first, in `cards` messages (see sendOutcome), and its `done` holds the rest.
 */
export type ParseMessage =
  | { type: 'progress'; fraction: number; cards: number }
  | { type: 'cards'; cards: Card[] }
  | { type: 'done'; outcome: FileOutcome }

/**
 * Cards per message when a parsed file goes back to main. Main takes a message in one go (a
 * structured clone): all 14,000 cards of a 10 MB taxonomy block it for 100-300 ms, 2,000 for a few.
 */
export const CARDS_PER_MESSAGE = 2000

/**
 * Posts an outcome to main: up to CARDS_PER_MESSAGE cards in `done`; more in `cards` messages of
 * that many, each once `next` resolves (main has taken the one before, so that its event loop runs
 * between them), then `done` with no cards.
 */
export async function sendOutcome(
  outcome: FileOutcome,
  post: (message: ParseMessage) => void,
  next: () => Promise<void>
): Promise<void> {
  if (!outcome.ok || outcome.parsed.cards.length <= CARDS_PER_MESSAGE) {
    post({ type: 'done', outcome })
    return
  }
  const { cards } = outcome.parsed
  for (let i = 0; i < cards.length; i += CARDS_PER_MESSAGE) {
    post({ type: 'cards', cards: cards.slice(i, i + CARDS_PER_MESSAGE) })
    await next()
  }
  post({ type: 'done', outcome: { ...outcome, parsed: { ...outcome.parsed, cards: [] } } })
}

/** The worker's work: parses the file, posting progress as it goes and the outcome last. Never throws. */
export function runParseJob(job: ParseJob, post: (message: ParseMessage) => void): void {
  const outcome = parseOutcome(job.data, job.fileName, {
    onProgress: (fraction, cards) => post({ type: 'progress', fraction, cards: cards ?? 0 })
  })
  post({ type: 'done', outcome })
}

/** The refusal of a file whose parse ran out of the worker's memory. */
export const outOfMemoryMessage = (fileName: string): string =>
  `${fileName} needed more memory than one import may use (${PARSE_WORKER_MEMORY_MB / 1024} GB); split the file into smaller ones.`

export interface WorkerParseOptions {
  /** The built worker entry (parse-worker.js beside main's bundle). */
  workerPath: string
  onProgress?: (progress: ImportProgress) => void
  /** Aborting it stops the worker at once; the promise then resolves with `cancelled`. */
  signal?: AbortSignal
  /** The worker's old-generation heap in MB; PARSE_WORKER_MEMORY_MB unless a test asks for less. */
  memoryMb?: number
}

export type WorkerParseResult = { kind: 'done'; outcome: FileOutcome } | { kind: 'cancelled' }

/** Parses one file in a fresh worker. Never rejects: a crash or a lack of memory is the file's failure. */
export function parseInWorker(job: ParseJob, options: WorkerParseOptions): Promise<WorkerParseResult> {
  const { fileName } = job
  if (options.signal?.aborted) return Promise.resolve({ kind: 'cancelled' })
  return new Promise((resolve) => {
    let settled = false
    const worker = new Worker(options.workerPath, {
      workerData: job,
      resourceLimits: { maxOldGenerationSizeMb: options.memoryMb ?? PARSE_WORKER_MEMORY_MB },
      stdout: false,
      stderr: false
    })
    const settle = (result: WorkerParseResult): void => {
      if (settled) return
      settled = true
      options.signal?.removeEventListener('abort', onAbort)
      resolve(result)
      void worker.terminate()
    }
    const failed = (message: string, code: 'too-large' | 'internal'): void =>
      settle({ kind: 'done', outcome: { ok: false, fileName, error: { code, message } } })
    const onAbort = (): void => settle({ kind: 'cancelled' })
    options.signal?.addEventListener('abort', onAbort, { once: true })
    const cards: Card[] = []
    worker.on('message', (message: ParseMessage) => {
      if (message.type === 'progress') {
        options.onProgress?.({ file: fileName, fraction: message.fraction, cards: message.cards })
      } else if (message.type === 'cards') {
        for (const card of message.cards) cards.push(card)
        worker.postMessage('next')
      } else {
        const { outcome } = message
        settle({
          kind: 'done',
          outcome:
            outcome.ok && cards.length > 0 ? { ...outcome, parsed: { ...outcome.parsed, cards } } : outcome
        })
      }
    })
    worker.on('error', (error: Error & { code?: string }) => {
      if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') failed(outOfMemoryMessage(fileName), 'too-large')
      else failed(`${fileName} could not be read: ${error.message}`, 'internal')
    })
    worker.on('exit', (code) =>
      failed(`${fileName} could not be read: the reader stopped (code ${code}).`, 'internal')
    )
  })
}

/**
 * A parser for one import: one file at a time in a worker (a second 50 MB file waits rather than
 * doubling the memory). Once `options.signal` is aborted, the running worker stops and every file
 * not done comes back as a failure saying it was cancelled; the caller then drops the import.
 */
export function workerParser(
  options: WorkerParseOptions
): (data: Uint8Array, fileName: string) => Promise<FileOutcome> {
  let queue: Promise<unknown> = Promise.resolve()
  return (data, fileName) => {
    const run = queue.then(() => parseInWorker({ fileName, data }, options))
    queue = run
    return run.then((result) =>
      result.kind === 'done'
        ? result.outcome
        : { ok: false, fileName, error: { code: 'internal', message: cancelledMessage(fileName) } }
    )
  }
}

export const cancelledMessage = (fileName: string): string => `Reading ${fileName} was cancelled.`
