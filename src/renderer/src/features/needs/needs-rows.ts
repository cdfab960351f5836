/**
 * The rows of the needs table, from the shared coverage index (no coverage rules here), and the
 * pure filter, counts and sort over them. A need's kind, priority or horizon may be unset (null):
 * the filters can ask for exactly those (`NOT_SET`), the counts count them apart, and sorting puts
 * them after every set value.
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
}

const rowsByIndex = new WeakMap<CoverageIndex, NeedRow[]>()

/** The rows of an index, built once per index: opening the view again costs nothing. */
export function needRows(index: CoverageIndex): NeedRow[] {
  let rows = rowsByIndex.get(index)
  if (!rows) {
    rows = buildRows(index)
    rowsByIndex.set(index, rows)
  }
  return rows
}

function buildRows(index: CoverageIndex): NeedRow[] {
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
          position: rows.length
        })
  return rows
}

/** The filter value that keeps the needs whose kind, priority or horizon is not set. */
export const NOT_SET = 'not-set'
export type NotSet = typeof NOT_SET

/** A filter on a value that may be unset: null keeps every need, NOT_SET those without a value. */
export type ValueFilter<T extends string> = T | NotSet | null

export interface NeedFilters {
  query: string
  personaId: string | null
  kind: ValueFilter<NeedKind>
  priority: ValueFilter<Priority>
  horizon: ValueFilter<Horizon>
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

const matches = <T extends string>(filter: ValueFilter<T>, value: T | null): boolean =>
  filter === null || (filter === NOT_SET ? value === null : value === filter)

const haystacks = new WeakMap<NeedRow, string>()

/** Normalised need text and persona title, for search: made on the first search, not on opening the view. */
function haystack(row: NeedRow): string {
  let text = haystacks.get(row)
  if (text === undefined) {
    text = normalizeTitle(`${row.need.text} ${row.persona.title}`)
    haystacks.set(row, text)
  }
  return text
}

export function filterRows(rows: NeedRow[], filters: NeedFilters): NeedRow[] {
  const query = normalizeTitle(filters.query)
  return rows.filter(
    (row) =>
      (!query || haystack(row).includes(query)) &&
      (filters.personaId === null || row.persona.id === filters.personaId) &&
      matches(filters.kind, row.need.kind) &&
      matches(filters.priority, row.need.priority) &&
      matches(filters.horizon, row.need.horizon) &&
      (filters.status === null || row.coverage[filters.statusAt].status === filters.status)
  )
}

/** How many of the rows have each value, and how many have it not set (`NOT_SET`). */
export type ValueCounts<T extends string> = Record<T | NotSet, number>

export interface NeedValueCounts {
  kind: ValueCounts<NeedKind>
  priority: ValueCounts<Priority>
  horizon: ValueCounts<Horizon>
}

const zeroCounts = <T extends string>(values: readonly T[]): ValueCounts<T> => {
  const counts = { [NOT_SET]: 0 } as ValueCounts<T> // every other key is set just below
  for (const value of values) counts[value] = 0
  return counts
}

/** Counts of each kind, priority and horizon among `rows`, unset ones apart. */
export function countValues(rows: readonly NeedRow[]): NeedValueCounts {
  const counts: NeedValueCounts = {
    kind: zeroCounts(NEED_KINDS),
    priority: zeroCounts(PRIORITIES),
    horizon: zeroCounts(HORIZONS)
  }
  for (const { need } of rows) {
    counts.kind[need.kind ?? NOT_SET]++
    counts.priority[need.priority ?? NOT_SET]++
    counts.horizon[need.horizon ?? NOT_SET]++
  }
  return counts
}

export const SORT_KEYS = ['persona', 'need', 'kind', 'priority', 'horizon', 'status'] as const
export type SortKey = (typeof SORT_KEYS)[number]
export interface Sort {
  key: SortKey
  descending: boolean
}

/** Worst first when ascending: the order a planner triages in. */
const STATUS_ORDER: Record<CoverageStatus, number> = { gap: 0, partial: 1, unassessed: 2, met: 3 }

/** The position of a value in its list; an unset value after all of them. */
const rank = <T extends string>(values: readonly T[], value: T | null): number =>
  value === null ? values.length : values.indexOf(value)

function compare(a: NeedRow, b: NeedRow, key: SortKey, statusAt: Horizon): number {
  switch (key) {
    case 'persona':
      return a.persona.title.localeCompare(b.persona.title)
    case 'need':
      return a.need.text.localeCompare(b.need.text)
    case 'kind':
      return rank(NEED_KINDS, a.need.kind) - rank(NEED_KINDS, b.need.kind)
    case 'priority':
      return rank(PRIORITIES, a.need.priority) - rank(PRIORITIES, b.need.priority)
    case 'horizon':
      return rank(HORIZONS, a.need.horizon) - rank(HORIZONS, b.need.horizon)
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
