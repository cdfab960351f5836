/** The gap report as Markdown (GitHub-flavoured tables), for a wiki page. */
import type { ListItem } from '../../model/schema'
import { stripInvisibleControls } from '../../text/export-safety'
import { coverageLabel } from './common'
import {
  isText,
  type Block,
  type Cell,
  type Column,
  type GroupedTable,
  type ReportDocument,
  type Row,
  type Text
} from './document'

/**
 * Makes user text inert inside a table cell or heading: one line, and every character that could
 * start inline markup (emphasis, code, links, raw HTML, table pipes, strikethrough, entities,
 * math, a closing heading sequence) backslash-escaped, and bidi controls (and zero-width
 * characters at the ends) dropped. Line-start markup (lists, quotes) cannot
 * occur because the text never starts a line.
 */
export function escapeMarkdown(text: string): string {
  return stripInvisibleControls(text)
    .replace(/[\r\n\t\u2028\u2029]+/g, ' ')
    .trim()
    .replace(/[\\`*_[\]<>|~&#$]/g, (c) => `\\${c}`)
}

function md(text: Text): string {
  if (typeof text === 'string') return escapeMarkdown(text)
  if ('verbatim' in text) return text.verbatim
  return text.map(md).join('')
}

const flattenItems = (items: readonly ListItem[]): string[] =>
  items.flatMap((item) => [item.text, ...flattenItems(item.children)])

function cellMd(cell: Cell): string {
  if (typeof cell === 'number') return String(cell)
  if (isText(cell)) return md(cell)
  switch (cell.type) {
    case 'status':
      return coverageLabel(cell.coverage)
    case 'tinted':
      return md(cell.text)
    case 'details': {
      const details = flattenItems(cell.items)
      return escapeMarkdown(details.length > 0 ? `${cell.text} (${details.join('; ')})` : cell.text)
    }
  }
}

const line = (cells: string[]): string => `| ${cells.join(' | ')} |`

function tableMd(columns: Column[], rows: Row[]): string[] {
  const rowMd = ({ cells, kind }: Row): string =>
    line(cells.map((cell, i) => (i === 0 && kind !== undefined ? `**${cellMd(cell)}**` : cellMd(cell))))
  return [
    line(columns.map((c) => md(c.label))),
    line(columns.map((c) => (c.type === 'num' ? '---:' : '---'))),
    ...rows.map(rowMd)
  ]
}

/** One table, the group's label in a first column. */
const groupedTableMd = (table: GroupedTable): string[] =>
  tableMd(
    [{ label: table.groupColumn }, ...table.columns],
    table.groups.flatMap((group) => group.rows.map((row) => ({ cells: [group.label, ...row.cells] })))
  )

function blockMd(block: Block): string[] {
  switch (block.type) {
    case 'paragraph':
      return [md(block.text), '']
    case 'heading': {
      const note = block.note === undefined ? '' : ` (${md(block.note)})`
      return [`${'#'.repeat(block.level)} ${md(block.text)}${note}`, '']
    }
    case 'table':
      return [...tableMd(block.columns, block.rows), '']
    case 'grouped-table':
      return [...groupedTableMd(block), '']
    case 'group':
      return block.blocks.flatMap(blockMd)
  }
}

export function renderMarkdown(doc: ReportDocument): string {
  return [
    `# ${md(doc.title)}`,
    '',
    md(doc.meta),
    '',
    md(doc.summary),
    '',
    ...doc.sections.flatMap((s) => [`## ${md(s.title)}`, '', ...s.blocks.flatMap(blockMd)])
  ].join('\n')
}
