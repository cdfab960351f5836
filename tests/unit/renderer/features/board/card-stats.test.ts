/**
 * The board's persona counts and its "Has gaps now" filter say what the gap analysis says at Now
 * (issue #13 item 3): before anything is linked every need is unassessed and no persona has gaps.
 */
import { describe, expect, it } from 'vitest'
import { analyzeWorkspace, countsSummary } from '../../../../../src/shared/analysis'
import {
  emptyWorkspace,
  newCapability,
  newCategory,
  newNeed,
  newPersona
} from '../../../../../src/shared/model/defaults'
import type { Workspace } from '../../../../../src/shared/model/schema'
import { cardStats } from '../../../../../src/renderer/src/features/board/card-stats'
import { NO_FILTER, passesFilter } from '../../../../../src/renderer/src/features/search/filter'

/**
 * Capabilities: A in place, B partial, C planned medium, E absent. Clerk: C (gap now), A (met), B
 * (partial), nothing (unassessed); Agent: E (gap); Typist: A (met) and one unset need.
 */
function handWorkspace(): Workspace {
  const ws = emptyWorkspace('2026-01-15T09:30:00.000Z')
  ws.capabilities = [
    newCapability({ id: 'A', name: 'Wi-Fi', state: 'in-place' }),
    newCapability({ id: 'B', name: 'VPN', state: 'partial' }),
    newCapability({ id: 'C', name: 'Classification', state: 'planned', horizon: 'medium' }),
    newCapability({ id: 'E', name: 'Legacy', state: 'absent' })
  ]
  ws.categories = [newCategory({ id: 'office', name: 'Office', order: 0 })]
  const need = (id: string, capabilityIds: string[]) => newNeed({ id, text: `Need ${id}`, capabilityIds })
  ws.cards = [
    newPersona({
      id: 'P1',
      title: 'Clerk',
      categoryId: 'office',
      needs: [need('n1', ['C']), need('n2', ['A']), need('n3', ['B']), need('n4', [])]
    }),
    newPersona({ id: 'P2', title: 'Agent', categoryId: 'office', order: 1, needs: [need('n5', ['E'])] }),
    newPersona({ id: 'P3', title: 'Typist', categoryId: null, needs: [need('n6', ['A']), need('n7', [])] }),
    newPersona({ id: 'P4', title: 'Nobody', categoryId: 'gone', needs: [] })
  ]
  return ws
}

/** Overrides: a need set to gap by hand, another set to met. */
function overriddenWorkspace(): Workspace {
  const ws = handWorkspace()
  ws.cards = ws.cards.map((c) =>
    c.kind === 'persona' && c.id === 'P3'
      ? {
          ...c,
          needs: c.needs.map((n, i) => ({
            ...n,
            override: { status: i === 0 ? ('gap' as const) : ('met' as const), rationale: 'Checked' }
          }))
        }
      : c
  )
  return ws
}

/** The same workspace before any need was linked to a capability. */
function unlinked(ws: Workspace): Workspace {
  return {
    ...ws,
    cards: ws.cards.map((c) =>
      c.kind === 'persona' ? { ...c, needs: c.needs.map((n) => ({ ...n, capabilityIds: [] })) } : c
    )
  }
}

/** Persona id → its row totals in the gap analysis at Now. */
function analysisRows(ws: Workspace): Map<string, unknown> {
  const analysis = analyzeWorkspace(ws, 'now')
  return new Map(analysis.categories.flatMap((c) => c.rows.map((r) => [r.personaId, r.totals])))
}

/** The personas the board's "Has gaps now" filter keeps. */
function filteredWithGaps(ws: Workspace): string[] {
  const stats = cardStats(ws.cards, ws.capabilities)
  const facts = {
    textMatches: null,
    gapCounts: (id: string) => stats.get(id)?.counts ?? null,
    isDuplicate: () => false,
    columnKeyOf: () => ''
  }
  return ws.cards.filter((c) => passesFilter(c, { ...NO_FILTER, hasGaps: true }, facts)).map((c) => c.id)
}

/** The personas the gap analysis lists with at least one gap at Now. */
function analysedWithGaps(ws: Workspace): string[] {
  return analyzeWorkspace(ws, 'now')
    .categories.flatMap((c) => c.rows)
    .filter((r) => r.totals.gap > 0)
    .map((r) => r.personaId)
}

describe.each([
  ['hand-made, before linking', unlinked(handWorkspace())],
  ['hand-made, linked', handWorkspace()],
  ['with overrides', overriddenWorkspace()]
])('cardStats on the %s workspace', (_, ws) => {
  it("counts each persona's needs by status as the gap analysis does at Now", () => {
    const stats = cardStats(ws.cards, ws.capabilities)
    const rows = analysisRows(ws)
    expect(new Map([...stats].map(([id, s]) => [id, s.counts]))).toEqual(rows)
    for (const s of stats.values()) expect(s.needs).toBe(s.counts.total)
    expect(stats.size).toBe(rows.size)
  })

  it('"Has gaps now" keeps exactly the personas the analysis lists with gaps', () => {
    expect(filteredWithGaps(ws).sort()).toEqual(analysedWithGaps(ws).sort())
  })
})

describe('cardStats before and after linking', () => {
  it('calls unlinked needs unassessed, never gaps', () => {
    const ws = unlinked(handWorkspace())
    const stats = cardStats(ws.cards, ws.capabilities)
    const clerk = stats.get('P1')
    expect(clerk?.counts).toMatchObject({ gap: 0, unassessed: 4, total: 4 })
    expect(countsSummary(clerk!.counts)).toBe('4 unassessed')
    expect(filteredWithGaps(ws)).toEqual([])
  })

  it('counts met, partial, gap and unassessed once needs are linked', () => {
    const ws = handWorkspace()
    const clerk = cardStats(ws.cards, ws.capabilities).get('P1')
    // n1 planned medium (gap now), n2 in place (met), n3 partial, n4 nothing linked.
    expect(countsSummary(clerk!.counts)).toBe('1 met, 1 partial, 1 gap, 1 unassessed')
    expect(filteredWithGaps(ws)).toContain('P1')
  })

  it('keeps the stats of a card that did not change, and recounts one that did', () => {
    const ws = handWorkspace()
    const before = cardStats(ws.cards, ws.capabilities)
    const cards = ws.cards.map((c) =>
      c.id === 'P1' && c.kind === 'persona' ? { ...c, needs: c.needs.slice(1) } : c
    )
    const after = cardStats(cards, ws.capabilities)
    expect(after.get('P1')).not.toBe(before.get('P1'))
    expect(after.get('P1')?.counts.gap).toBe(0)
    const other = ws.cards.find((c) => c.kind === 'persona' && c.id !== 'P1')
    expect(after.get(other!.id)).toBe(before.get(other!.id))
  })
})
