import type { Diagnostic } from '../ipc/types'
import type { Capability, Card, Category } from '../model/schema'

export const FORMAT_IDS = [
  'md-taxonomy',
  'md-personas',
  'csv-cards',
  'csv-capabilities',
  'csv-needs',
  'json'
] as const
export type FormatId = (typeof FORMAT_IDS)[number]

/** What an importer makes of one file. Ids are fresh; categoryIds point at this file's categories. */
export interface ParsedFile {
  fileName: string
  format: FormatId
  categories: Category[]
  /** In document order; each carries provenance { source: fileName, line } and its position in its column. */
  cards: Card[]
  capabilities: Capability[]
  /** Document-level metadata: a Markdown file's front matter, a workspace's name. */
  metadata: Record<string, unknown>
  /** The document's title (a Markdown `#` heading or front-matter `title`, a workspace's name); null when it has none. */
  title: string | null
  /** The document's introduction as Markdown, links kept (a workspace's description); '' when it has none. */
  description: string
  diagnostics: Diagnostic[]
  lineCount: number
}

export interface ParseOptions {
  /** Makes ids; defaults to crypto.randomUUID(). */
  newId?: () => string
  /** Called with a fraction from 0 to 1 while a large file is parsed. */
  onProgress?: (fraction: number) => void
}
