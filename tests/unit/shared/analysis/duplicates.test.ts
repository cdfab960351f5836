import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  duplicateIds,
  findDuplicateGroups,
  isNearMatch,
  jaccard,
  spellingRatio,
  titleAlternatives
} from '../../../../src/shared/analysis/duplicates'
import { numberedRoles } from './fixtures'

/** The role headings (`### Title`) of our GovStack-shaped taxonomy, raw: enough to group titles without the importer. */
function fixtureRoles(): { id: string; kind: string; title: string }[] {
  const text = readFileSync(
    new URL('../../../fixtures/formats/govstack-like-taxonomy.md', import.meta.url),
    'utf8'
  )
  return [...text.matchAll(/^### (.+)$/gm)].map((m, i) => ({ id: `r${i}`, kind: 'role', title: m[1] }))
}

const roles = (...titles: string[]): { id: string; kind: string; title: string }[] =>
  titles.map((title, i) => ({ id: `c${i}`, kind: 'role', title }))

const titlesOf = (cards: { id: string; title: string }[], ids: string[]): string[] =>
  ids.map((id) => cards.find((c) => c.id === id)?.title ?? '')

describe('findDuplicateGroups on a GovStack-shaped taxonomy (the real seed: formats/seeds.test.ts)', () => {
  const cards = fixtureRoles()
  const groups = findDuplicateGroups(cards)

  it('reads all 28 roles', () => {
    expect(cards).toHaveLength(28)
  })

  it('finds the two deputy ministers (one a link), the three programme managers and the two mobile developers, nothing else', () => {
    expect(groups.map((g) => ({ match: g.match, titles: titlesOf(cards, g.ids) }))).toEqual([
      {
        match: 'exact',
        titles: [
          '[Deputy minister](http://data.europa.eu/esco/occupation/00000000-0000-4000-8000-00000000d001)',
          'Deputy minister'
        ]
      },
      { match: 'exact', titles: ['Programme manager', 'Programme manager', 'Programme manager'] },
      { match: 'near', titles: ['Web/mobile developer', 'Mobile developer'] }
    ])
  })

  it('lists every grouped id once', () => {
    expect(duplicateIds(groups).size).toBe(7)
  })
})

describe('near matches', () => {
  it.each([
    ['Software/systems developer', 'Software developer'],
    ['UX/UI Designers', 'UI designer'],
    ['Data Protection Officers', 'data protection officer'],
    ['Chief  Security Information Officer (CISO)&#x20;', 'Chief Information Security Officer'],
    ['Tranining and Development Specialist', 'Training and development specialist'],
    ['Citizen Engagement Officer/Change Management Officer', 'Change management officer'],
    ['[Service designer](https://www.gov.uk/guidance/service-designer)', 'Service designers']
  ])('%s ~ %s', (a, b) => {
    expect(isNearMatch(a, b)).toBe(true)
  })

  it.each([
    ['Front-end developer', 'Back-end developers'],
    ['Cloud architect', 'Cloud administrator'],
    ['Project manager', 'Policy manager'],
    ['Policy officer', 'Education policy officer'],
    ['Solution Architect', 'Technical Architect'],
    ['Level 2 analyst', 'Level 3 analyst'],
    ['Service Management Officers', 'Shared Service Manager']
  ])('%s is not %s', (a, b) => {
    expect(isNearMatch(a, b)).toBe(false)
  })

  it('groups transitively but never across kinds', () => {
    const cards = [
      { id: 'a', kind: 'role', title: 'Data steward' },
      { id: 'b', kind: 'persona', title: 'Data steward' },
      { id: 'c', kind: 'role', title: 'Data stewards' }
    ]
    expect(findDuplicateGroups(cards)).toEqual([{ key: 'role:a', ids: ['a', 'c'], match: 'near' }])
  })

  it('ignores empty titles', () => {
    expect(findDuplicateGroups(roles('', '  ', 'Analyst'))).toEqual([])
  })
})

describe('building blocks', () => {
  it('reads slashed titles as alternatives', () => {
    expect(titleAlternatives('Software/systems developer')).toEqual([
      'software developer',
      'systems developer'
    ])
    expect(titleAlternatives('Commercial manager/ procurement manager')).toEqual([
      'commercial manager',
      'procurement manager'
    ])
    expect(titleAlternatives('Data steward')).toEqual([])
  })

  it('measures word overlap and spelling', () => {
    expect(jaccard(['a', 'b'], ['b', 'c'])).toBeCloseTo(1 / 3)
    expect(spellingRatio('training', 'tranining')).toBeGreaterThan(0.85)
    expect(spellingRatio('cloud', 'crowd')).toBeLessThan(0.85)
  })

  // How long it takes, at this size and larger: bench/duplicates.bench.ts.
  it('finds no group among 10,000 numbered titles that share their words', () => {
    expect(findDuplicateGroups(numberedRoles(10_000))).toEqual([])
  })
})
