/**
 * Gap analysis of a workspace at one horizon: the persona × capability matrix, totals per persona
 * and category, ranked gaps, what to build first, and the series the charts draw. Pure and
 * near-linear in the number of needs and links: capabilities are indexed by id and needs grouped by
 * normalised text once, in `buildCoverageIndex`, which also computes every need's coverage at all
 * three horizons so switching horizon (`analyzeGaps(index, horizon)`) costs one more pass.
 * The rules are in docs/COVERAGE.md.
 *
 * A need's kind, priority and horizon may be unset (null: the source did not say them), and the
 * analysis never makes one up:
 * - an unset priority weighs 0, below "could": a gap none of whose unmet needs has a priority
 *   ranks after every gap that has one, and among such gaps the one touching more personas and
 *   people comes first; `charts.gapsByPriority` counts them on a row of their own (priority null);
 * - the need's own horizon is shown but not used: coverage at a horizon depends on the
 *   capabilities' states and horizons only, set or not;
 * - the kind is shown but not used: an unset kind counts with neither IT nor business.
 * `notSet` counts the needs with each value unset.
 */
import { INBOX_NAME } from '../model/defaults'
import {
  HORIZONS,
  PRIORITIES,
  type Capability,
  type CapabilityState,
  type Category,
  type Horizon,
  type ListItem,
  type Need,
  type NeedKind,
  type PersonaCard,
  type Priority,
  type Workspace
} from '../model/schema'
import { normalizeTitle } from '../text/normalize'
import {
  STATUS_SCORE,
  addCounts,
  addToCounts,
  applyOverride,
  capabilityStateAt,
  emptyCounts,
  isUnmet,
  linkedCapabilities,
  statusFromCapabilities,
  worseStatus,
  type CoverageCounts,
  type CoverageStatus,
  type EffectiveState,
  type NeedCoverage
} from './coverage'

/** Weight of a need's priority in the ranking. */
const PRIORITY_WEIGHTS: Readonly<Record<Priority, number>> = { must: 3, should: 2, could: 1 }

/** The weight of a priority; 0 for an unset one, so that it ranks below "could". */
export const priorityWeight = (priority: Priority | null): number =>
  priority === null ? 0 : PRIORITY_WEIGHTS[priority]

/** The rows of `charts.gapsByPriority`: must first, unset (null) last. */
export const PRIORITY_ROWS: readonly (Priority | null)[] = [...PRIORITIES, null]

// ---------------------------------------------------------------------------------------------
// Index: everything that does not depend on the chosen horizon, computed once per workspace.

export interface IndexedNeed {
  need: Need
  persona: PersonaCard
  /** Shared by every result that names this need: treat as read-only. */
  ref: NeedRef
  /** The persona's category, or null when it has none or names a category that does not exist. */
  categoryId: string | null
  /** Grouping key for "the same need": normalised text (or a unique key when that is empty). */
  key: string
  /** Linked capabilities that exist, without repeats, in link order. */
  capabilities: Capability[]
  /** Their ids (shared by every result: treat as read-only). */
  capabilityIds: string[]
  coverage: Record<Horizon, NeedCoverage>
}

export interface IndexedPersona {
  persona: PersonaCard
  needs: IndexedNeed[]
}

export interface IndexedGroup {
  category: Category | null
  name: string
  personas: IndexedPersona[]
}

export interface CoverageIndex {
  /** Capabilities in workspace order: the matrix columns. */
  capabilities: readonly Capability[]
  capabilitiesById: ReadonlyMap<string, Capability>
  /** Categories in board order that hold at least one persona; uncategorised personas last. */
  groups: IndexedGroup[]
  /** Every need, in board order (group, persona, need). */
  needs: IndexedNeed[]
}

const byOrder = <T extends { order: number }>(list: readonly T[]): T[] =>
  list
    .map((item, index) => ({ item, index }))
    .sort((a, b) => a.item.order - b.item.order || a.index - b.index)
    .map((x) => x.item)

function coverageAtAllHorizons(need: Need, capabilities: Capability[]): Record<Horizon, NeedCoverage> {
  return {
    now: applyOverride(need, statusFromCapabilities(capabilities, 'now')),
    medium: applyOverride(need, statusFromCapabilities(capabilities, 'medium')),
    long: applyOverride(need, statusFromCapabilities(capabilities, 'long'))
  }
}

export function buildCoverageIndex(workspace: Workspace): CoverageIndex {
  const capabilitiesById = new Map<string, Capability>()
  for (const capability of workspace.capabilities) {
    if (!capabilitiesById.has(capability.id)) capabilitiesById.set(capability.id, capability)
  }
  const categories = byOrder(workspace.categories)
  const categoryIds = new Set(categories.map((c) => c.id))
  const personasByCategory = new Map<string | null, PersonaCard[]>()
  for (const card of workspace.cards) {
    if (card.kind !== 'persona') continue
    const categoryId = card.categoryId !== null && categoryIds.has(card.categoryId) ? card.categoryId : null
    const list = personasByCategory.get(categoryId)
    if (list) list.push(card)
    else personasByCategory.set(categoryId, [card])
  }

  const groups: IndexedGroup[] = []
  const needs: IndexedNeed[] = []
  // Copied needs repeat their text: normalise each distinct text once.
  const keys = new Map<string, string>()
  const addGroup = (category: Category | null): void => {
    const personas = personasByCategory.get(category?.id ?? null)
    if (!personas) return
    const group: IndexedGroup = { category, name: category?.name ?? INBOX_NAME, personas: [] }
    for (const persona of byOrder(personas)) {
      const entry: IndexedPersona = { persona, needs: [] }
      for (const need of persona.needs) {
        const capabilities = linkedCapabilities(need, capabilitiesById)
        let normalised = keys.get(need.text)
        if (normalised === undefined) {
          normalised = normalizeTitle(need.text)
          keys.set(need.text, normalised)
        }
        const indexed: IndexedNeed = {
          need,
          persona,
          ref: { personaId: persona.id, needId: need.id },
          categoryId: category?.id ?? null,
          key: normalised === '' ? `#${persona.id}/${need.id}` : normalised,
          capabilities,
          capabilityIds: capabilities.map((c) => c.id),
          coverage: coverageAtAllHorizons(need, capabilities)
        }
        entry.needs.push(indexed)
        needs.push(indexed)
      }
      group.personas.push(entry)
    }
    groups.push(group)
  }
  for (const category of categories) addGroup(category)
  addGroup(null)
  return { capabilities: [...capabilitiesById.values()], capabilitiesById, groups, needs }
}

// ---------------------------------------------------------------------------------------------
// Result of the analysis at one horizon: plain data (no Maps), safe to post between processes.

export interface NeedRef {
  personaId: string
  needId: string
}

export interface NeedResult extends NeedRef {
  personaTitle: string
  categoryId: string | null
  categoryName: string
  text: string
  children: ListItem[]
  /** null: not set. */
  kind: NeedKind | null
  /** null: not set. */
  priority: Priority | null
  /** The need's own horizon (when it should be met; null: not set); coverage does not depend on it. */
  horizon: Horizon | null
  /** Linked capabilities that exist, in link order. */
  capabilityIds: string[]
  /** Coverage at the analysed horizon. */
  coverage: NeedCoverage
  byHorizon: Record<Horizon, NeedCoverage>
}

export interface MatrixCell {
  capabilityId: string
  /** The worst effective status among the needs in the cell (gap > partial > met). */
  status: CoverageStatus
  counts: CoverageCounts
  needIds: string[]
}

export interface PersonaRow {
  personaId: string
  title: string
  categoryId: string | null
  headcount: number | null
  /** Every need of the persona once, linked or not. */
  totals: CoverageCounts
  /** Only the non-empty cells (needs linked to that capability), in column order. */
  cells: MatrixCell[]
}

export interface CategoryResult {
  categoryId: string | null
  name: string
  totals: CoverageCounts
  rows: PersonaRow[]
}

export interface CapabilityColumn {
  capabilityId: string
  name: string
  state: CapabilityState
  /** When a planned capability arrives. */
  horizon: Horizon | null
  /** What it amounts to at the analysed horizon. */
  stateAt: EffectiveState
  /** The needs linked to it, by effective status. */
  totals: CoverageCounts
}

export interface RankedGapNeed extends NeedRef {
  status: 'gap' | 'partial'
  overridden: boolean
}

export interface RankedGap {
  /** 1-based position. */
  rank: number
  key: string
  /** The text of the first such need in board order. */
  text: string
  /** 'gap' when any of its needs is a gap, else 'partial'. */
  status: 'gap' | 'partial'
  /** The highest priority among its unmet needs; null when none of them has a priority set. */
  priority: Priority | null
  /** Of `priority`: must 3, should 2, could 1, not set 0. */
  priorityWeight: number
  /** Distinct personas holding an unmet need with this text. */
  personas: number
  /** Sum of those personas' known headcounts; null when none is known. */
  headcount: number | null
  /** `headcount` when it is positive, else 1. */
  headcountFactor: number
  /** priorityWeight × personas × headcountFactor: 0 when the priority is not set. */
  weight: number
  needs: RankedGapNeed[]
  /** Capabilities linked to any of its needs (ids, first-seen order). */
  capabilityIds: string[]
}

export interface BuildCandidate {
  rank: number
  capabilityId: string
  name: string
  state: CapabilityState
  horizon: Horizon | null
  stateAt: EffectiveState
  /** Sum, over the ranked gaps it touches, of the gap weight formula applied to the needs it closes. */
  weight: number
  /**
   * Sum, over those gaps whose needs it closes have no priority set (and so add 0 to `weight`), of
   * personas × headcount factor: it breaks ties of `weight`, so that among capabilities that close
   * only such gaps the one helping more people comes first. 0 when every priority is set.
   */
  unprioritisedReach: number
  /** Unmet needs it would meet. */
  needsClosed: number
  /** Distinct ranked gaps (need texts) among them. */
  gapsClosed: number
  /** Distinct personas helped. */
  personas: number
  needs: NeedRef[]
}

export interface GapCharts {
  coverageByCategory: (CoverageCounts & { categoryId: string | null; category: string })[]
  /**
   * Needs per priority, must first and unset (null) last, always four rows: `needs` counts them
   * all, `gap` and `partial` the unmet ones (effective status).
   */
  gapsByPriority: { priority: Priority | null; needs: number; gap: number; partial: number }[]
  /**
   * Counts at each horizon. `closed`: needs unmet at the previous horizon and met at this one;
   * `improved`: needs whose status got better than at the previous horizon (0 for now).
   */
  byHorizon: (CoverageCounts & { horizon: Horizon; closed: number; improved: number })[]
}

/** How many needs have their kind, priority or horizon not set. */
export interface NotSetCounts {
  kind: number
  priority: number
  horizon: number
}

export interface GapAnalysis {
  horizon: Horizon
  totals: CoverageCounts
  notSet: NotSetCounts
  columns: CapabilityColumn[]
  categories: CategoryResult[]
  needs: NeedResult[]
  rankedGaps: RankedGap[]
  buildFirst: BuildCandidate[]
  charts: GapCharts
}

// ---------------------------------------------------------------------------------------------

/**
 * Adds up the parts of a weight. Needs are always fed in index order, where a persona's needs are
 * next to each other, so "a persona not seen yet" is "not the last persona seen": no set needed.
 */
interface WeightAccumulator {
  lastPersona: PersonaCard | null
  personas: number
  headcount: number
  headcountKnown: boolean
  priorityWeight: number
}

const newAccumulator = (): WeightAccumulator => ({
  lastPersona: null,
  personas: 0,
  headcount: 0,
  headcountKnown: false,
  priorityWeight: 0
})

function accumulate(acc: WeightAccumulator, item: IndexedNeed): void {
  const weight = priorityWeight(item.need.priority)
  if (weight > acc.priorityWeight) acc.priorityWeight = weight
  if (acc.lastPersona === item.persona) return
  acc.lastPersona = item.persona
  acc.personas++
  if (item.persona.headcount !== null) {
    acc.headcount += item.persona.headcount
    acc.headcountKnown = true
  }
}

const headcountFactor = (acc: WeightAccumulator): number => (acc.headcount > 0 ? acc.headcount : 1)

/** Distinct personas × headcount factor: the people a gap touches, whatever its priority. */
const reachOf = (acc: WeightAccumulator): number => acc.personas * headcountFactor(acc)

/** The ranking formula: priority weight × distinct personas × headcount factor. */
const weightOf = (acc: WeightAccumulator): number => acc.priorityWeight * reachOf(acc)

/** The priority of a weight; null for 0, when none of the needs has a priority set. */
const priorityOfWeight = (weight: number): Priority | null =>
  PRIORITIES.find((p) => PRIORITY_WEIGHTS[p] === weight) ?? null

function rankGaps(index: CoverageIndex, horizon: Horizon): RankedGap[] {
  const byKey = new Map<string, { acc: WeightAccumulator; first: number; gap: RankedGap }>()
  index.needs.forEach((item, position) => {
    const coverage = item.coverage[horizon]
    if (!isUnmet(coverage.status)) return
    let entry = byKey.get(item.key)
    if (!entry) {
      entry = {
        acc: newAccumulator(),
        first: position,
        gap: {
          rank: 0,
          key: item.key,
          text: item.need.text,
          status: 'partial',
          priority: item.need.priority,
          priorityWeight: 0,
          personas: 0,
          headcount: null,
          headcountFactor: 1,
          weight: 0,
          needs: [],
          capabilityIds: []
        }
      }
      byKey.set(item.key, entry)
    }
    accumulate(entry.acc, item)
    const { gap } = entry
    if (coverage.status === 'gap') gap.status = 'gap'
    gap.needs.push({
      personaId: item.persona.id,
      needId: item.need.id,
      status: coverage.status,
      overridden: coverage.overridden
    })
    for (const capability of item.capabilities) {
      if (!gap.capabilityIds.includes(capability.id)) gap.capabilityIds.push(capability.id)
    }
  })
  const entries = [...byKey.values()]
  for (const { acc, gap } of entries) {
    gap.priorityWeight = acc.priorityWeight
    gap.priority = priorityOfWeight(acc.priorityWeight)
    gap.personas = acc.personas
    gap.headcount = acc.headcountKnown ? acc.headcount : null
    gap.headcountFactor = headcountFactor(acc)
    gap.weight = weightOf(acc)
  }
  // Equal weights and priority weights give equal reach unless the priority is unset (weight 0):
  // reach orders only those.
  entries.sort(
    (a, b) =>
      b.gap.weight - a.gap.weight ||
      Number(b.gap.status === 'gap') - Number(a.gap.status === 'gap') ||
      b.gap.priorityWeight - a.gap.priorityWeight ||
      reachOf(b.acc) - reachOf(a.acc) ||
      a.first - b.first
  )
  return entries.map(({ gap }, i) => {
    gap.rank = i + 1
    return gap
  })
}

function rankBuildFirst(index: CoverageIndex, horizon: Horizon): BuildCandidate[] {
  // capability id -> need key -> accumulator of the needs it would close under that key
  const byCapability = new Map<
    string,
    {
      keys: Map<string, WeightAccumulator>
      needs: NeedRef[]
      lastPersona: PersonaCard | null
      personas: number
    }
  >()
  for (const item of index.needs) {
    const coverage = item.coverage[horizon]
    // An overridden need keeps its status whatever is built, so building closes nothing there.
    if (coverage.overridden || !isUnmet(coverage.computed)) continue
    for (const capability of item.capabilities) {
      // The need is unmet, so none of its capabilities is in place at this horizon: each would meet it.
      let entry = byCapability.get(capability.id)
      if (!entry) {
        entry = { keys: new Map(), needs: [], lastPersona: null, personas: 0 }
        byCapability.set(capability.id, entry)
      }
      let acc = entry.keys.get(item.key)
      if (!acc) {
        acc = newAccumulator()
        entry.keys.set(item.key, acc)
      }
      accumulate(acc, item)
      entry.needs.push(item.ref)
      if (entry.lastPersona !== item.persona) {
        entry.lastPersona = item.persona
        entry.personas++
      }
    }
  }
  const candidates: { candidate: BuildCandidate; column: number }[] = []
  index.capabilities.forEach((capability, column) => {
    const entry = byCapability.get(capability.id)
    if (!entry) return
    let weight = 0
    let unprioritisedReach = 0
    for (const acc of entry.keys.values()) {
      weight += weightOf(acc)
      if (acc.priorityWeight === 0) unprioritisedReach += reachOf(acc)
    }
    candidates.push({
      column,
      candidate: {
        rank: 0,
        capabilityId: capability.id,
        name: capability.name,
        state: capability.state,
        horizon: capability.horizon,
        stateAt: capabilityStateAt(capability, horizon),
        weight,
        unprioritisedReach,
        needsClosed: entry.needs.length,
        gapsClosed: entry.keys.size,
        personas: entry.personas,
        needs: entry.needs
      }
    })
  })
  candidates.sort(
    (a, b) =>
      b.candidate.weight - a.candidate.weight ||
      b.candidate.unprioritisedReach - a.candidate.unprioritisedReach ||
      b.candidate.needsClosed - a.candidate.needsClosed ||
      a.column - b.column
  )
  return candidates.map(({ candidate }, i) => {
    candidate.rank = i + 1
    return candidate
  })
}

function horizonSeries(index: CoverageIndex): GapCharts['byHorizon'] {
  return HORIZONS.map((horizon, h) => {
    const counts = emptyCounts()
    let closed = 0
    let improved = 0
    for (const item of index.needs) {
      const status = item.coverage[horizon].status
      addToCounts(counts, status)
      if (h === 0) continue
      const before = item.coverage[HORIZONS[h - 1]].status
      if (STATUS_SCORE[status] > STATUS_SCORE[before]) improved++
      if (status === 'met' && isUnmet(before)) closed++
    }
    return { horizon, ...counts, closed, improved }
  })
}

/** The gap analysis at `horizon`, from an index built once per workspace. */
export function analyzeGaps(index: CoverageIndex, horizon: Horizon): GapAnalysis {
  const columnOf = new Map<string, { position: number; column: CapabilityColumn }>()
  const columns: CapabilityColumn[] = index.capabilities.map((capability, position) => {
    const column: CapabilityColumn = {
      capabilityId: capability.id,
      name: capability.name,
      state: capability.state,
      horizon: capability.horizon,
      stateAt: capabilityStateAt(capability, horizon),
      totals: emptyCounts()
    }
    columnOf.set(capability.id, { position, column })
    return column
  })
  // One scratch map, cleared per persona: the persona's cells with their column position.
  const cells = new Map<string, { position: number; cell: MatrixCell }>()

  const totals = emptyCounts()
  const needs: NeedResult[] = []
  const gapsByPriority = new Map<Priority | null, { needs: number; gap: number; partial: number }>(
    PRIORITY_ROWS.map((p) => [p, { needs: 0, gap: 0, partial: 0 }])
  )
  const notSet: NotSetCounts = { kind: 0, priority: 0, horizon: 0 }
  const categories: CategoryResult[] = index.groups.map((group) => {
    const categoryTotals = emptyCounts()
    const rows = group.personas.map(({ persona, needs: personaNeeds }): PersonaRow => {
      const rowTotals = emptyCounts()
      cells.clear()
      for (const item of personaNeeds) {
        const coverage = item.coverage[horizon]
        addToCounts(rowTotals, coverage.status)
        const { kind, priority, horizon: needHorizon } = item.need
        const byPriority = gapsByPriority.get(priority)
        if (byPriority) {
          byPriority.needs++
          if (isUnmet(coverage.status)) byPriority[coverage.status]++
        }
        if (kind === null) notSet.kind++
        if (priority === null) notSet.priority++
        if (needHorizon === null) notSet.horizon++
        for (const capability of item.capabilities) {
          let entry = cells.get(capability.id)
          if (!entry) {
            const at = columnOf.get(capability.id)
            if (!at) continue // cannot happen: item.capabilities come from the same index
            addToCounts(at.column.totals, coverage.status)
            entry = {
              position: at.position,
              cell: {
                capabilityId: capability.id,
                status: coverage.status,
                counts: emptyCounts(),
                needIds: []
              }
            }
            cells.set(capability.id, entry)
          } else {
            addToCounts(columns[entry.position].totals, coverage.status)
          }
          const { cell } = entry
          cell.status = worseStatus(cell.status, coverage.status)
          addToCounts(cell.counts, coverage.status)
          cell.needIds.push(item.need.id)
        }
        needs.push({
          personaId: persona.id,
          needId: item.need.id,
          personaTitle: persona.title,
          categoryId: item.categoryId,
          categoryName: group.name,
          text: item.need.text,
          children: item.need.children,
          kind: item.need.kind,
          priority: item.need.priority,
          horizon: item.need.horizon,
          capabilityIds: item.capabilityIds,
          coverage,
          byHorizon: item.coverage
        })
      }
      addCounts(categoryTotals, rowTotals)
      return {
        personaId: persona.id,
        title: persona.title,
        categoryId: group.category?.id ?? null,
        headcount: persona.headcount,
        totals: rowTotals,
        cells: [...cells.values()].sort((a, b) => a.position - b.position).map((entry) => entry.cell)
      }
    })
    addCounts(totals, categoryTotals)
    return { categoryId: group.category?.id ?? null, name: group.name, totals: categoryTotals, rows }
  })

  return {
    horizon,
    totals,
    notSet,
    columns,
    categories,
    needs,
    rankedGaps: rankGaps(index, horizon),
    buildFirst: rankBuildFirst(index, horizon),
    charts: {
      coverageByCategory: categories.map((c) => ({
        categoryId: c.categoryId,
        category: c.name,
        ...c.totals
      })),
      gapsByPriority: PRIORITY_ROWS.map((priority) => ({
        priority,
        ...(gapsByPriority.get(priority) ?? { needs: 0, gap: 0, partial: 0 })
      })),
      byHorizon: horizonSeries(index)
    }
  }
}

/** Shorthand for one-off use: builds the index and analyses it. Keep the index to switch horizons. */
export const analyzeWorkspace = (workspace: Workspace, horizon: Horizon): GapAnalysis =>
  analyzeGaps(buildCoverageIndex(workspace), horizon)
