import { describe, expect, it } from 'vitest'
import { findDuplicates, type DuplicateCandidate } from '../../../../src/shared/analysis/duplicates'

const role = (id: string, title: string): DuplicateCandidate => ({ id, kind: 'role', title })
const groupsOf = (cards: DuplicateCandidate[], dismissed: { kind: string; titles: [string, string] }[]) =>
  findDuplicates(cards, { dismissed }).groups.map((g) => g.ids)

describe('dismissed duplicate pairs', () => {
  const cards = [
    role('a', 'Software/systems developer'),
    role('b', 'Software developer'),
    role('c', 'Minister')
  ]

  it('a dismissed pair is not grouped, whatever the case or spacing of its titles', () => {
    expect(groupsOf(cards, [])).toEqual([['a', 'b']])
    expect(
      groupsOf(cards, [{ kind: 'role', titles: ['software developer', 'Software/Systems  developer'] }])
    ).toEqual([])
  })

  it('only pairs of the same kind are dismissed', () => {
    expect(
      groupsOf(cards, [{ kind: 'persona', titles: ['Software developer', 'Software/systems developer'] }])
    ).toEqual([['a', 'b']])
  })

  it('a group splits when the dismissed pair was its only link, and stays whole when another link holds it', () => {
    const chain = [
      role('a', 'Software/systems developer'),
      role('b', 'Software developer'),
      role('c', 'Software developers'),
      role('d', 'Systems developer')
    ]
    expect(groupsOf(chain, [])).toEqual([['a', 'b', 'c', 'd']])
    // a links to b (and c) and to d; without a–b, c still links a to b.
    expect(
      groupsOf(chain, [{ kind: 'role', titles: ['Software/systems developer', 'Software developer'] }])
    ).toEqual([['a', 'b', 'c', 'd']])
    const pair = [
      role('a', 'Software/systems developer'),
      role('b', 'Software developer'),
      role('d', 'Systems developer')
    ]
    expect(
      groupsOf(pair, [{ kind: 'role', titles: ['Software/systems developer', 'Software developer'] }])
    ).toEqual([['a', 'd']])
  })

  it('dismissing a title with itself keeps cards of that title apart', () => {
    const same = [role('a', 'Project manager'), role('b', 'Project Manager'), role('c', 'Minister')]
    expect(groupsOf(same, [{ kind: 'role', titles: ['Project manager', 'project manager'] }])).toEqual([])
  })
})
