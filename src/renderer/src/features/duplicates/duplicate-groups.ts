import { findDuplicateGroups, type DuplicateGroup } from '../../../../shared/analysis/duplicates'
import type { Card } from '../../../../shared/model/schema'

let cache: { signature: string; groups: DuplicateGroup[] } | null = null

/**
 * Duplicate groups of the workspace's cards, recomputed only when an id, kind or title changed
 * (moving or editing a description leaves the groups as they were).
 */
export function duplicateGroupsOf(cards: readonly Card[]): DuplicateGroup[] {
  const signature = cards.map((c) => `${c.id}\u0001${c.kind}\u0001${c.title}`).join('\u0002')
  if (cache?.signature !== signature) cache = { signature, groups: findDuplicateGroups(cards) }
  return cache.groups
}
