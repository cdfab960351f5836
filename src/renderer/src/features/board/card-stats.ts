/**
 * What a persona card shows at a glance: how many needs it has and their coverage now, counted by
 * the same rules and statuses as the gap analysis (shared/analysis: coverage.ts for the rules,
 * status.ts for the words): met, partial, gap, and unassessed for a need with no capability
 * linked. A card's `gap` count is what the gap view's row for that persona says at "Now", and the
 * board's "Has gaps" filter keeps the personas whose `gap` count is above 0 (`hasGaps`).
 */
import { addToCounts, emptyCounts, needCoverage, type CoverageCounts } from '../../../../shared/analysis'
import type { Capability, Card, PersonaCard } from '../../../../shared/model/schema'

/** The horizon the board's counts and its "Has gaps" filter read: today. */
export const BOARD_HORIZON = 'now'

export interface CardStats {
  needs: number
  /** The needs by status now. */
  counts: CoverageCounts
}

// A card's stats are kept while neither the card nor the capabilities change (both are immutable
// snapshots), so an edit recounts one card and each unchanged tile keeps its props.
const cache = new WeakMap<readonly Capability[], WeakMap<PersonaCard, CardStats>>()

function personaStats(card: PersonaCard, capabilitiesById: ReadonlyMap<string, Capability>): CardStats {
  const counts = emptyCounts()
  for (const need of card.needs)
    addToCounts(counts, needCoverage(need, capabilitiesById, BOARD_HORIZON).status)
  return { needs: card.needs.length, counts }
}

/** As buildCoverageIndex does: the first capability of an id wins. */
function byId(capabilities: readonly Capability[]): Map<string, Capability> {
  const map = new Map<string, Capability>()
  for (const c of capabilities) if (!map.has(c.id)) map.set(c.id, c)
  return map
}

export function cardStats(
  cards: readonly Card[],
  capabilities: readonly Capability[]
): ReadonlyMap<string, CardStats> {
  let known = cache.get(capabilities)
  if (!known) {
    known = new WeakMap()
    cache.set(capabilities, known)
  }
  let capabilitiesById: Map<string, Capability> | null = null
  const stats = new Map<string, CardStats>()
  for (const card of cards) {
    if (card.kind !== 'persona') continue
    let entry = known.get(card)
    if (!entry) {
      capabilitiesById ??= byId(capabilities)
      entry = personaStats(card, capabilitiesById)
      known.set(card, entry)
    }
    stats.set(card.id, entry)
  }
  return stats
}
