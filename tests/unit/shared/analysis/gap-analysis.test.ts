/**
 * The hand-made workspace (fixtures.ts), worked out by hand. At "now":
 *   n1 Clerk   "Secure file sharing"   must   [C planned medium]   gap
 *   n2 Clerk   "Wi-Fi everywhere"      should [A in place]         met
 *   n3 Clerk   "Remote access"         should [B partial]          partial
 *   n4 Clerk   "Tablets for feedback"  could  []                   unassessed
 *   n5 Manager "Secure  file-sharing!" should [C, E absent]        gap
 *   n6 Manager "Remote access"         must   [B, D planned long]  partial
 *   n7 Agent   "secure file sharing"   could  [E]                  gap
 *   n8 Agent   "Printer"               must   [F planned, never]  computed gap, override met
 *   n9 Agent   "Dashboards"            should [E]                  computed gap, override partial
 *   n10 Loose  "Printer"               should [E]                  gap
 * Headcounts: Clerk 100, Agent 50, Manager and Loose unknown.
 */
import { describe, expect, it } from 'vitest'
import {
  analyzeGaps,
  analyzeWorkspace,
  buildCoverageIndex,
  emptyCounts,
  type CoverageCounts
} from '../../../../src/shared/analysis'
import { newCapability, newNeed, newPersona } from '../../../../src/shared/model/defaults'
import { handWorkspace, unsetWorkspace } from './fixtures'

const counts = (c: Partial<CoverageCounts>): CoverageCounts => {
  const full = { ...emptyCounts(), ...c }
  return { ...full, total: full.met + full.partial + full.gap + full.unassessed }
}

describe('analyzeGaps: matrix and totals', () => {
  const now = analyzeWorkspace(handWorkspace(), 'now')

  it('groups personas by category in board order, uncategorised last', () => {
    expect(now.categories.map((c) => [c.name, c.rows.map((r) => r.title)])).toEqual([
      ['Office', ['Manager', 'Clerk']],
      ['Field', ['Agent']],
      ['Uncategorised', ['Loose']]
    ])
    expect(now.categories.map((c) => c.categoryId)).toEqual(['office', 'field', null])
  })

  it('counts each persona, category and the whole workspace', () => {
    const rows = Object.fromEntries(now.categories.flatMap((c) => c.rows).map((r) => [r.title, r.totals]))
    expect(rows).toEqual({
      Manager: counts({ partial: 1, gap: 1 }),
      Clerk: counts({ met: 1, partial: 1, gap: 1, unassessed: 1 }),
      Agent: counts({ met: 1, partial: 1, gap: 1 }),
      Loose: counts({ gap: 1 })
    })
    expect(now.categories.map((c) => c.totals)).toEqual([
      counts({ met: 1, partial: 2, gap: 2, unassessed: 1 }),
      counts({ met: 1, partial: 1, gap: 1 }),
      counts({ gap: 1 })
    ])
    expect(now.totals).toEqual(counts({ met: 2, partial: 3, gap: 4, unassessed: 1 }))
  })

  it('fills a cell with the needs between a persona and a capability, worst status first', () => {
    const cells = Object.fromEntries(
      now.categories
        .flatMap((c) => c.rows)
        .map((r) => [r.title, r.cells.map((cell) => [cell.capabilityId, cell.status, cell.counts.total])])
    )
    expect(cells).toEqual({
      Manager: [
        ['B', 'partial', 1],
        ['C', 'gap', 1],
        ['D', 'partial', 1],
        ['E', 'gap', 1]
      ],
      Clerk: [
        ['A', 'met', 1],
        ['B', 'partial', 1],
        ['C', 'gap', 1]
      ],
      Agent: [
        ['E', 'gap', 2],
        ['F', 'met', 1]
      ],
      Loose: [['E', 'gap', 1]]
    })
    const agentE = now.categories[1].rows[0].cells[0]
    expect(agentE.counts).toEqual(counts({ gap: 1, partial: 1 }))
    expect(agentE.needIds).toEqual(['n7', 'n9'])
  })

  it('totals each capability column', () => {
    expect(now.columns.map((c) => [c.name, c.stateAt, c.totals])).toEqual([
      ['Wi-Fi', 'in-place', counts({ met: 1 })],
      ['VPN', 'partial', counts({ partial: 2 })],
      ['Classification', 'absent', counts({ gap: 2 })],
      ['Tablets', 'absent', counts({ partial: 1 })],
      ['Legacy', 'absent', counts({ gap: 3, partial: 1 })],
      ['Someday', 'absent', counts({ met: 1 })]
    ])
    expect(analyzeWorkspace(handWorkspace(), 'medium').columns[2].stateAt).toBe('in-place')
  })

  it('lists every need in board order with its coverage at the horizon and at all three', () => {
    expect(now.needs.map((n) => n.needId)).toEqual([
      'n5',
      'n6',
      'n1',
      'n2',
      'n3',
      'n4',
      'n7',
      'n8',
      'n9',
      'n10'
    ])
    const n8 = now.needs.find((n) => n.needId === 'n8')
    expect(n8?.coverage).toEqual({
      status: 'met',
      computed: 'gap',
      overridden: true,
      rationale: 'Vendor loaner'
    })
    const n1 = now.needs.find((n) => n.needId === 'n1')
    expect(n1 && [n1.byHorizon.now.status, n1.byHorizon.medium.status, n1.byHorizon.long.status]).toEqual([
      'gap',
      'met',
      'met'
    ])
    expect(n1?.categoryName).toBe('Office')
  })
})

describe('analyzeGaps: ranked gaps', () => {
  const index = buildCoverageIndex(handWorkspace())
  const ranked = (
    horizon: 'now' | 'medium' | 'long'
  ): [string, number, string | null, number, number | null][] =>
    analyzeGaps(index, horizon).rankedGaps.map((g) => [g.text, g.weight, g.priority, g.personas, g.headcount])

  it('weighs priority × personas with the unmet need × their known headcount, now', () => {
    // secure file sharing: n1 (Clerk, must), n5 (Manager), n7 (Agent): 3 × 3 personas × (100 + 50)
    // remote access: n3 (Clerk), n6 (Manager, must): 3 × 2 × 100 (Manager's unknown)
    // dashboards: n9 overridden to partial, still unmet: should 2 × 1 × 50
    // printer: n8 is met by override, so only n10 (Loose, no headcount): 2 × 1 × 1
    // The text shown is the first such need in board order (Manager comes before Clerk).
    expect(ranked('now')).toEqual([
      ['Secure  file-sharing!', 1350, 'must', 3, 150],
      ['Remote access', 600, 'must', 2, 100],
      ['Dashboards', 100, 'should', 1, 50],
      ['Printer', 2, 'should', 1, null]
    ])
    const top = analyzeGaps(index, 'now').rankedGaps[0]
    expect(top).toMatchObject({ rank: 1, status: 'gap', priorityWeight: 3, headcountFactor: 150 })
    expect(top.needs.map((n) => [n.personaId, n.needId, n.status])).toEqual([
      ['P2', 'n5', 'gap'],
      ['P1', 'n1', 'gap'],
      ['P3', 'n7', 'gap']
    ])
    expect(top.capabilityIds).toEqual(['C', 'E'])
    expect(analyzeGaps(index, 'now').rankedGaps[1].status).toBe('partial')
  })

  it('drops what a plan closes at later horizons', () => {
    // medium: C arrives, n1 and n5 are met; only Agent's could-need is left: 1 × 1 × 50
    expect(ranked('medium')).toEqual([
      ['Remote access', 600, 'must', 2, 100],
      ['Dashboards', 100, 'should', 1, 50],
      ['secure file sharing', 50, 'could', 1, 50],
      ['Printer', 2, 'should', 1, null]
    ])
    // long: D arrives, n6 is met; Clerk's should-need is left: 2 × 1 × 100
    expect(ranked('long')[0]).toEqual(['Remote access', 200, 'should', 1, 100])
  })
})

describe('analyzeGaps: what to build first', () => {
  const index = buildCoverageIndex(handWorkspace())
  const build = (horizon: 'now' | 'medium' | 'long'): [string, number, number, number, number][] =>
    analyzeGaps(index, horizon).buildFirst.map((c) => [
      c.name,
      c.weight,
      c.needsClosed,
      c.gapsClosed,
      c.personas
    ])

  it('ranks capabilities by the weight of the unmet needs they would meet, now', () => {
    // VPN (B): n3 + n6, remote access, Clerk + Manager: 3 × 2 × 100 = 600
    // Classification (C): n1 + n5, secure file sharing, Clerk + Manager: 3 × 2 × 100 = 600 (ties
    //   with VPN on weight and needs; VPN comes first in column order)
    // Legacy (E): n5 + n7 (secure file sharing, Manager + Agent: 2 × 2 × 50 = 200) + n10 (printer,
    //   Loose: 2 × 1 × 1 = 2) = 202; n9 is overridden, so building E changes nothing there
    // Tablets (D): n6 (Manager, must, no headcount): 3 × 1 × 1 = 3
    // Someday (F): only n8, overridden: not listed. Wi-Fi (A): in place: not listed.
    expect(build('now')).toEqual([
      ['VPN', 600, 2, 1, 2],
      ['Classification', 600, 2, 1, 2],
      ['Legacy', 202, 3, 2, 3],
      ['Tablets', 3, 1, 1, 1]
    ])
    const first = analyzeGaps(index, 'now').buildFirst[0]
    expect(first).toMatchObject({ rank: 1, capabilityId: 'B', state: 'partial', stateAt: 'partial' })
    expect(first.needs).toEqual([
      { personaId: 'P2', needId: 'n6' },
      { personaId: 'P1', needId: 'n3' }
    ])
  })

  it('recomputes for later horizons', () => {
    // medium: Classification has arrived; Legacy keeps n7 (1 × 1 × 50) + n10 (2)
    expect(build('medium')).toEqual([
      ['VPN', 600, 2, 1, 2],
      ['Legacy', 52, 2, 2, 2],
      ['Tablets', 3, 1, 1, 1]
    ])
    // long: Tablets has arrived and meets n6; VPN keeps only n3: 2 × 1 × 100
    expect(build('long')).toEqual([
      ['VPN', 200, 1, 1, 1],
      ['Legacy', 52, 2, 2, 2]
    ])
  })
})

describe('analyzeGaps: chart series', () => {
  const now = analyzeWorkspace(handWorkspace(), 'now')

  it('gives coverage by category and unmet needs by priority', () => {
    expect(
      now.charts.coverageByCategory.map((c) => [c.category, c.met, c.partial, c.gap, c.unassessed])
    ).toEqual([
      ['Office', 1, 2, 2, 1],
      ['Field', 1, 1, 1, 0],
      ['Uncategorised', 0, 0, 1, 0]
    ])
    expect(now.charts.gapsByPriority).toEqual([
      { priority: 'must', needs: 3, gap: 1, partial: 1 },
      { priority: 'should', needs: 5, gap: 2, partial: 2 },
      { priority: 'could', needs: 2, gap: 1, partial: 0 },
      { priority: null, needs: 0, gap: 0, partial: 0 }
    ])
    expect(now.notSet).toEqual({ kind: 0, priority: 0, horizon: 0 })
  })

  it('gives counts before and after each horizon', () => {
    expect(now.charts.byHorizon).toEqual([
      { horizon: 'now', ...counts({ met: 2, partial: 3, gap: 4, unassessed: 1 }), closed: 0, improved: 0 },
      { horizon: 'medium', ...counts({ met: 4, partial: 3, gap: 2, unassessed: 1 }), closed: 2, improved: 2 },
      { horizon: 'long', ...counts({ met: 5, partial: 2, gap: 2, unassessed: 1 }), closed: 1, improved: 1 }
    ])
  })
})

describe('analyzeGaps: edge cases', () => {
  it('handles an empty workspace', () => {
    const ws = handWorkspace()
    ws.cards = []
    ws.capabilities = []
    const result = analyzeWorkspace(ws, 'now')
    expect(result.categories).toEqual([])
    expect(result.totals).toEqual(emptyCounts())
    expect(result.rankedGaps).toEqual([])
    expect(result.buildFirst).toEqual([])
  })

  it('treats a persona whose category is gone as uncategorised and skips roles', () => {
    const ws = handWorkspace()
    ws.cards.push(newPersona({ id: 'P5', title: 'Orphan', categoryId: 'deleted', order: 3 }))
    const result = analyzeWorkspace(ws, 'now')
    expect(result.categories.at(-1)?.rows.map((r) => r.title)).toEqual(['Loose', 'Orphan'])
  })

  it('keeps needs whose text normalises to nothing apart', () => {
    const ws = handWorkspace()
    ws.cards.push(
      newPersona({
        id: 'P6',
        title: 'Punctuation',
        needs: [
          newNeed({ id: 'x1', text: '—', capabilityIds: ['E'] }),
          newNeed({ id: 'x2', text: '...', capabilityIds: ['E'] })
        ]
      })
    )
    const texts = analyzeWorkspace(ws, 'now').rankedGaps.map((g) => g.text)
    expect(texts).toContain('—')
    expect(texts).toContain('...')
  })

  it('counts a persona once per gap even with the same need twice, and its headcount once', () => {
    const ws = handWorkspace()
    ws.cards.push(
      newPersona({
        id: 'P7',
        title: 'Twice',
        headcount: 10,
        needs: [
          newNeed({ id: 'y1', text: 'Scanner', priority: 'could', capabilityIds: ['E'] }),
          newNeed({ id: 'y2', text: 'scanner', priority: 'must', capabilityIds: ['E'] })
        ]
      })
    )
    const scanner = analyzeWorkspace(ws, 'now').rankedGaps.find((g) => g.key === 'scanner')
    expect(scanner).toMatchObject({ personas: 1, headcount: 10, priority: 'must', weight: 30 })
    expect(scanner?.needs).toHaveLength(2)
  })

  it('uses a headcount factor of 1 when the known headcounts add up to 0', () => {
    const ws = handWorkspace()
    ws.cards.push(
      newPersona({
        id: 'P8',
        title: 'Nobody',
        headcount: 0,
        needs: [newNeed({ id: 'z1', text: 'Fax', priority: 'must', capabilityIds: ['E'] })]
      })
    )
    const fax = analyzeWorkspace(ws, 'now').rankedGaps.find((g) => g.key === 'fax')
    expect(fax).toMatchObject({ headcount: 0, headcountFactor: 1, weight: 3 })
  })
})

describe('docs/COVERAGE.md worked example', () => {
  it('gives the numbers the document states', () => {
    const ws = handWorkspace()
    ws.capabilities = [
      newCapability({ id: 'cls', name: 'Classification tool', state: 'planned', horizon: 'medium' }),
      newCapability({ id: 'dms', name: 'Legacy DMS', state: 'absent' })
    ]
    ws.categories = []
    ws.cards = [
      newPersona({
        id: 'clerk',
        title: 'Clerk',
        headcount: 100,
        needs: [newNeed({ id: 'a', text: 'Secure file sharing', priority: 'must', capabilityIds: ['cls'] })]
      }),
      newPersona({
        id: 'manager',
        title: 'Manager',
        order: 1,
        needs: [
          newNeed({
            id: 'b',
            text: 'Secure file-sharing!',
            priority: 'should',
            capabilityIds: ['cls', 'dms']
          })
        ]
      }),
      newPersona({
        id: 'agent',
        title: 'Agent',
        order: 2,
        headcount: 50,
        needs: [newNeed({ id: 'c', text: 'secure file sharing', priority: 'could', capabilityIds: ['dms'] })]
      })
    ]
    const index = buildCoverageIndex(ws)
    const now = analyzeGaps(index, 'now')
    expect(now.rankedGaps.map((g) => g.weight)).toEqual([1350])
    expect(now.buildFirst.map((c) => [c.name, c.weight])).toEqual([
      ['Classification tool', 600],
      ['Legacy DMS', 200]
    ])
    const medium = analyzeGaps(index, 'medium')
    expect(medium.rankedGaps.map((g) => [g.text, g.weight])).toEqual([['secure file sharing', 50]])
    expect(medium.buildFirst.map((c) => [c.name, c.weight])).toEqual([['Legacy DMS', 50]])
  })
})

describe('analyzeGaps: kind, priority and horizon not set', () => {
  const now = analyzeWorkspace(unsetWorkspace(), 'now')

  it('keeps them unset in the needs it lists', () => {
    expect(now.needs.map((n) => [n.needId, n.kind, n.priority, n.horizon])).toEqual([
      ['u1', null, null, null],
      ['u2', null, null, null],
      ['u3', null, null, null],
      ['u4', 'business', 'could', 'now'],
      ['u5', 'it', null, null],
      ['u6', null, null, null]
    ])
  })

  it('counts the needs with each value not set, and unset priorities on a row of their own', () => {
    expect(now.notSet).toEqual({ kind: 4, priority: 5, horizon: 5 })
    expect(now.charts.gapsByPriority).toEqual([
      { priority: 'must', needs: 0, gap: 0, partial: 0 },
      { priority: 'should', needs: 0, gap: 0, partial: 0 },
      { priority: 'could', needs: 1, gap: 1, partial: 0 },
      { priority: null, needs: 5, gap: 4, partial: 0 }
    ])
  })

  it('weighs an unset priority 0: such gaps come after the others, those touching more people first', () => {
    // Fax: could (1) × 1 persona × 100. Scanner: 2 personas × 120 people; badge reader: 2 × 10,
    // though it comes first in board order.
    expect(
      now.rankedGaps.map((g) => [g.text, g.priority, g.priorityWeight, g.personas, g.headcount, g.weight])
    ).toEqual([
      ['Fax', 'could', 1, 1, 100, 100],
      ['Scanner', null, 0, 2, 120, 0],
      ['Badge reader', null, 0, 2, 10, 0]
    ])
  })

  it('ranks what to build first by weight, then by the people of the gaps with no priority it closes', () => {
    // Badges come before the scanner service in column order and close as many needs.
    expect(now.buildFirst.map((c) => [c.name, c.weight, c.unprioritisedReach, c.needsClosed])).toEqual([
      ['Legacy', 100, 0, 1],
      ['Scanner service', 0, 240, 2],
      ['Badges', 0, 20, 2]
    ])
  })

  it('takes the highest priority set among the needs of a gap, ignoring the unset ones', () => {
    const ws = unsetWorkspace()
    const agent = ws.cards[0]
    if (agent.kind !== 'persona') throw new Error('Agent is a persona')
    agent.needs[0].priority = 'should'
    const badge = analyzeWorkspace(ws, 'now').rankedGaps.find((g) => g.text === 'Badge reader')
    // should (2) × 2 personas × 10: the manager's unset priority neither lowers nor drops it.
    expect(badge).toMatchObject({ priority: 'should', priorityWeight: 2, personas: 2, weight: 40 })
  })

  it('does not use a need’s own horizon for its coverage', () => {
    const ws = unsetWorkspace()
    const set = unsetWorkspace()
    for (const card of set.cards)
      if (card.kind === 'persona') for (const need of card.needs) need.horizon = 'long'
    for (const horizon of ['now', 'medium', 'long'] as const)
      expect(analyzeWorkspace(set, horizon).needs.map((n) => n.byHorizon)).toEqual(
        analyzeWorkspace(ws, horizon).needs.map((n) => n.byHorizon)
      )
  })
})
