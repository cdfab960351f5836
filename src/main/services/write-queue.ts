/**
 * Coalesced, serialised saves and the save status. `changed()` marks the state unsaved and starts a
 * fixed window (not a debounce, so steady editing still saves); when it ends, or on `flush()`, the
 * `write` callback saves whatever is current then, once. Writes and other tasks (`run`, e.g. a
 * forced backup) go one at a time, in order. The status is `saving` while anything is unsaved,
 * `saved` only after a write resolved, and `error` from a failed write until a later one succeeds.
 * Knows nothing of files: the store passes in what a write is.
 */
import type { StoreStatus } from '../../shared/ipc/types'
import { AppFailure } from '../../shared/result'

export interface WriteQueueOptions {
  /** Saves the current state. Resolves with a sentence for the status (e.g. a failed backup after the save) or null. */
  write: () => Promise<string | null>
  /** What a failed write tells the user; an AppFailure is passed on as it is. */
  failure: (error: unknown) => AppFailure
  /** The coalescing window in milliseconds. */
  delayMs: number
  /** The status to start from, e.g. `error` when the folder could not be written at open. */
  status: StoreStatus
  /** The state is already unsaved (new, migrated or recovered); the first `flush()` writes it. */
  isDirty?: boolean
}

export class WriteQueue {
  private current: StoreStatus
  /** Bumped by every change; `savedVersion` is the version last confirmed written. */
  private version = 0
  private savedVersion = 0
  private timer: ReturnType<typeof setTimeout> | null = null
  private tail: Promise<void> = Promise.resolve()
  private isStopped = false
  private readonly listeners = new Set<(status: StoreStatus) => void>()

  constructor(private readonly options: WriteQueueOptions) {
    this.current = options.status
    if (options.isDirty) {
      this.version = 1
      if (this.current.state === 'saved') this.current = { state: 'saving', message: null }
    }
  }

  get status(): StoreStatus {
    return { ...this.current }
  }

  /** Whether a change has not been confirmed written yet. */
  get hasUnsaved(): boolean {
    return this.version !== this.savedVersion
  }

  onStatus(listener: (status: StoreStatus) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Records a change: `saved` becomes `saving` (an `error` stays), and the window starts if none is running. */
  changed(): void {
    this.version++
    if (this.current.state === 'saved') this.setStatus({ state: 'saving', message: null })
    if (this.timer !== null || this.isStopped) return
    this.timer = setTimeout(() => {
      this.timer = null
      this.run(() => this.writeIfUnsaved()).catch(() => undefined) // the status reports it
    }, this.options.delayMs)
  }

  /** Resolves once everything changed so far is written; rejects with the AppFailure if the write fails. */
  flush(): Promise<void> {
    return this.run(() => this.writeIfUnsaved())
  }

  /** Runs `task` after every write and task queued before it. */
  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task)
    this.tail = result.then(
      () => undefined,
      () => undefined
    )
    return result
  }

  /** No more timed writes; resolves when the queue is idle. `flush()` still works. */
  async stop(): Promise<void> {
    this.isStopped = true
    this.clearTimer()
    await this.tail
  }

  private async writeIfUnsaved(): Promise<void> {
    if (!this.hasUnsaved) return
    this.clearTimer()
    const target = this.version
    let note: string | null
    try {
      note = await this.options.write()
    } catch (error) {
      const failure = error instanceof AppFailure ? error : this.options.failure(error)
      this.setStatus({ state: 'error', message: failure.message })
      throw failure
    }
    this.savedVersion = target
    this.setStatus({ state: this.hasUnsaved ? 'saving' : 'saved', message: note })
  }

  private clearTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer)
    this.timer = null
  }

  private setStatus(status: StoreStatus): void {
    if (status.state === this.current.state && status.message === this.current.message) return
    this.current = status
    for (const listener of this.listeners) {
      try {
        listener({ ...status })
      } catch {
        // ignore: the status is also in every snapshot
      }
    }
  }
}
