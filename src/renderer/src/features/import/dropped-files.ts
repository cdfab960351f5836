/**
 * The size limits checked on dropped files before the page reads them: a file over
 * MAX_IMPORT_BYTES, or files over MAX_IMPORT_TOTAL_BYTES together, are refused without being read
 * or sent to main (which refuses them too, at the IPC boundary).
 */
import { MAX_IMPORT_BYTES, MAX_IMPORT_TOTAL_BYTES } from '../../../../shared/formats/errors'

const mb = (bytes: number, digits = 0): string => `${(bytes / 1024 / 1024).toFixed(digits)} MB`

/** Why these dropped files cannot be imported, in a sentence naming the file; null when they can. */
export function droppedFilesRefusal(files: readonly { name: string; size: number }[]): string | null {
  const huge = files.find((file) => file.size > MAX_IMPORT_BYTES)
  if (huge) {
    return `${huge.name} is ${mb(huge.size, 1)}; files over ${mb(MAX_IMPORT_BYTES)} cannot be imported.`
  }
  const total = files.reduce((n, file) => n + file.size, 0)
  if (total > MAX_IMPORT_TOTAL_BYTES) {
    return `These files come to ${mb(total, 1)} together; at most ${mb(MAX_IMPORT_TOTAL_BYTES)} can be imported at once.`
  }
  return null
}
