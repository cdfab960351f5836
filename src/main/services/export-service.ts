/** Export on files: serialise the workspace (src/shared/formats) and write it atomically. Plain Node; no Electron. */
import { formatOf, serialize } from '../../shared/formats'
import type { ExportFormat } from '../../shared/ipc/contract'
import type { SavedFile } from '../../shared/ipc/types'
import type { Workspace } from '../../shared/model/schema'
import { writeFileAtomic } from './atomic-write'

/** The file name the save dialog proposes for a format. */
export const defaultExportName = (format: ExportFormat): string => formatOf(format).fileName

/**
 * The bytes of an export file: the serialised text in UTF-8; formats that ask for it (the CSVs)
 * start with a byte-order mark so that spreadsheet programs read them as UTF-8.
 */
function exportBytes(workspace: Workspace, format: ExportFormat): Uint8Array {
  const text = serialize(workspace, format)
  return new TextEncoder().encode(formatOf(format).byteOrderMark ? `\uFEFF${text}` : text)
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
