/**
 * Duplicate detection's work is bounded whatever the titles (#12): adversarial families, where
 * every word is shared by 200 titles, used to make every pair within each word's titles (50,000
 * titles: `RangeError: Set maximum size exceeded`). Work is counted in comparisons, never timed;
 * the times are in bench/duplicates.bench.ts.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  COMPARISON_BUDGET,
  findDuplicates,
  PER_TITLE_LIMIT,
  spellingRatio
} from '../../../../src/shared/analysis/duplicates'
import { adversarialTitles, anagramTitles, realisticFamilies, SHARED_BY } from './duplicate-families'

const UNBOUNDED = { perTitle: Infinity, budget: Infinity }

describe('the test families', () => {
  it('adversarial titles are distinct, and each word is shared by exactly 200 of them', () => {
    const cards = adversarialTitles(20_000)
    expect(new Set(cards.map((c) => c.title)).size).toBe(20_000)
    const uses = new Map<string, number>()
    for (const card of cards) for (const w of card.title.split(' ')) uses.set(w, (uses.get(w) ?? 0) + 1)
    expect(new Set(uses.values())).toEqual(new Set([SHARED_BY]))
  })
})

describe('bounded work', () => {
  it('50,000 adversarial titles: no RangeError, at most the budget of comparisons', () => {
    const search = findDuplicates(adversarialTitles(50_000))
    expect(search.comparisons).toBeLessThanOrEqual(COMPARISON_BUDGET)
    // Hardly any pair passes the quick test: nothing was cut.
    expect(search.capped).toBe(false)
  })

  it('anagram titles, which the quick test cannot tell apart: at most 32 comparisons a title, and the cap is said', () => {
    const cards = anagramTitles(20_000)
    const search = findDuplicates(cards)
    expect(search.comparisons).toBeLessThanOrEqual(PER_TITLE_LIMIT * cards.length)
    expect(search.comparisons).toBeLessThanOrEqual(COMPARISON_BUDGET)
    expect(search.capped).toBe(true)
    expect(search.skipped).toBeGreaterThan(0)
  })

  it('stops at the budget, says so, and still groups every exact match', () => {
    const cards = realisticFamilies(2_000)
    const full = findDuplicates(cards, UNBOUNDED)
    const cut = findDuplicates(cards, { budget: 10 })
    expect(full.capped).toBe(false)
    expect(cut.comparisons).toBe(10)
    expect(cut.capped).toBe(true)
    const exact = full.groups.filter((g) => g.match === 'exact')
    expect(exact.length).toBeGreaterThan(10)
    for (const group of exact) expect(cut.groups).toContainEqual(group)
    // With no comparisons at all, equal word sets still group.
    const none = findDuplicates(cards, { budget: 0 })
    expect(none.comparisons).toBe(0)
    for (const group of exact) expect(none.groups).toContainEqual(group)
  })

  it('a title of hundreds of words meets no more candidates than one of 24 words, and says it was cut', () => {
    const long = Array.from({ length: 300 }, (_, i) => `w${i}`).join(' ')
    const cards = [
      { id: 'a', kind: 'role', title: long },
      { id: 'b', kind: 'role', title: long.replace('w299', 'x299') },
      ...Array.from({ length: 300 }, (_, i) => ({ id: `c${i}`, kind: 'role', title: `w${i} officer` }))
    ]
    const search = findDuplicates(cards)
    expect(search.groups.find((g) => g.ids.includes('a'))).toEqual({
      key: 'role:a',
      ids: ['a', 'b'],
      match: 'near'
    })
    expect(search.capped).toBe(true)
  })
})

describe('the limits change no group of a realistic workspace', () => {
  it.each([500, 2_000, 5_000])(
    '%i titles in families: the same groups as comparing every candidate, uncapped',
    (n) => {
      const cards = realisticFamilies(n, n)
      const bounded = findDuplicates(cards)
      expect(bounded.capped).toBe(false)
      expect(bounded.groups).toEqual(findDuplicates(cards, UNBOUNDED).groups)
      expect(bounded.groups.some((g) => g.match === 'near')).toBe(true)
    }
  )
})

/** The textbook edit distance, to check the banded one against. */
function fullLevenshtein(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const row = [i]
    for (let j = 1; j <= b.length; j++)
      row.push(Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1)))
    previous = row
  }
  return previous[b.length]
}

describe('spellingRatio', () => {
  it('agrees with the full edit distance wherever it decides (ratio at least 0.85)', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'b', 'c', ' '), maxLength: 40 })
    fc.assert(
      fc.property(text, text, (a, b) => {
        const longer = Math.max(a.length, b.length)
        const exact = longer === 0 ? 1 : 1 - fullLevenshtein(a, b) / longer
        const ratio = spellingRatio(a, b)
        expect(ratio >= 0.85).toBe(exact >= 0.85)
        if (exact >= 0.85) expect(ratio).toBeCloseTo(exact)
      }),
      { numRuns: 2000 }
    )
  })

  it('agrees with it on letters beyond ASCII too', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'ß', 'ж', '語', ' '), maxLength: 40 })
    fc.assert(
      fc.property(text, text, (a, b) => {
        const longer = Math.max(a.length, b.length)
        const exact = longer === 0 ? 1 : 1 - fullLevenshtein(a, b) / longer
        expect(spellingRatio(a, b) >= 0.85).toBe(exact >= 0.85)
      }),
      { numRuns: 2000 }
    )
  })
})
