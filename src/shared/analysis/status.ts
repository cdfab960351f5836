/**
 * The words for a need's coverage status, the one place every view and the report take them from:
 * the board's cards, the "Has gaps" filter, the needs table, the gap view and the report. A
 * "gap" is always the status `gap` (linked capabilities, none in place or partial); a need with no
 * capability linked is `unassessed`, never a gap. The renderer's colours and icons for the same
 * statuses are in features/gaps/status-look.ts.
 */
import { plural } from '../text/plural'
import { COVERAGE_STATUSES, type CoverageCounts, type CoverageStatus, type NeedCoverage } from './coverage'

export const STATUS_LABEL: Readonly<Record<CoverageStatus, string>> = {
  met: 'Met',
  partial: 'Partial',
  gap: 'Gap',
  unassessed: 'Unassessed'
}

/** What each status means, in a few words (the gap view's summary tiles, the needs filter's help). */
export const STATUS_HELP: Readonly<Record<CoverageStatus, string>> = {
  met: 'a linked capability is in place',
  partial: 'the best linked capability is partial',
  gap: 'no linked capability is in place',
  unassessed: 'no capability linked yet'
}

/**
 * How a need's kind, priority or horizon that the source did not say (null) reads everywhere: in
 * the app's tables, filters and selects, and in the report.
 */
export const NOT_SET_LABEL = 'Not set'

/** A count of needs with one status: "1 gap", "2 gaps", "3 met", "1 partial", "4 unassessed". */
export function statusCount(status: CoverageStatus, n: number): string {
  switch (status) {
    case 'gap':
      return plural(n, 'gap')
    case 'met':
      return `${n} met`
    case 'partial':
      return `${n} partial`
    case 'unassessed':
      return `${n} unassessed`
  }
}

/** The statuses that have needs, in the order met, partial, gap, unassessed: "2 gaps, 3 unassessed"; '' for none. */
export const countsSummary = (counts: CoverageCounts): string =>
  COVERAGE_STATUSES.filter((s) => counts[s] > 0)
    .map((s) => statusCount(s, counts[s]))
    .join(', ')

/** Cell text for a matrix cell: "Gap" for one need, "1 met, 2 gaps" for several; '' for none. */
export function countsLabel(counts: CoverageCounts): string {
  const parts = COVERAGE_STATUSES.filter((s) => counts[s] > 0)
  if (parts.length === 1 && counts.total === 1) return STATUS_LABEL[parts[0]]
  return countsSummary(counts)
}

/** "Met", or for an override "Met (override; computed: gap)". The rationale is shown separately. */
export function coverageLabel(coverage: NeedCoverage): string {
  const label = STATUS_LABEL[coverage.status]
  return coverage.overridden
    ? `${label} (override; computed: ${STATUS_LABEL[coverage.computed].toLowerCase()})`
    : label
}

/**
 * Whether a persona "has gaps": at least one need whose status is `gap`. The board's filter and the
 * gap view's persona rows (totals.gap) agree on this; unassessed and partial needs do not count.
 */
export const hasGaps = (counts: Pick<CoverageCounts, 'gap'>): boolean => counts.gap > 0
