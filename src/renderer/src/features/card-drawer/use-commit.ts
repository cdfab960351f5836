import { useCallback, useEffect, useRef } from 'react'

export type Edit<T> = (items: T[]) => T[] | null

/**
 * Saves edits of a list field. Each edit applies to the newest list: the saved one, or the one
 * this field just sent if the saved one has not come back yet, so quick successive edits build on
 * each other instead of undoing each other. An edit returning null or the same list saves nothing.
 */
export function useCommit<T>(
  items: T[],
  onChange: (items: T[]) => Promise<boolean> | void
): (edit: Edit<T>) => void {
  const latest = useRef({ items, onChange })
  const sent = useRef<{ from: T[]; to: T[] } | null>(null)
  useEffect(() => {
    latest.current = { items, onChange }
  })
  return useCallback((edit: Edit<T>) => {
    const saved = latest.current.items
    const base = sent.current?.from === saved ? sent.current.to : saved
    const next = edit(base)
    if (!next || next === base) return
    sent.current = { from: saved, to: next }
    void latest.current.onChange(next)
  }, [])
}
