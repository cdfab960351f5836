import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  STATUS_SCORE,
  addCounts,
  analyzeGaps,
  buildCoverageIndex,
  emptyCounts,
  isUnmet,
  type CoverageCounts,
  type GapAnalysis
} from '../../../../src/shared/analysis'
import {
  emptyWorkspace,
  newCapability,
  newCategory,
  newNeed,
  newPersona
} from '../../../../src/shared/model/defaults'
import {
  CAPABILITY_STATES,
  HORIZONS,
  PRIORITIES,
  type Capability,
  type PersonaCard,
  type Workspace
} from '../../../../src/shared/model/schema'

const TEXTS = ['Wi-Fi', 'wi fi', 'Printer', 'VPN', 'Tablets', 'Classification', '—']

function arbWorkspace(withOverrides: boolean): fc.Arbitrary<Workspace> {
  const capability = (i: number): fc.Arbitrary<Capability> =>
    fc
      .record({ state: fc.constantFrom(...CAPABILITY_STATES), horizon: fc.constantFrom(null, ...HORIZONS) })
      .map(({ state, horizon }) => newCapability({ id: `c${i}`, name: `Cap ${i}`, state, horizon }))
  const override = withOverrides
    ? fc.option(
        fc.record({
          status: fc.constantFrom('met' as const, 'partial' as const, 'gap' as const),
          rationale: fc.string()
        }),
        { nil: null }
      )
    : fc.constant(null)
  const need = fc.record({
    text: fc.constantFrom(...TEXTS),
    priority: fc.constantFrom(...PRIORITIES),
    // c0..c7 may not all exist; 'ghost' never does.
    capabilityIds: fc.uniqueArray(fc.constantFrom('c0', 'c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7', 'ghost'), {
      maxLength: 3
    }),
    override
  })
  const persona = fc.record({
    categoryId: fc.constantFrom(null, 'k0', 'k1', 'gone'),
    order: fc.nat(5),
    headcount: fc.option(fc.nat(1000), { nil: null }),
    needs: fc.array(need, { maxLength: 5 })
  })
  return fc
    .record({
      capabilityCount: fc.nat(8),
      personas: fc.array(persona, { maxLength: 8 })
    })
    .chain(({ capabilityCount, personas }) =>
      fc.tuple(...Array.from({ length: capabilityCount }, (_, i) => capability(i))).map((capabilities) => {
        const ws = emptyWorkspace('2026-01-01T00:00:00.000Z')
        ws.capabilities = capabilities
        ws.categories = [
          newCategory({ id: 'k1', name: 'One', order: 1 }),
          newCategory({ id: 'k0', name: 'Zero', order: 0 })
        ]
        ws.cards = personas.map((p, i): PersonaCard =>
          newPersona({
            id: `p${i}`,
            title: `Persona ${i}`,
            categoryId: p.categoryId,
            order: p.order,
            headcount: p.headcount,
            needs: p.needs.map((n, j) => newNeed({ id: `n${i}-${j}`, ...n }))
          })
        )
        return ws
      })
    )
}

const sum = (list: CoverageCounts[]): CoverageCounts => {
  const total = emptyCounts()
  for (const c of list) addCounts(total, c)
  return total
}

function checkTotals(result: GapAnalysis): void {
  for (const category of result.categories) {
    expect(sum(category.rows.map((r) => r.totals))).toEqual(category.totals)
    for (const row of category.rows) {
      const t = row.totals
      expect(t.met + t.partial + t.gap + t.unassessed).toBe(t.total)
    }
  }
  expect(sum(result.categories.map((c) => c.totals))).toEqual(result.totals)
  expect(result.totals.total).toBe(result.needs.length)
  // Every cell belongs to its column's totals.
  result.columns.forEach((column) => {
    const cells = result.categories
      .flatMap((c) => c.rows.flatMap((r) => r.cells))
      .filter((cell) => cell.capabilityId === column.capabilityId)
    expect(sum(cells.map((cell) => cell.counts))).toEqual(column.totals)
  })
}

describe('gap analysis properties', () => {
  it('without overrides, no need is ever worse at a later horizon', () => {
    fc.assert(
      fc.property(arbWorkspace(false), (ws) => {
        const index = buildCoverageIndex(ws)
        for (const item of index.needs) {
          const scores = HORIZONS.map((h) => STATUS_SCORE[item.coverage[h].status])
          expect(scores[1]).toBeGreaterThanOrEqual(scores[0])
          expect(scores[2]).toBeGreaterThanOrEqual(scores[1])
          // Unassessed depends on links only, never on the horizon.
          const unassessed = HORIZONS.map((h) => item.coverage[h].status === 'unassessed')
          expect(new Set(unassessed).size).toBe(1)
        }
        const [now, medium, long] = HORIZONS.map((h) => analyzeGaps(index, h).totals)
        expect(medium.met).toBeGreaterThanOrEqual(now.met)
        expect(long.met).toBeGreaterThanOrEqual(medium.met)
        expect(medium.gap).toBeLessThanOrEqual(now.gap)
        expect(long.gap).toBeLessThanOrEqual(medium.gap)
      })
    )
  })

  it('an override pins the effective status at every horizon', () => {
    fc.assert(
      fc.property(arbWorkspace(true), (ws) => {
        for (const item of buildCoverageIndex(ws).needs) {
          if (item.need.override === null) continue
          for (const h of HORIZONS) {
            expect(item.coverage[h]).toMatchObject({ status: item.need.override.status, overridden: true })
          }
        }
      })
    )
  })

  it('totals add up across persona, category, workspace and capability columns', () => {
    fc.assert(
      fc.property(arbWorkspace(true), fc.constantFrom(...HORIZONS), (ws, horizon) => {
        checkTotals(analyzeGaps(buildCoverageIndex(ws), horizon))
      })
    )
  })

  it('ranks by weight, and the weight follows the formula', () => {
    fc.assert(
      fc.property(arbWorkspace(true), fc.constantFrom(...HORIZONS), (ws, horizon) => {
        const result = analyzeGaps(buildCoverageIndex(ws), horizon)
        const unmet = result.needs.filter((n) => isUnmet(n.coverage.status)).length
        expect(result.rankedGaps.reduce((n, g) => n + g.needs.length, 0)).toBe(unmet)
        result.rankedGaps.forEach((gap, i) => {
          expect(gap.rank).toBe(i + 1)
          if (i > 0) expect(gap.weight).toBeLessThanOrEqual(result.rankedGaps[i - 1].weight)
          expect(gap.weight).toBe(gap.priorityWeight * gap.personas * gap.headcountFactor)
          expect(gap.personas).toBe(new Set(gap.needs.map((n) => n.personaId)).size)
        })
        result.buildFirst.forEach((c, i) => {
          if (i > 0) expect(c.weight).toBeLessThanOrEqual(result.buildFirst[i - 1].weight)
          expect(c.stateAt).not.toBe('in-place')
        })
      })
    )
  })

  it('putting a build candidate in place meets exactly the needs it claims to close', () => {
    fc.assert(
      fc.property(arbWorkspace(true), fc.constantFrom(...HORIZONS), (ws, horizon) => {
        const before = analyzeGaps(buildCoverageIndex(ws), horizon)
        for (const candidate of before.buildFirst) {
          const built: Workspace = {
            ...ws,
            capabilities: ws.capabilities.map((c) =>
              c.id === candidate.capabilityId ? { ...c, state: 'in-place' as const } : c
            )
          }
          const after = analyzeGaps(buildCoverageIndex(built), horizon)
          const changed = after.needs
            .filter((n, i) => n.coverage.status !== before.needs[i].coverage.status)
            .map((n) => ({ personaId: n.personaId, needId: n.needId }))
          expect(changed).toEqual(candidate.needs)
          for (const ref of candidate.needs) {
            expect(after.needs.find((n) => n.needId === ref.needId)?.coverage.status).toBe('met')
          }
        }
      })
    )
  })
})
