/** What the toast says once an import is applied, from the card counts before and after it. */
import type { ImportMode } from '../../../../shared/commands/schema'
import { plural } from '../../../../shared/text/plural'

/**
 * "Imported 53 cards." (with how many merged into cards already there), or for a replace "Replaced
 * the workspace with 53 cards."; each says how to take it back.
 */
export function importedMessage(mode: ImportMode, incoming: number, before: number, after: number): string {
  if (mode === 'replace')
    return `Replaced the workspace with ${plural(after, 'card')}. Undo (Ctrl+Z) brings back what you had.`
  const added = Math.max(0, after - before)
  const merged = Math.max(0, incoming - added)
  if (merged === 0) return `Imported ${plural(added, 'card')}. Undo (Ctrl+Z) takes the import back.`
  return `Imported ${plural(added, 'new card')} and merged ${plural(merged, 'card')} into cards you had. Undo (Ctrl+Z) takes the import back.`
}
