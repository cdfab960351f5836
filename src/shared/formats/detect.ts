/**
 * Which importer reads a text: decided by its content, the file extension only breaking ties.
 * JSON opens with "{" (or is an array); a CSV's first line is a known header; persona Markdown
 * has section labels (Goals:, Besoins :), front matter or a "Profiles" list; taxonomy Markdown has
 * `<details>`/`<summary>` blocks, and is also what any other text with headings is read as. Only
 * text with none of these goes by its extension (.csv, .tsv, .json; anything else: taxonomy).
 */
import { readRecords, headerKey } from './csv/table'
import type { FormatId } from './types'

const PERSONA_LABEL =
  /^[ \t]{0,3}[*_]{0,3}(?:goals?|habits?|needs?|problems?|objectifs?|habitudes?|besoins?|probl[eè]mes?)[*_]{0,3}[ \t]*[*_]{0,3}:/im
const DETAILS = /^[ \t]{0,3}<details[\s>]/im
const SUMMARY = /<summary[\s>]/i
const PROFILES_LIST = /^[ \t]{0,3}#{1,6}[ \t]+(?:profiles?|profils?)[ \t#]*\n\s*\n?[ \t]{0,3}[-*+][ \t]/im

const extensionOf = (fileName: string): string => /\.([a-z0-9]+)$/i.exec(fileName)?.[1].toLowerCase() ?? ''

/** The CSV shape named by the first line, or null when it is not a known header. */
function csvShape(text: string): FormatId | null {
  const end = text.indexOf('\n')
  const firstLine = end === -1 ? text : text.slice(0, end)
  if (firstLine.length > 4096 || firstLine.trimStart().startsWith('#')) return null
  const header = readRecords(`${firstLine}\n`, null).records[0]?.cells.map(headerKey) ?? []
  if (header.length < 2) return null
  const has = (name: string): boolean => header.includes(name)
  if (has('persona') && has('need')) return 'csv-needs'
  if (has('name') && (has('state') || has('horizon') || has('owner'))) return 'csv-capabilities'
  if (has('title') && (has('kind') || has('category') || has('description'))) return 'csv-cards'
  return null
}

/** Expects text without a BOM and with LF line ends. */
export function detectFormat(text: string, fileName: string): FormatId {
  const ext = extensionOf(fileName)
  const start = text.trimStart()
  if (start.startsWith('{')) return 'json'
  if (start.startsWith('[') && (ext === 'json' || text.trimEnd().endsWith(']'))) return 'json'
  const csv = csvShape(text.replace(/^sep=[,;\t]\n/, ''))
  if (csv !== null) return csv
  if (PERSONA_LABEL.test(text)) return 'md-personas'
  if (DETAILS.test(text) && SUMMARY.test(text)) return 'md-taxonomy'
  if (/^---[ \t]*\n/.test(text) || PROFILES_LIST.test(text)) return 'md-personas'
  if (/^ {0,3}#{1,6}[ \t]+\S/m.test(text)) return 'md-taxonomy'
  if (ext === 'csv' || ext === 'tsv') return 'csv-cards'
  if (ext === 'json') return 'json'
  return 'md-taxonomy'
}
