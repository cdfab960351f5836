/** The gap report, saved where the user chooses: Markdown, HTML and CSV as text, PDF through the platform. */
import type { SavedFile } from '../../shared/ipc/types'
import type { Horizon } from '../../shared/model/schema'
import { writeFileAtomic } from '../services/atomic-write'
import { renderReport, writeReport } from '../services/report-service'
import type { HandlerDeps, Handlers } from './types'

const REPORT_EXTENSIONS = { md: 'md', html: 'html', csv: 'csv', pdf: 'pdf' } as const

export function reportHandlers({ store, platform }: HandlerDeps) {
  async function saveReport(
    format: keyof typeof REPORT_EXTENSIONS,
    horizon: Horizon
  ): Promise<SavedFile | null> {
    const workspace = store.snapshot().workspace
    const path = await platform.chooseSavePath(`gap-report-${horizon}.${REPORT_EXTENSIONS[format]}`)
    if (path === null) return null
    if (format !== 'pdf') return writeReport(workspace, format, horizon, path)
    const pdf = await platform.printToPdf(renderReport(workspace, 'html', horizon))
    await writeFileAtomic(path, pdf)
    return { path, bytes: pdf.byteLength }
  }

  return {
    exportReport: async ({ format, horizon }) => saveReport(format, horizon)
  } satisfies Partial<Handlers>
}
