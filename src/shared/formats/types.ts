import type { Diagnostic } from '../ipc/types'
import type { Capability, Card, Category, Workspace } from '../model/schema'
import type { LimitKind, ParseContext } from './context'
import type { LossKind } from './losses'
import type { FormatId } from './registry'

export type { FormatId } from './registry'

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
  /**
   * Called while a file is parsed: the fraction read, from 0 to 1, and the cards made so far
   * (parseProfileText adds the cards; a parser calls it with the fraction alone).
   */
  onProgress?: (fraction: number, cards?: number) => void
  /** What one file may create (IMPORT_LIMITS when left out); null for none. */
  limits?: Readonly<Record<LimitKind, number>> | null
}

/** What a format's parser gives; what it leaves out is empty. */
export interface FormatContent {
  categories?: Category[]
  cards?: Card[]
  capabilities?: Capability[]
  metadata?: Record<string, unknown>
  title?: string | null
  description?: string
}

/**
 * What detection looks at: the text (no BOM, LF line ends), its start without leading blank
 * space, the file's extension (lower case, no dot) and, read only when asked for, the first
 * line's CSV header names (lower case; null when the first line is no header).
 */
export interface Sniff {
  readonly text: string
  readonly start: string
  readonly ext: string
  readonly header: readonly string[] | null
}

/**
 * One line of the detection table: the format whose rule of lowest rank holds reads the file.
 * `when` says the rule in words; docs/FORMATS.md's detection table is these lines in rank order.
 */
export interface DetectionRule {
  rank: number
  when: string
  test: (sniff: Sniff) => boolean
}

/** Something a workspace has that an export format cannot hold, counted on that workspace. */
export interface Loss {
  what: LossKind
  count: number
  /** A whole sentence for the user: "53 roles are not exported." */
  message: string
}

/**
 * One file format: everything the app, the CLI and the docs know about it. The registry
 * (registry.ts) lists them; the IPC contract's format enum, the import and export services, the
 * CLI's --to list, the export dialog and docs/FORMATS.md's tables all come from it.
 */
export interface FormatDescriptor<Id extends string = string> {
  id: Id
  /** Other ids the CLI accepts for it (kept for older scripts). */
  aliases: readonly string[]
  /** Its name in a list of choices, in words a person knows: "GovStack taxonomy (Markdown)", "Cards (CSV)". */
  label: string
  /** Its name inside a sentence: "read as cards CSV". */
  name: string
  /** One sentence under the label in the export dialog. */
  help: string
  /** File extensions without the dot; the first is the export's. */
  extensions: readonly string[]
  /** The file name the save dialog proposes. */
  fileName: string
  /** Whether an export starts with a byte-order mark (so spreadsheet programs read UTF-8). */
  byteOrderMark: boolean
  detect: readonly DetectionRule[]
  /** Never throws on content: reports through ctx, with line numbers. */
  parse: (text: string, ctx: ParseContext, options: ParseOptions) => FormatContent
  serialize: (workspace: Workspace) => string
  /** What this format cannot hold, whatever the workspace (docs/FORMATS.md lists them); [] for none. */
  drops: readonly LossKind[]
  /** What of this workspace an export in this format cannot hold, counted; [] when it holds everything. */
  losses: (workspace: Workspace) => Loss[]
}

/** A descriptor whose id keeps its literal type, so the registry's ids make a union. */
export const defineFormat = <const Id extends string>(
  descriptor: FormatDescriptor<Id>
): FormatDescriptor<Id> => descriptor
