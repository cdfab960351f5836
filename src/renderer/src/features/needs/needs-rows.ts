/**
 * The rows of the needs table, from the shared coverage index (no coverage rules here), and the
 * pure filter and sort over them.
 */
import type { CoverageIndex, CoverageStatus, NeedCoverage } from '../../../../shared/analysis'
import {
  HORIZONS,
  NEED_KINDS,
  PRIORITIES,
  type Horizon,
  type Need,
  type NeedKind,
  type PersonaCard,
  type Priority
} from '../../../../shared/model/schema'
import { normalizeTitle } from '../../../../shared/text/normalize'

export interface NeedRow {
  key: string
  need: Need
  persona: PersonaCard
  categoryName: string
  coverage: Record<Horizon, NeedCoverage>
  /** Position in board order (category, persona, need): the default sort. */
  position: number
  /** Normalised need text and persona title, for search. */
  haystack: string
}

export function needRows(index: CoverageIndex): NeedRow[] {
  const rows: NeedRow[] = []
  for (const group of index.groups)
    for (const { persona, needs } of group.personas)
      for (const { need, coverage } of needs)
        rows.push({
          key: `${persona.id}/${need.id}`,
          need,
          persona,
          categoryName: group.name,
          coverage,
          position: rows.length,
          haystack: normalizeTitle(`${need.text} ${persona.title}`)
        })
  return rows
}

export interface NeedFilters {
  query: string
  personaId: string | null
  kind: NeedKind | null
  priority: Priority | null
  horizon: Horizon | null
  status: CoverageStatus | null
  /** The horizon the status column shows and the status filter reads. */
  statusAt: Horizon
}

export const NO_FILTERS: NeedFilters = {
  query: '',
  personaId: null,
  kind: null,
  priority: null,
  horizon: null,
  status: null,
  statusAt: 'now'
}

export const hasFilters = (f: NeedFilters): boolean =>
  f.query.trim() !== '' ||
  f.personaId !== null ||
  f.kind !== null ||
  f.priority !== null ||
  f.horizon !== null ||
  f.status !== null

export function filterRows(rows: NeedRow[], filters: NeedFilters): NeedRow[] {
  const query = normalizeTitle(filters.query)
  return rows.filter(
    (row) =>
      (!query || row.haystack.includes(query)) &&
      (filters.personaId === null || row.persona.id === filters.personaId) &&
      (filters.kind === null || row.need.kind === filters.kind) &&
      (filters.priority === null || row.need.priority === filters.priority) &&
      (filters.horizon === null || row.need.horizon === filters.horizon) &&
      (filters.status === null || row.coverage[filters.statusAt].status === filters.status)
  )
}

export const SORT_KEYS = ['persona', 'need', 'kind', 'priority', 'horizon', 'status'] as const
export type SortKey = (typeof SORT_KEYS)[number]
export interface Sort {
  key: SortKey
  descending: boolean
}

/** Worst first when ascending: the order a planner triages in. */
const STATUS_ORDER: Record<CoverageStatus, number> = { gap: 0, partial: 1, unassessed: 2, met: 3 }

function compare(a: NeedRow, b: NeedRow, key: SortKey, statusAt: Horizon): number {
  switch (key) {
    case 'persona':
      return a.persona.title.localeCompare(b.persona.title)
    case 'need':
      return a.need.text.localeCompare(b.need.text)
    case 'kind':
      return NEED_KINDS.indexOf(a.need.kind) - NEED_KINDS.indexOf(b.need.kind)
    case 'priority':
      return PRIORITIES.indexOf(a.need.priority) - PRIORITIES.indexOf(b.need.priority)
    case 'horizon':
      return HORIZONS.indexOf(a.need.horizon) - HORIZONS.indexOf(b.need.horizon)
    case 'status':
      return STATUS_ORDER[a.coverage[statusAt].status] - STATUS_ORDER[b.coverage[statusAt].status]
  }
}

/** A stable sort: ties keep board order. `null` keeps board order throughout. */
export function sortRows(rows: NeedRow[], sort: Sort | null, statusAt: Horizon): NeedRow[] {
  if (!sort) return rows
  const sign = sort.descending ? -1 : 1
  return [...rows].sort((a, b) => sign * compare(a, b, sort.key, statusAt) || a.position - b.position)
}
