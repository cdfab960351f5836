/**
 * Import and export of profile documents: pure functions, text in, data out (no Node, no
 * Electron). Importers never throw on content: what they cannot use becomes a diagnostic with its
 * line. Only decodeText (and so parseProfileBytes) throws, with an ImportError, for a file that
 * cannot be read at all.
 */
import type { ExportFormat } from '../ipc/contract'
import type { Capability, Card, Category, Workspace } from '../model/schema'
import { IMPORT_LIMITS, ImportLimitReached, ParseContext, countLines, sortDiagnostics } from './context'
import { decodeBytes } from './decode'
import { detectFormat } from './detect'
import { FORMATS, formatOf, type FormatId } from './registry'
import type { Loss, ParseOptions, ParsedFile } from './types'

export { ImportError, MAX_IMPORT_BYTES, MAX_IMPORT_TOTAL_BYTES, type ImportErrorCode } from './errors'
export { decodeBytes, decodeText } from './decode'
export { detectFormat } from './detect'
export { workspaceJsonSchema } from './json-schema'
export { guardFormula, unguardFormula } from './csv/table'
export { isEscoUri } from './markdown/taxonomy'
export { IMPORT_LIMITS, ImportLimitReached, limitMessage, MAX_LIST_DEPTH, type LimitKind } from './context'
export { DETECTION } from './detect'
export { FORMATS, FORMAT_IDS, findFormat, formatOf, isFormatId, type Format, type FormatId } from './registry'
export { lossesHeading, lossMessage, lossWords, LOSS_KINDS, type LossKind } from './losses'
export type { FormatDescriptor, Loss, ParseOptions, ParsedFile } from './types'

/** What each format is called in messages and previews ("read as cards CSV"). */
export const FORMAT_NAMES = Object.fromEntries(FORMATS.map((f) => [f.id, f.name])) as Record<FormatId, string> // one entry per id

interface Content {
  categories: Category[]
  cards: Card[]
  capabilities: Capability[]
  metadata: Record<string, unknown>
  title?: string | null
  description?: string
}

function read(format: FormatId, text: string, ctx: ParseContext, options: ParseOptions): Content {
  return {
    categories: [],
    cards: [],
    capabilities: [],
    metadata: {},
    ...formatOf(format).parse(text, ctx, options)
  }
}

/**
 * Reads a profile document of any supported format (detected from the content). Never throws on
 * content: a file it cannot use gives a ParsedFile with no content and an error diagnostic.
 */
export function parseProfileText(text: string, fileName: string, options: ParseOptions = {}): ParsedFile {
  const ctx = new ParseContext(fileName, options.newId, {
    limits: options.limits === null ? undefined : (options.limits ?? IMPORT_LIMITS),
    onProgress: options.onProgress
  })
  const clean = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n')
  const format = detectFormat(clean, fileName)
  let content: Content
  try {
    // The parsers report progress as a fraction; the context adds the cards made so far.
    content = read(format, clean, ctx, { ...options, onProgress: (fraction) => ctx.progress(fraction) })
    const { cards, categories, capabilities } = content
    // Parsers that build their lists in one go (the workspace JSON) are checked here, before any use.
    ctx.created('cards', null, Math.max(0, cards.length - ctx.counts.cards))
    ctx.created('categories', null, Math.max(0, categories.length - ctx.counts.categories))
    ctx.created('capabilities', null, Math.max(0, capabilities.length - ctx.counts.capabilities))
  } catch (error) {
    if (error instanceof ImportLimitReached) {
      // Past a limit: the file is refused whole, nothing of it is kept.
      ctx.refuse(error.line, error.message)
    } else {
      // Not expected: every importer reports problems as diagnostics. Kept so one bug cannot crash an import.
      ctx.error(
        null,
        `Persona Planner could not read this file (internal error: ${error instanceof Error ? error.message : String(error)}).`
      )
    }
    content = { categories: [], cards: [], capabilities: [], metadata: {} }
  }
  const empty = content.categories.length + content.cards.length + content.capabilities.length === 0
  if (empty && !ctx.diagnostics.some((d) => d.severity === 'error')) {
    ctx.warn(
      null,
      `No categories, cards or capabilities were found in this file (read as ${FORMAT_NAMES[format]}).`
    )
  }
  ctx.progress(1)
  const frontMatterTitle = typeof content.metadata.title === 'string' ? content.metadata.title.trim() : ''
  return {
    fileName,
    format,
    ...content,
    title: content.title ?? (frontMatterTitle === '' ? null : frontMatterTitle.slice(0, 200)),
    description: content.description ?? '',
    diagnostics: ctx.finish(),
    lineCount: countLines(clean)
  }
}

/**
 * decodeBytes, then parseProfileText; the decoder's warnings (stray bytes) join the parser's, in
 * line order. Throws only ImportError (too large, binary, empty, undecodable).
 */
export function parseProfileBytes(
  bytes: Uint8Array,
  fileName: string,
  options: ParseOptions = {}
): ParsedFile {
  const decoded = decodeBytes(bytes, fileName)
  const parsed = parseProfileText(decoded.text, fileName, options)
  if (decoded.diagnostics.length === 0) return parsed
  return { ...parsed, diagnostics: sortDiagnostics([...decoded.diagnostics, ...parsed.diagnostics]) }
}

/**
 * Writes a workspace in an export format ('csv', the cards CSV's old id, is still taken). Each
 * shape carries part of the workspace: `exportLosses` says what it leaves out.
 */
export function serialize(workspace: Workspace, format: ExportFormat | 'csv'): string {
  return formatOf(format === 'csv' ? 'csv-cards' : format).serialize(workspace)
}

/** What an export of this workspace in `format` cannot hold, counted; [] when it holds everything. */
export function exportLosses(workspace: Workspace, format: ExportFormat): Loss[] {
  return formatOf(format).losses(workspace)
}
