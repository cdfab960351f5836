/** What the three report renderers share: the input, labels and the wording of statuses. */
import type { CapabilityState, Horizon, Priority } from '../../model/schema'
import type { CoverageCounts, CoverageStatus, EffectiveState, NeedCoverage } from '../coverage'
import type { CapabilityColumn, GapAnalysis } from '../gap-analysis'
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

export const KIND_LABEL = { it: 'IT', business: 'Business' } as const

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

export function formatGeneratedAt(value: string): string {
  const iso = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?Z$/.exec(value)
  return iso ? `${iso[1]} ${iso[2]} UTC` : value
}

/** One-sentence summary of the counts at the analysed horizon. */
export function summarySentence(data: ReportData): string {
  const { totals, categories } = data.analysis
  const personas = categories.reduce((n, c) => n + c.rows.length, 0)
  if (totals.total === 0) return `${plural(personas, 'persona')}, no needs recorded.`
  return (
    `${plural(totals.total, 'need')} of ${plural(personas, 'persona')}: ${totals.met} met, ` +
    `${totals.partial} partial, ${plural(totals.gap, 'gap')}, ${totals.unassessed} unassessed ` +
    `(no capability linked).`
  )
}

export const RULES_NOTE =
  'A need is met when a linked capability is in place, partial when the best linked one is partial, ' +
  'a gap when none is in place or partial, and unassessed when no capability is linked. A planned ' +
  'capability counts as in place from its horizon on. An override replaces the computed status. ' +
  'Gap weight = priority (must 3, should 2, could 1) × personas with the same unmet need × their known ' +
  'headcount (1 when none is known).'

/**
 * The matrix columns a report shows: capabilities with at least one linked need; beyond the limit,
 * those with the most linked needs (ties: column order), shown in column order. `note` says what
 * was left out, or is null.
 */
export function matrixColumns(data: ReportData): { columns: CapabilityColumn[]; note: string | null } {
  const linked = data.analysis.columns.filter((c) => c.totals.total > 0)
  if (linked.length <= data.matrixColumnsLimit) return { columns: linked, note: null }
  const position = new Map(linked.map((c, i) => [c, i]))
  const kept = new Set(
    [...linked]
      .sort((a, b) => b.totals.total - a.totals.total || (position.get(a) ?? 0) - (position.get(b) ?? 0))
      .slice(0, data.matrixColumnsLimit)
  )
  return {
    columns: linked.filter((c) => kept.has(c)),
    note:
      `The ${data.matrixColumnsLimit} capabilities with the most linked needs, of ${linked.length} ` +
      `with any; the gap analysis in the app shows them all.`
  }
}
