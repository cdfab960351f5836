/** Shared by the report's document, its backends and the app: input, options, labels, status wording. */
import type { CapabilityState, Horizon, NeedKind, Priority } from '../../model/schema'
import type { EffectiveState } from '../coverage'
import type { GapAnalysis } from '../gap-analysis'
import { NOT_SET_LABEL } from '../status'

// The status words live in ../status.ts; the report and the app take them from here too.
export { NOT_SET_LABEL, STATUS_LABEL, countsLabel, coverageLabel } from '../status'

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
