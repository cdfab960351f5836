/**
 * Which importer reads a text: decided by its content, the file extension only breaking ties.
 * Each format's descriptor has its detection rules, each with a rank; the rule of lowest rank that
 * holds decides. In rank order: JSON opens with "{" (or is an array); a CSV's first line is a known
 * header; persona Markdown has section labels (Goals:, Besoins :); taxonomy Markdown has
 * `<details>`/`<summary>` blocks; persona Markdown has front matter or a "Profiles" list; taxonomy
 * Markdown is any other text with headings. Only text with none of these goes by its extension
 * (.csv, .tsv, .json; anything else: taxonomy).
 */
import { headerKey, readRecords } from './csv/table'
import { FORMATS, type FormatId } from './registry'
import type { DetectionRule, Sniff } from './types'

const extensionOf = (fileName: string): string => /\.([a-z0-9]+)$/i.exec(fileName)?.[1].toLowerCase() ?? ''

/** The first line's CSV header names, or null when it is not a header of two or more names. */
function csvHeader(text: string): string[] | null {
  const body = text.replace(/^sep=[,;\t]\n/, '')
  const end = body.indexOf('\n')
  const firstLine = end === -1 ? body : body.slice(0, end)
  if (firstLine.length > 4096 || firstLine.trimStart().startsWith('#')) return null
  const header = readRecords(`${firstLine}\n`, null).records[0]?.cells.map(headerKey) ?? []
  return header.length < 2 ? null : header
}

class TextSniff implements Sniff {
  readonly start: string
  readonly ext: string
  private cachedHeader: string[] | null | undefined

  constructor(
    readonly text: string,
    fileName: string
  ) {
    this.start = text.trimStart()
    this.ext = extensionOf(fileName)
  }

  /** Read on first use: JSON, decided first, never pays for it. */
  get header(): string[] | null {
    if (this.cachedHeader === undefined) this.cachedHeader = csvHeader(this.text)
    return this.cachedHeader
  }
}

/** Every format's detection rules, in rank order: the detection table of docs/FORMATS.md. */
export const DETECTION: readonly (DetectionRule & { format: FormatId })[] = FORMATS.flatMap((f) =>
  f.detect.map((rule) => ({ ...rule, format: f.id }))
).sort((a, b) => a.rank - b.rank)

/** Expects text without a BOM and with LF line ends. */
export function detectFormat(text: string, fileName: string): FormatId {
  const sniff = new TextSniff(text, fileName)
  return DETECTION.find((rule) => rule.test(sniff))?.format ?? 'md-taxonomy'
}
