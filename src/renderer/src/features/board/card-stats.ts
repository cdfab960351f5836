/**
 * What a persona card shows at a glance: how many needs it has and their coverage now, counted by
 * the same rules and statuses as the gap analysis (shared/analysis: coverage.ts for the rules,
 * status.ts for the words): met, partial, gap, and unassessed for a need with no capability
 * linked. A card's `gap` count is what the gap view's row for that persona says at "Now", and the
 * board's "Has gaps" filter keeps the personas whose `gap` count is above 0 (`hasGaps`).
 */
import { addToCounts, emptyCounts, needCoverage, type CoverageCounts } from '../../../../shared/analysis'
import type { Capability, Card, Need } from '../../../../shared/model/schema'

/** The horizon the board's counts and its "Has gaps" filter read: today. */
export const BOARD_HORIZON = 'now'

export interface CardStats {
  needs: number
  /** The needs by status now. */
  counts: CoverageCounts
}

// A card's stats are kept while neither its needs nor the capabilities change (both are immutable
// snapshots), so an edit of the needs recounts one card, a move or a rename none, and each
// unchanged tile keeps its props.
const cache = new WeakMap<readonly Capability[], WeakMap<readonly Need[], CardStats>>()
// The last map handed out for these capabilities: returned again while every entry is the same, so
// a change that alters no persona's stats (a move, a rename) leaves every tile's facts as they were.
const lastMap = new WeakMap<readonly Capability[], ReadonlyMap<string, CardStats>>()

function sameEntries(a: ReadonlyMap<string, CardStats>, b: ReadonlyMap<string, CardStats>): boolean {
  if (a.size !== b.size) return false
  for (const [id, entry] of a) if (b.get(id) !== entry) return false
  return true
}

function needStats(needs: readonly Need[], capabilitiesById: ReadonlyMap<string, Capability>): CardStats {
  const counts = emptyCounts()
  for (const need of needs) addToCounts(counts, needCoverage(need, capabilitiesById, BOARD_HORIZON).status)
  return { needs: needs.length, counts }
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
    let entry = known.get(card.needs)
    if (!entry) {
      capabilitiesById ??= byId(capabilities)
      entry = needStats(card.needs, capabilitiesById)
      known.set(card.needs, entry)
    }
    stats.set(card.id, entry)
  }
  const last = lastMap.get(capabilities)
  if (last && sameEntries(last, stats)) return last
  lastMap.set(capabilities, stats)
  return stats
}
