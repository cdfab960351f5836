import { useCallback } from 'react'
import type { Need, PersonaCard } from '../../../../shared/model/schema'
import { useApp } from '../../store'

type NeedPatch = Partial<Pick<Need, 'kind' | 'priority' | 'horizon' | 'override'>>

/** Edits one need of a persona: a `card.update` of its needs list, so one undo step. */
export function useUpdateNeed(): (
  persona: PersonaCard,
  needId: string,
  patch: NeedPatch
) => Promise<boolean> {
  const run = useApp((s) => s.run)
  return useCallback(
    (persona, needId, patch) =>
      run({
        type: 'card.update',
        id: persona.id,
        patch: { needs: persona.needs.map((n) => (n.id === needId ? { ...n, ...patch } : n)) }
      }),
    [run]
  )
}
