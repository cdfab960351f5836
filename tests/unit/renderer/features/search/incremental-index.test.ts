/**
 * The search index follows the workspace change by change (issue #14): after any sequence of
 * additions, removals, renames, moves and edits, synced whole or in slices, it finds exactly what an
 * index built afresh from the same cards finds, with the same matched words.
 */
import fc from 'fast-check'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { newItem, newNeed, newPersona, newRole } from '../../../../../src/shared/model/defaults'
import type { Card } from '../../../../../src/shared/model/schema'
import { CardSearchIndex } from '../../../../../src/renderer/src/features/search/card-search'

const WORDS = ['data', 'analyst', 'security', 'officer', 'crédit', 'cloud', 'architect', 'records', 'lead']
const QUERIES = ['data', 'anal', 'security analyst', 'credit', 'architekt', 'records lead', 'o', 'zzz']

const text = fc
  .array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 3 })
  .map((words) => words.join(' '))

const card = (id: string, title: string, extra: string, persona: boolean, column: number): Card =>
  persona
    ? newPersona({
        id,
        title,
        categoryId: `cat-${column}`,
        goals: [newItem(`${id}-g`, extra)],
        needs: [newNeed({ id: `${id}-n`, text: extra })]
      })
    : newRole({ id, title, description: extra, categoryId: `cat-${column}`, tags: [extra.split(' ')[0]] })

type Op =
  | { type: 'add'; title: string; extra: string; persona: boolean }
  | { type: 'remove'; at: number }
  | { type: 'rename'; at: number; title: string }
  | { type: 'move'; at: number; column: number }
  | { type: 'edit'; at: number; extra: string }

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ type: fc.constant('add' as const), title: text, extra: text, persona: fc.boolean() }),
  fc.record({ type: fc.constant('remove' as const), at: fc.nat() }),
  fc.record({ type: fc.constant('rename' as const), at: fc.nat(), title: text }),
  fc.record({ type: fc.constant('move' as const), at: fc.nat(), column: fc.nat(3) }),
  fc.record({ type: fc.constant('edit' as const), at: fc.nat(), extra: text })
)

let nextId = 0
/** The cards after `op`, as immer leaves them: a new array, a new object for the card changed only. */
function apply(cards: Card[], o: Op): Card[] {
  if (o.type === 'add') return [...cards, card(`c${nextId++}`, o.title, o.extra, o.persona, 0)]
  if (cards.length === 0) return cards
  const at = o.at % cards.length
  const changed = (c: Card): Card =>
    o.type === 'rename'
      ? { ...c, title: o.title }
      : o.type === 'move'
        ? { ...c, categoryId: `cat-${o.column}`, order: c.order + 1 }
        : o.type === 'edit'
          ? c.kind === 'role'
            ? { ...c, description: o.extra }
            : { ...c, needs: [newNeed({ id: `${c.id}-n`, text: o.extra })] }
          : c
  if (o.type === 'remove') return cards.filter((_, i) => i !== at)
  return cards.map((c, i) => (i === at ? changed(c) : c))
}

/** Results as comparable data: ids in order of id, each with its matched words sorted. */
const results = (index: CardSearchIndex, query: string): [string, string[]][] =>
  [...index.search(query)].map(([id, terms]): [string, string[]] => [id, [...terms].sort()]).sort()

describe('the incremental search index', () => {
  it('finds what a fresh index finds after any changes, synced whole or in slices', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ title: text, extra: text, persona: fc.boolean() }), { maxLength: 12 }),
        fc.array(fc.record({ op, sliced: fc.boolean() }), { maxLength: 25 }),
        (initial, steps) => {
          let cards = initial.map((c, i) => card(`c${nextId++}`, c.title, c.extra, c.persona, i % 3))
          const incremental = new CardSearchIndex()
          incremental.sync(cards)
          for (const step of steps) {
            cards = apply(cards, step.op)
            // A slice with no time left does nothing yet; the next sync finishes where it stopped.
            if (step.sliced) expect(incremental.sync(cards, 0)).toBe(cards.length === 0)
            expect(incremental.sync(cards)).toBe(true)
            const fresh = new CardSearchIndex()
            fresh.sync(cards)
            for (const query of QUERIES) expect(results(incremental, query)).toEqual(results(fresh, query))
          }
        }
      ),
      { numRuns: 150 }
    )
  })

  afterEach(() => {
    vi.restoreAllMocks()
  })

  it('carries on where a slice stopped, even when the cards changed in between', () => {
    const cards = Array.from({ length: 100 }, (_, i) =>
      card(`s${i}`, `${WORDS[i % WORDS.length]} ${i}`, WORDS[(i * 7) % WORDS.length], i % 5 === 0, i % 3)
    )
    const index = new CardSearchIndex()
    // The clock passes the deadline after the first look: one batch of cards, then it stops.
    let calls = 0
    vi.spyOn(performance, 'now').mockImplementation(() => (calls++ === 0 ? 0 : 1_000))
    expect(index.sync(cards, 500)).toBe(false)
    const changed = apply(apply(cards, { type: 'remove', at: 3 }), {
      type: 'rename',
      at: 80,
      title: 'cloud lead'
    })
    expect(index.sync(changed, 500)).toBe(false)
    vi.restoreAllMocks()
    expect(index.sync(changed)).toBe(true)
    const fresh = new CardSearchIndex()
    fresh.sync(changed)
    for (const query of QUERIES) expect(results(index, query)).toEqual(results(fresh, query))
  })

  it('re-indexes only the cards whose object changed', () => {
    const cards = [
      card('a', 'Data analyst', 'records', false, 0),
      card('b', 'Cloud architect', 'lead', false, 1)
    ]
    const index = new CardSearchIndex()
    index.sync(cards)
    const renamed = [cards[0], { ...cards[1], title: 'Security officer' }]
    index.sync(renamed)
    expect(results(index, 'architect')).toEqual([])
    expect(results(index, 'security')).toEqual([['b', ['security']]])
    expect(results(index, 'analyst')).toEqual([['a', ['analyst']]])
  })
})
