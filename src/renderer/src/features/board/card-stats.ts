/**
 * What a persona card shows at a glance: how many needs it has and how many are open gaps. An open
 * gap is a need whose coverage now (see shared/analysis/coverage.ts, overrides included) is `gap`
 * or `unassessed`: no capability linked, or none of the linked ones in place or partial today.
 */
import { needCoverage } from '../../../../shared/analysis/coverage'
import type { Capability, Card } from '../../../../shared/model/schema'

export interface CardStats {
  needs: number
  openGaps: number
}

export function cardStats(
  cards: readonly Card[],
  capabilities: readonly Capability[]
): ReadonlyMap<string, CardStats> {
  const capabilitiesById = new Map(capabilities.map((c) => [c.id, c]))
  const stats = new Map<string, CardStats>()
  for (const card of cards) {
    if (card.kind !== 'persona') continue
    let openGaps = 0
    for (const need of card.needs) {
      const { status } = needCoverage(need, capabilitiesById, 'now')
      if (status === 'gap' || status === 'unassessed') openGaps++
    }
    stats.set(card.id, { needs: card.needs.length, openGaps })
  }
  return stats
}
