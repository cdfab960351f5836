/**
 * The gap report on file paths, for the app's "Export report" and the CLI. No Electron here: the
 * PDF is Electron's printToPDF of `renderReport(workspace, 'html', horizon)`, done by the glue.
 */
import { renderGapReport, type ReportOptions, type TextReportFormat } from '../../shared/analysis'
import type { SavedFile } from '../../shared/ipc/types'
import type { Horizon, Workspace } from '../../shared/model/schema'
import { writeFileAtomic } from './atomic-write'

/** Lets Excel on Windows open a UTF-8 CSV file with accents intact; only files get it, not stdout. */
const UTF8_BOM = '\uFEFF'

/** The report as text. `generatedAt` defaults to now; pass null to leave the date out. */
export function renderReport(
  workspace: Workspace,
  format: TextReportFormat,
  horizon: Horizon,
  options: ReportOptions = {}
): string {
  const generatedAt = options.generatedAt === undefined ? new Date().toISOString() : options.generatedAt
  return renderGapReport(workspace, format, horizon, { ...options, generatedAt })
}

/** Renders the report and replaces `path` atomically. A CSV file starts with a UTF-8 byte order mark. */
export async function writeReport(
  workspace: Workspace,
  format: TextReportFormat,
  horizon: Horizon,
  path: string,
  options: ReportOptions = {}
): Promise<SavedFile> {
  const text = renderReport(workspace, format, horizon, options)
  const data = Buffer.from(format === 'csv' ? UTF8_BOM + text : text, 'utf8')
  await writeFileAtomic(path, data)
  return { path, bytes: data.byteLength }
}
