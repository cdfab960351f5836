/**
 * CSV reading and writing (RFC 4180 plus what spreadsheets produce: `;` or tab separators, a
 * `sep=` hint line, quoted multi-line cells). A small reader of our own rather than papaparse:
 * it knows the line each record starts on, for diagnostics, and keeps src/shared free of Node
 * types. Text arrives with LF line ends (the caller normalises them).
 */
import type { ListItem } from '../../model/schema'
import { collapseSpaces } from '../../text/normalize'
import { capListDepth, type ParseContext } from '../context'

export type Separator = ',' | ';' | '\t'

export interface CsvRecord {
  /** 1-based line the record starts on. */
  line: number
  cells: string[]
}

export interface CsvTable {
  separator: Separator
  /** Lower-cased, trimmed header names. */
  header: string[]
  headerLine: number
  rows: CsvRecord[]
}

/** Counts the candidate separators outside quotes on the first line; the most frequent wins, "," on a tie. */
function detectSeparator(text: string, from: number): Separator {
  const counts = { ',': 0, ';': 0, '\t': 0 }
  let quoted = false
  for (let i = from; i < text.length; i++) {
    const c = text[i]
    if (c === '"') quoted = !quoted
    else if (!quoted && c === '\n') break
    else if (!quoted && (c === ',' || c === ';' || c === '\t')) counts[c]++
  }
  if (counts[';'] > counts[','] && counts[';'] >= counts['\t']) return ';'
  if (counts['\t'] > counts[','] && counts['\t'] > counts[';']) return '\t'
  return ','
}

/** Reads every record; reports unterminated quotes and text after a closing quote. Never throws. */
export function readRecords(
  text: string,
  ctx: ParseContext | null
): { separator: Separator; records: CsvRecord[] } {
  let i = 0
  let line = 1
  let separator: Separator
  const hint = /^sep=([,;\t])\n/.exec(text.slice(0, 6))
  if (hint) {
    separator = hint[1] as Separator // the regex admits only these three characters
    i = hint[0].length
    line = 2
  } else {
    separator = detectSeparator(text, 0)
  }
  const records: CsvRecord[] = []
  const n = text.length
  let strayReported = false
  while (i < n) {
    const recordLine = line
    const cells: string[] = []
    for (;;) {
      let cell: string
      if (text[i] === '"') {
        const fieldLine = line
        // Find the closing quote, stepping over `""` escapes; then take the cell in one slice and
        // unescape it in one pass.
        // A plain loop over char codes: a call per quote (indexOf) costs more than the scan itself
        // when a cell is dense with escapes.
        let end = i + 1
        let escapes = 0
        for (;;) {
          while (end < n && text.charCodeAt(end) !== QUOTE) end++
          if (end >= n) {
            ctx?.error(fieldLine, 'A quoted cell is never closed; the rest of the file was read into it.')
            break
          }
          if (text.charCodeAt(end + 1) === QUOTE) {
            escapes++
            end += 2
            continue
          }
          break
        }
        const raw = text.slice(i + 1, end)
        let value = unescapeQuotes(raw, escapes)
        line += countNewlines(text, i + 1, end)
        const j = end === n ? n : end + 1
        // Text between the closing quote and the separator is kept (spreadsheets write none).
        let k = j
        while (k < n && text[k] !== separator && text[k] !== '\n') k++
        if (k > j) {
          value += text.slice(j, k)
          if (!strayReported && text.slice(j, k).trim() !== '') {
            ctx?.warn(line, 'Text after a closing quote was kept as part of the cell.')
            strayReported = true
          }
        }
        cell = value
        i = k
      } else {
        let k = i
        while (k < n && text[k] !== separator && text[k] !== '\n') k++
        cell = text.slice(i, k)
        i = k
      }
      cells.push(cell)
      if (i < n && text[i] === separator) {
        i++
        if (i >= n) {
          cells.push('')
          break
        }
        continue
      }
      if (i < n && text[i] === '\n') {
        i++
        line++
      }
      break
    }
    if (cells.some((c) => c.trim() !== '')) {
      ctx?.created('rows', recordLine)
      records.push({ line: recordLine, cells })
    }
    // Reading the records is the first half of a CSV's parse; making its cards the second.
    ctx?.progress(i / n / 2)
  }
  return { separator, records }
}

const QUOTE = 34

/** Decodes a buffer of UTF-16 code units back into a string, in one call. */
const UTF16 = new TextDecoder('utf-16le')

/**
 * A quoted cell's text with each `""` made `"`. A few escapes: replaceAll. Many: one pass into a
 * buffer of UTF-16 code units decoded in one call, about four times faster than replaceAll on a
 * cell of escapes (which spends its time on each match).
 */
function unescapeQuotes(raw: string, escapes: number): string {
  if (escapes < 16) return escapes === 0 ? raw : raw.replaceAll('""', '"')
  const codes = new Uint16Array(raw.length - escapes)
  let length = 0
  for (let i = 0; i < raw.length; i++) {
    const code = raw.charCodeAt(i)
    codes[length++] = code
    if (code === QUOTE) i++ // the second quote of the pair
  }
  return UTF16.decode(codes.subarray(0, length))
}

/**
 * The line ends in text[from, to). Looks at no character at or past `to`, so a quoted cell costs
 * its own length (a search that ran on to the next line end once made a cell of escapes quadratic).
 */
function countNewlines(text: string, from: number, to: number): number {
  let count = 0
  for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) count++
  return count
}

export const headerKey = (cell: string): string => collapseSpaces(cell.replace(/^\uFEFF/, '')).toLowerCase()

/** Reads the header and rows; null when the text has no record at all. */
export function readTable(text: string, ctx: ParseContext | null): CsvTable | null {
  const { separator, records } = readRecords(text, ctx)
  if (records.length === 0) return null
  const [header, ...rows] = records
  return { separator, header: header.cells.map(headerKey), headerLine: header.line, rows }
}

/** What a spreadsheet may run as a formula: =, +, -, @, tab or CR first, or =, +, -, @ after blanks and line ends. */
const FORMULA = String.raw`(?:[=+\-@\t\r]|[ \t\r\n]+[=+\-@])`
const FORMULA_START = new RegExp(`^'*${FORMULA}`)
const GUARDED = new RegExp(`^'+${FORMULA}`)

/**
 * Guards a cell a spreadsheet would run as a formula (starting with =, +, -, @, tab or CR, or with
 * spaces, tabs, CRs or LFs before =, +, - or @, as in " =HYPERLINK(…)") with a leading apostrophe. Cells that already start with apostrophes before such a character get one
 * more, so that `unguardFormula` can always undo exactly what this added.
 */
export const guardFormula = (cell: string): string => (FORMULA_START.test(cell) ? `'${cell}` : cell)

/** Undoes guardFormula: drops one leading apostrophe before a formula character, nothing else. */
export const unguardFormula = (cell: string): string => (GUARDED.test(cell) ? cell.slice(1) : cell)

function quote(cell: string, separator: Separator): string {
  const needs =
    cell.includes(separator) ||
    cell.includes('"') ||
    cell.includes('\n') ||
    cell.includes('\r') ||
    /^\s|\s$/.test(cell)
  return needs ? `"${cell.replaceAll('"', '""')}"` : cell
}

/** Writes rows with CRLF record ends, quoting where needed and guarding every cell against formulas. */
export function writeCsv(header: readonly string[], rows: string[][], separator: Separator = ','): string {
  return [header, ...rows]
    .map((row) => row.map((cell) => quote(guardFormula(cell), separator)).join(separator))
    .map((row) => `${row}\r\n`)
    .join('')
}

/** A list cell: one item per line, two spaces of indent per nesting level. */
export function listCell(items: ListItem[]): string {
  const out: string[] = []
  const stack: [ListItem, number][] = [...items].reverse().map((item) => [item, 0])
  while (stack.length > 0) {
    const [item, depth] = stack.pop() as [ListItem, number] // non-empty by the loop condition
    out.push(`${'  '.repeat(depth)}${collapseSpaces(item.text)}`)
    for (let i = item.children.length - 1; i >= 0; i--) stack.push([item.children[i], depth + 1])
  }
  return out.join('\n')
}

/** Reads a list cell back: blank lines skipped; an indent deeper than the previous item's makes a child. */
export function parseListCell(cell: string, ctx: ParseContext, line: number): ListItem[] {
  const root: ListItem[] = []
  const stack: { indent: number; item: ListItem }[] = []
  for (const raw of cell.split('\n')) {
    const text = collapseSpaces(raw)
    if (text === '') continue
    const indent = /^[ \t\u00a0]*/.exec(raw)?.[0].replace(/\t/g, '  ').length ?? 0
    while (stack.length > 0 && stack[stack.length - 1].indent >= indent) stack.pop()
    ctx.created('items', line)
    const item: ListItem = { id: ctx.newId(), text, children: [] }
    if (stack.length === 0) root.push(item)
    else stack[stack.length - 1].item.children.push(item)
    stack.push({ indent, item })
  }
  const { items, capped } = capListDepth(root)
  if (capped)
    ctx.warn(line, 'A list cell nests more than 8 levels deep; deeper items were moved up to level 8.')
  return items
}
