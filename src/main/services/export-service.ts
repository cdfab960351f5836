/** Export on files: serialise the workspace (src/shared/formats) and write it atomically. Plain Node; no Electron. */
import { serialize } from '../../shared/formats'
import type { ExportFormat } from '../../shared/ipc/contract'
import type { SavedFile } from '../../shared/ipc/types'
import type { Workspace } from '../../shared/model/schema'
import { writeFileAtomic } from './atomic-write'

const FILE_NAMES: Record<ExportFormat, string> = {
  json: 'workspace.json',
  'md-taxonomy': 'taxonomy.md',
  'md-personas': 'personas.md',
  csv: 'cards.csv',
  'csv-capabilities': 'capabilities.csv',
  'csv-needs': 'needs.csv'
}

/** The file name the save dialog proposes for a format. */
export const defaultExportName = (format: ExportFormat): string => FILE_NAMES[format]

const isCsv = (format: ExportFormat): boolean => format.startsWith('csv')

/**
 * The bytes of an export file: the serialised text in UTF-8; CSV files start with a byte-order
 * mark so that spreadsheet programs read them as UTF-8.
 */
function exportBytes(workspace: Workspace, format: ExportFormat): Uint8Array {
  const text = serialize(workspace, format)
  return new TextEncoder().encode(isCsv(format) ? `\uFEFF${text}` : text)
}

/** Writes the workspace in `format` to `path` (temporary file, fsync, rename). */
export async function exportToPath(
  workspace: Workspace,
  format: ExportFormat,
  path: string
): Promise<SavedFile> {
  const bytes = exportBytes(workspace, format)
  await writeFileAtomic(path, bytes)
  return { path, bytes: bytes.byteLength }
}
