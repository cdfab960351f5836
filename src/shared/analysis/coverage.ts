/**
 * Coverage of one need at one horizon: pure rules, no workspace walking (see gap-analysis.ts).
 *
 * - No linked capability (ids that name no capability are ignored): `unassessed`.
 * - Otherwise the best linked capability decides: one in place → `met`; else one partial →
 *   `partial`; else `gap`.
 * - A `planned` capability counts as in place from its horizon on (now < medium < long); a planned
 *   capability without a horizon never counts. `absent` never counts; `partial` stays partial at
 *   every horizon (its horizon field is ignored).
 * - An override replaces the computed status at every horizon; the result keeps both.
 */
import { HORIZONS, type Capability, type Horizon, type Need } from '../model/schema'

export const COVERAGE_STATUSES = ['met', 'partial', 'gap', 'unassessed'] as const
export type CoverageStatus = (typeof COVERAGE_STATUSES)[number]

/** What a capability amounts to at a horizon once its plan is taken into account. */
export type EffectiveState = 'in-place' | 'partial' | 'absent'

export interface NeedCoverage {
  /** The status to show and count: the override when there is one, else `computed`. */
  status: CoverageStatus
  /** The status the linked capabilities give. */
  computed: CoverageStatus
  overridden: boolean
  /** The override's rationale; null when not overridden. */
  rationale: string | null
}

export interface CoverageCounts {
  met: number
  partial: number
  gap: number
  unassessed: number
  total: number
}

const horizonIndex = (horizon: Horizon): number => HORIZONS.indexOf(horizon)

export function capabilityStateAt(capability: Capability, horizon: Horizon): EffectiveState {
  switch (capability.state) {
    case 'in-place':
      return 'in-place'
    case 'partial':
      return 'partial'
    case 'planned':
      return capability.horizon !== null && horizonIndex(capability.horizon) <= horizonIndex(horizon)
        ? 'in-place'
        : 'absent'
    case 'absent':
      return 'absent'
  }
}

/** The computed status of a need linked to `capabilities` (already resolved, unknown ids dropped). */
export function statusFromCapabilities(
  capabilities: readonly Capability[],
  horizon: Horizon
): CoverageStatus {
  if (capabilities.length === 0) return 'unassessed'
  let best: CoverageStatus = 'gap'
  for (const capability of capabilities) {
    const state = capabilityStateAt(capability, horizon)
    if (state === 'in-place') return 'met'
    if (state === 'partial') best = 'partial'
  }
  return best
}

/** Resolves a need's capability ids against the workspace, dropping unknown ids and repeats. */
export function linkedCapabilities(
  need: Pick<Need, 'capabilityIds'>,
  capabilitiesById: ReadonlyMap<string, Capability>
): Capability[] {
  const found: Capability[] = []
  for (const id of need.capabilityIds) {
    const capability = capabilitiesById.get(id)
    if (capability && !found.includes(capability)) found.push(capability)
  }
  return found
}

/** Shared, frozen results for needs without an override: most needs, so no allocation for them. */
const PLAIN: Readonly<Record<CoverageStatus, NeedCoverage>> = {
  met: Object.freeze({ status: 'met', computed: 'met', overridden: false, rationale: null }),
  partial: Object.freeze({ status: 'partial', computed: 'partial', overridden: false, rationale: null }),
  gap: Object.freeze({ status: 'gap', computed: 'gap', overridden: false, rationale: null }),
  unassessed: Object.freeze({
    status: 'unassessed',
    computed: 'unassessed',
    overridden: false,
    rationale: null
  })
}

/** The coverage of a need whose capabilities give `computed`. The result may be shared: do not mutate it. */
export function applyOverride(need: Pick<Need, 'override'>, computed: CoverageStatus): NeedCoverage {
  return need.override
    ? { status: need.override.status, computed, overridden: true, rationale: need.override.rationale }
    : PLAIN[computed]
}

/** Coverage of one need at one horizon. */
export function needCoverage(
  need: Pick<Need, 'capabilityIds' | 'override'>,
  capabilitiesById: ReadonlyMap<string, Capability>,
  horizon: Horizon
): NeedCoverage {
  return applyOverride(need, statusFromCapabilities(linkedCapabilities(need, capabilitiesById), horizon))
}

export const emptyCounts = (): CoverageCounts => ({ met: 0, partial: 0, gap: 0, unassessed: 0, total: 0 })

export function addToCounts(counts: CoverageCounts, status: CoverageStatus, n = 1): void {
  // A switch, not counts[status]: a keyed store is several times slower in the hot loops.
  switch (status) {
    case 'met':
      counts.met += n
      break
    case 'partial':
      counts.partial += n
      break
    case 'gap':
      counts.gap += n
      break
    case 'unassessed':
      counts.unassessed += n
      break
  }
  counts.total += n
}

export function addCounts(into: CoverageCounts, from: CoverageCounts): void {
  into.met += from.met
  into.partial += from.partial
  into.gap += from.gap
  into.unassessed += from.unassessed
  into.total += from.total
}

/** How bad a status is, for "worst of" summaries: met < unassessed < partial < gap. */
const SEVERITY: Record<CoverageStatus, number> = { met: 0, unassessed: 1, partial: 2, gap: 3 }

export const worseStatus = (a: CoverageStatus, b: CoverageStatus): CoverageStatus =>
  SEVERITY[b] > SEVERITY[a] ? b : a

/** How good a status is, for "never worse later" comparisons: unassessed = gap < partial < met. */
export const STATUS_SCORE: Record<CoverageStatus, number> = { unassessed: 0, gap: 0, partial: 1, met: 2 }

export const isUnmet = (status: CoverageStatus): status is 'gap' | 'partial' =>
  status === 'gap' || status === 'partial'
