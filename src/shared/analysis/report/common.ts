/** Shared by the report's document, its backends and the app: input, options, labels, status wording. */
import type { CapabilityState, Horizon, NeedKind, Priority } from '../../model/schema'
import type { CoverageCounts, CoverageStatus, EffectiveState, NeedCoverage } from '../coverage'
import type { GapAnalysis } from '../gap-analysis'
import { plural } from '../../text/plural'

export const TEXT_REPORT_FORMATS = ['md', 'html', 'csv'] as const
export type TextReportFormat = (typeof TEXT_REPORT_FORMATS)[number]

export interface ReportOptions {
  /**
   * When the report was made, shown in its header (ISO 8601 shows as "2026-01-15 09:30 UTC"); null
   * leaves it out. Passed in, never read from the clock here, so a report is reproducible.
   */
  generatedAt?: string | null
  /** Longest ranked-gap list in Markdown and HTML (the CSV has every need). Default 25. */
  rankedGapsLimit?: number
  /** Longest "what to build first" list in Markdown and HTML. Default 15. */
  buildFirstLimit?: number
  /**
   * Most capability columns in the report's matrix (the most linked ones, in column order); the
   * app shows the full matrix. Default 12: two tables side by side on A4 in the HTML/PDF.
   */
  matrixColumnsLimit?: number
}

export interface ReportData {
  workspaceName: string
  analysis: GapAnalysis
  generatedAt: string | null
  rankedGapsLimit: number
  buildFirstLimit: number
  matrixColumnsLimit: number
  /** Capability names by id. */
  capabilityNames: ReadonlyMap<string, string>
}

export const STATUS_LABEL: Readonly<Record<CoverageStatus, string>> = {
  met: 'Met',
  partial: 'Partial',
  gap: 'Gap',
  unassessed: 'Unassessed'
}

export const HORIZON_LABEL: Readonly<Record<Horizon, string>> = {
  now: 'Now',
  medium: 'Medium term',
  long: 'Long term'
}

/** How the analysed horizon reads in a report's header. */
export const HORIZON_HEADING: Readonly<Record<Horizon, string>> = {
  now: 'now',
  medium: 'after the medium-term plan',
  long: 'after the long-term plan'
}

export const PRIORITY_LABEL: Readonly<Record<Priority, string>> = {
  must: 'Must',
  should: 'Should',
  could: 'Could'
}

export const KIND_LABEL: Readonly<Record<NeedKind, string>> = { it: 'IT', business: 'Business' }

/**
 * How a need's kind, priority or horizon that the source did not say (null) reads everywhere: in
 * the app's tables, filters and selects, and in the report.
 */
export const NOT_SET_LABEL = 'Not set'

/** A need's kind, priority or horizon as a label; `Not set` for null. */
export const kindLabel = (kind: NeedKind | null): string => (kind === null ? NOT_SET_LABEL : KIND_LABEL[kind])
export const priorityLabel = (priority: Priority | null): string =>
  priority === null ? NOT_SET_LABEL : PRIORITY_LABEL[priority]
export const horizonLabel = (horizon: Horizon | null): string =>
  horizon === null ? NOT_SET_LABEL : HORIZON_LABEL[horizon]

export const EFFECTIVE_STATE_LABEL: Readonly<Record<EffectiveState, string>> = {
  'in-place': 'in place',
  partial: 'partial',
  absent: 'not in place'
}

export function capabilityStateLabel(state: CapabilityState, horizon: Horizon | null): string {
  switch (state) {
    case 'in-place':
      return 'In place'
    case 'partial':
      return 'Partial'
    case 'absent':
      return 'Absent'
    case 'planned':
      return horizon === null ? 'Planned (no horizon)' : `Planned (${HORIZON_LABEL[horizon].toLowerCase()})`
  }
}

/** "Met", or for an override "Met (override; computed: Gap)". The rationale is shown separately. */
export function coverageLabel(coverage: NeedCoverage): string {
  const label = STATUS_LABEL[coverage.status]
  return coverage.overridden
    ? `${label} (override; computed: ${STATUS_LABEL[coverage.computed].toLowerCase()})`
    : label
}

/** Cell text for a matrix cell: "Gap" for one need, "1 met, 2 gaps" for several; '' for none. */
export function countsLabel(counts: CoverageCounts): string {
  const parts = (['met', 'partial', 'gap', 'unassessed'] as const).filter((s) => counts[s] > 0)
  if (parts.length === 1 && counts.total === 1) return STATUS_LABEL[parts[0]]
  return parts.map((s) => (s === 'gap' ? plural(counts.gap, 'gap') : `${counts[s]} ${s}`)).join(', ')
}
