import { describe, expect, it } from 'vitest'
import {
  newCapability,
  newItem,
  newNeed,
  newPersona,
  newRole
} from '../../../../../src/shared/model/defaults'
import type { Card } from '../../../../../src/shared/model/schema'
import { cardStats } from '../../../../../src/renderer/src/features/board/card-stats'
import { CardSearchIndex } from '../../../../../src/renderer/src/features/search/card-search'
import {
  isFilterActive,
  NO_FILTER,
  passesFilter,
  type FilterFacts
} from '../../../../../src/renderer/src/features/search/filter'

const cards: Card[] = [
  newRole({ id: 'r1', title: 'Cloud architect', description: 'Designs cloud platforms.', tags: ['infra'] }),
  newRole({ id: 'r2', title: 'Database managers', qualifications: ['Cloud certification'] }),
  newPersona({
    id: 'p1',
    title: 'Client services',
    categoryId: 'c1',
    goals: [newItem('g1', 'Seamless services', [newItem('g2', 'Crédit checks on the phone')])],
    needs: [
      newNeed({ id: 'n1', text: 'Classification tool' }),
      newNeed({ id: 'n2', text: 'DLP tool', capabilityIds: ['dlp'] }),
      newNeed({ id: 'n3', text: 'Wi-Fi', capabilityIds: ['wifi'] })
    ]
  })
]

describe('CardSearchIndex', () => {
  const index = new CardSearchIndex()
  index.sync(cards)

  it('finds titles, descriptions and list items, with prefixes and small typos', () => {
    expect([...index.search('cloud').keys()].sort()).toEqual(['r1', 'r2'])
    expect([...index.search('archit').keys()]).toEqual(['r1'])
    expect([...index.search('clasification').keys()]).toEqual(['p1'])
    expect([...index.search('credit').keys()]).toEqual(['p1'])
    expect(index.search('  ').size).toBe(0)
  })

  it('returns the matched words for highlighting', () => {
    expect(index.search('cloud').get('r1')).toEqual(['cloud'])
  })

  it('follows edits, additions and removals', () => {
    const renamed = { ...cards[0], title: 'Platform architect', description: '' }
    index.sync([renamed, cards[1], newRole({ id: 'r3', title: 'Cloud administrator' })])
    expect([...index.search('cloud').keys()].sort()).toEqual(['r2', 'r3'])
    index.sync([cards[1]])
    expect([...index.search('architect').keys()]).toEqual([])
  })
})

describe('filters', () => {
  const facts: FilterFacts = {
    textMatches: null,
    gapCounts: (id) => (id === 'p1' ? { met: 1, partial: 0, gap: 2, unassessed: 0, total: 3 } : null),
    isDuplicate: (id) => id === 'r2',
    columnKeyOf: (card) => card.categoryId ?? ':inbox'
  }
  const pass = (filter: Partial<typeof NO_FILTER>, extra: Partial<FilterFacts> = {}): string[] =>
    cards.filter((c) => passesFilter(c, { ...NO_FILTER, ...filter }, { ...facts, ...extra })).map((c) => c.id)

  it('is off until something is set', () => {
    expect(isFilterActive(NO_FILTER)).toBe(false)
    expect(isFilterActive({ ...NO_FILTER, query: ' ' })).toBe(false)
    expect(isFilterActive({ ...NO_FILTER, hasGaps: true })).toBe(true)
  })

  it('combines kind, column, tag, gaps, duplicates and text', () => {
    expect(pass({ kinds: ['persona'] })).toEqual(['p1'])
    expect(pass({ columnKeys: [':inbox'] })).toEqual(['r1', 'r2'])
    expect(pass({ tags: ['infra'] })).toEqual(['r1'])
    expect(pass({ hasGaps: true })).toEqual(['p1'])
    expect(pass({ duplicates: true })).toEqual(['r2'])
    expect(pass({ query: 'x' }, { textMatches: new Map([['r1', ['x']]]) })).toEqual(['r1'])
    expect(pass({ kinds: ['role'], duplicates: true })).toEqual(['r2'])
  })
})

describe('cardStats', () => {
  it('counts needs by status now: unlinked is unassessed; linked only to a later-planned capability is a gap', () => {
    const capabilities = [
      newCapability({ id: 'dlp', name: 'DLP tool', state: 'in-place' }),
      newCapability({ id: 'wifi', name: 'Wi-Fi', state: 'planned', horizon: 'medium' })
    ]
    expect(cardStats(cards, capabilities).get('p1')).toEqual({
      needs: 3,
      counts: { met: 1, partial: 0, gap: 1, unassessed: 1, total: 3 }
    })
    expect(cardStats(cards, capabilities).has('r1')).toBe(false)
  })
})
