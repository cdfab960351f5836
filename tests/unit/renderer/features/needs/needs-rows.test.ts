/**
 * The needs table's rows with kinds, priorities and horizons left unset: the filters can ask for
 * exactly those, the counts count them apart, and sorting puts them after every set value.
 */
import { describe, expect, it } from 'vitest'
import {
  NOT_SET,
  NO_FILTERS,
  countValues,
  filterRows,
  needRows,
  sortRows
} from '../../../../../src/renderer/src/features/needs/needs-rows'
import { buildCoverageIndex } from '../../../../../src/shared/analysis'
import { emptyWorkspace, newNeed, newPersona } from '../../../../../src/shared/model/defaults'

/** Six needs, most with nothing set, as an imported persona page gives them. */
function workspace(): ReturnType<typeof emptyWorkspace> {
  const ws = emptyWorkspace('2026-01-15T09:30:00.000Z')
  ws.cards = [
    newPersona({ id: 'P1', title: 'Agent', order: 0, needs: [newNeed({ id: 'u1', text: 'Badge reader' })] }),
    newPersona({
      id: 'P2',
      title: 'Manager',
      order: 1,
      needs: [newNeed({ id: 'u2', text: 'Badge reader' })]
    }),
    newPersona({
      id: 'P3',
      title: 'Clerk',
      order: 2,
      needs: [
        newNeed({ id: 'u3', text: 'Scanner' }),
        newNeed({ id: 'u4', text: 'Fax', kind: 'business', priority: 'could', horizon: 'now' })
      ]
    }),
    newPersona({
      id: 'P4',
      title: 'Typist',
      order: 3,
      needs: [newNeed({ id: 'u5', text: 'Scanner', kind: 'it' }), newNeed({ id: 'u6', text: 'Shredder' })]
    })
  ]
  return ws
}

const rows = needRows(buildCoverageIndex(workspace()))
const ids = (list: typeof rows): string[] => list.map((r) => r.need.id)

describe('needs table rows: values not set', () => {
  it('counts each value, and the needs without one apart', () => {
    expect(countValues(rows)).toEqual({
      kind: { it: 1, business: 1, [NOT_SET]: 4 },
      priority: { must: 0, should: 0, could: 1, [NOT_SET]: 5 },
      horizon: { now: 1, medium: 0, long: 0, [NOT_SET]: 5 }
    })
  })

  it('filters for “not set”, and for a value without the unset ones', () => {
    expect(ids(filterRows(rows, { ...NO_FILTERS, priority: NOT_SET }))).toEqual([
      'u1',
      'u2',
      'u3',
      'u5',
      'u6'
    ])
    expect(ids(filterRows(rows, { ...NO_FILTERS, kind: NOT_SET }))).toEqual(['u1', 'u2', 'u3', 'u6'])
    expect(ids(filterRows(rows, { ...NO_FILTERS, kind: 'it' }))).toEqual(['u5'])
    expect(ids(filterRows(rows, { ...NO_FILTERS, horizon: 'now' }))).toEqual(['u4'])
    expect(filterRows(rows, NO_FILTERS)).toHaveLength(6)
  })

  it('sorts unset values after the set ones, ascending, and first descending', () => {
    expect(ids(sortRows(rows, { key: 'kind', descending: false }, 'now'))).toEqual([
      'u5',
      'u4',
      'u1',
      'u2',
      'u3',
      'u6'
    ])
    expect(ids(sortRows(rows, { key: 'priority', descending: true }, 'now')).slice(-1)).toEqual(['u4'])
  })
})
