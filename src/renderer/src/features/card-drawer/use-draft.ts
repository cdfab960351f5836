import { useCallback, useEffect, useRef, useState } from 'react'
import { holdDraft, trackDraftWrite } from './pending-drafts'

/** How long typing may pause before the edit is saved. */
const SAVE_DELAY_MS = 700

export interface Draft<T> {
  value: T
  set: (value: T) => void
  /** Saves a pending edit now (on blur, Enter, or before a structural change). */
  flush: () => void
}

/**
 * A field's value while it is edited, saved without a Save button: after a pause in typing, on
 * blur, and when the field goes away. Until the user types, and again once the edit is saved, it
 * follows `saved`, so an undo or a change made elsewhere shows up in the field. While an edit is
 * pending the draft is held in pending-drafts.ts, so quitting saves it too and the header says
 * "Saving…" until main has applied it.
 */
export function useDraft<T>(
  saved: T,
  save: (value: T) => Promise<boolean> | void,
  equals: (a: T, b: T) => boolean = Object.is
): Draft<T> {
  const [state, setState] = useState({ base: saved, value: saved, dirty: false })
  if (!state.dirty && state.base !== saved) setState({ base: saved, value: saved, dirty: false })

  const pending = useRef<{ value: T } | null>(null)
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  const release = useRef<(() => void) | null>(null)
  const latest = useRef({ saved, save, equals })
  useEffect(() => {
    latest.current = { saved, save, equals }
  })

  const flush = useCallback((): void => {
    clearTimeout(timer.current)
    // Let go of the hold only once the write is tracked, so "Saving…" never blinks off in between.
    const unhold = release.current
    release.current = null
    try {
      const next = pending.current
      if (!next) return
      pending.current = null
      const { saved: current, save: write, equals: same } = latest.current
      setState({ base: current, value: next.value, dirty: false })
      if (same(next.value, current)) return
      void trackDraftWrite(Promise.resolve(write(next.value))).then((ok) => {
        // A refused edit (the card is gone, the value is invalid) shows the saved value again.
        if (ok === false) setState({ base: latest.current.saved, value: latest.current.saved, dirty: false })
      })
    } finally {
      unhold?.()
    }
  }, [])

  const set = useCallback(
    (value: T): void => {
      pending.current = { value }
      release.current ??= holdDraft(flush)
      setState((s) => ({ ...s, value, dirty: true }))
      clearTimeout(timer.current)
      timer.current = setTimeout(flush, SAVE_DELAY_MS)
    },
    [flush]
  )

  useEffect(() => flush, [flush])
  return { value: state.value, set, flush }
}
