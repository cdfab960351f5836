/**
 * The gap report in Markdown, standalone HTML (also the source of the PDF) or CSV. Pure: no clock,
 * no I/O. Markdown and HTML write one document (document.ts); the CSV is its own projection.
 */
import type { Horizon, Workspace } from '../../model/schema'
import { analyzeGaps, buildCoverageIndex, type CoverageIndex } from '../gap-analysis'
import type { ReportData, ReportOptions, TextReportFormat } from './common'
import { renderCsvReport } from './csv'
import { buildReportDocument } from './document'
import { renderHtml } from './html'
import { renderMarkdown } from './markdown'

export {
  EFFECTIVE_STATE_LABEL,
  HORIZON_LABEL,
  KIND_LABEL,
  NOT_SET_LABEL,
  PRIORITY_LABEL,
  STATUS_LABEL,
  TEXT_REPORT_FORMATS,
  capabilityStateLabel,
  countsLabel,
  coverageLabel,
  horizonLabel,
  kindLabel,
  priorityLabel,
  type ReportOptions,
  type TextReportFormat
} from './common'
export { CSV_HEADER, FORMULA_START } from './csv'
export { escapeHtml } from '../../text/html'
export { escapeMarkdown } from './markdown'

/**
 * Renders the gap report of `workspace` at `horizon`. Pass `index` (from buildCoverageIndex) to
 * reuse one already built for the same workspace.
 */
export function renderGapReport(
  workspace: Workspace,
  format: TextReportFormat,
  horizon: Horizon,
  options: ReportOptions = {},
  index: CoverageIndex = buildCoverageIndex(workspace)
): string {
  const data: ReportData = {
    workspaceName: workspace.name,
    analysis: analyzeGaps(index, horizon),
    generatedAt: options.generatedAt ?? null,
    rankedGapsLimit: options.rankedGapsLimit ?? 25,
    buildFirstLimit: options.buildFirstLimit ?? 15,
    matrixColumnsLimit: options.matrixColumnsLimit ?? 12,
    capabilityNames: new Map(index.capabilities.map((c) => [c.id, c.name]))
  }
  switch (format) {
    case 'md':
      return renderMarkdown(buildReportDocument(data))
    case 'html':
      return renderHtml(buildReportDocument(data))
    case 'csv':
      return renderCsvReport(data)
  }
}
