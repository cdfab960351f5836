/**
 * The candidate search of `findDuplicates` (the index of shared entries, the quick test, the best
 * candidates of each title) only spares comparisons: on realistic titles it finds exactly the
 * groups that comparing every two cards finds. Up to a few hundred titles no word is shared by
 * more than 200 of them, so every near pair shares an index entry and nothing is cut.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { findDuplicates, isNearMatch, type DuplicateGroup } from '../../../../src/shared/analysis/duplicates'
import { normalizeTitle } from '../../../../src/shared/text/normalize'
import { realisticFamilies, type TitleCard } from './duplicate-families'

/** The groups when every two cards are compared: no index, no quick test, no limit. */
function everyPair(cards: readonly TitleCard[]): DuplicateGroup[] {
  const parent = cards.map((_, i) => i)
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])))
  const normalised = cards.map((card) => normalizeTitle(card.title))
  for (let i = 0; i < cards.length; i++) {
    for (let j = i + 1; j < cards.length; j++) {
      if (cards[i].kind !== cards[j].kind || find(i) === find(j)) continue
      if (isNearMatch(cards[i].title, cards[j].title))
        parent[Math.max(find(i), find(j))] = Math.min(find(i), find(j))
    }
  }
  const components = new Map<number, number[]>()
  cards.forEach((_, i) => components.set(find(i), [...(components.get(find(i)) ?? []), i]))
  return [...components.values()]
    .filter((members) => members.length > 1)
    .map((members) => ({
      key: `${cards[members[0]].kind}:${cards[members[0]].id}`,
      ids: members.map((i) => cards[i].id),
      match: members.every((i) => normalised[i] === normalised[members[0]]) ? 'exact' : 'near'
    }))
}

describe('candidate search', () => {
  it('finds the groups of comparing every two cards, on random realistic families', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 120 }),
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        (count, seed) => {
          const cards = realisticFamilies(count, seed)
          const search = findDuplicates(cards)
          expect(search.capped).toBe(false)
          expect(search.groups).toEqual(everyPair(cards))
        }
      ),
      { numRuns: 40 }
    )
  })
})
