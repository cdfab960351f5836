/**
 * The gap report as one standalone HTML document: inline CSS only, no scripts, no external assets
 * (a Content-Security-Policy forbids them too), every piece of text HTML-escaped. It is laid out
 * for A4 so Electron's printToPDF of it is the PDF report.
 */
import type { ListItem } from '../../model/schema'
import { escapeHtml } from '../../text/html'
import type { CoverageStatus, NeedCoverage } from '../coverage'
import { STATUS_LABEL } from './common'
import {
  isText,
  plainText,
  type Block,
  type Cell,
  type Column,
  type GroupedTable,
  type ReportDocument,
  type Row,
  type Text
} from './document'

const STYLE = `
:root { color-scheme: light; }
* { box-sizing: border-box; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0 auto; max-width: 62rem; padding: 2rem 1.5rem; color: #1a1a1a; background: #fff;
  font: 10.5pt/1.45 "Segoe UI", system-ui, -apple-system, "Helvetica Neue", Arial, sans-serif; }
h1 { font-size: 1.7em; margin: 0 0 .3em; }
h2 { font-size: 1.3em; margin: 1.8em 0 .5em; padding-bottom: .2em; border-bottom: 2px solid #d0d7de; }
h3 { font-size: 1.1em; margin: 1.4em 0 .4em; }
h4 { font-size: 1em; margin: 1.1em 0 .3em; }
p { margin: .4em 0; }
.meta { color: #555; }
.summary { font-size: 1.05em; }
table { width: 100%; border-collapse: collapse; margin: .4em 0 1em; }
th, td { border: 1px solid #c9d1d9; padding: .25em .45em; text-align: left; vertical-align: top;
  overflow-wrap: break-word; }
td.text { overflow-wrap: anywhere; }
td.tag { white-space: nowrap; }
th { background: #f0f3f6; font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.total td { font-weight: 600; background: #f6f8fa; }
tr.current td { font-weight: 600; }
.status { display: inline-block; padding: 0 .4em; border-radius: .25em; border: 1px solid; white-space: nowrap; }
.status-met { background: #dafbe1; border-color: #4ac26b; color: #0f5323; }
.status-partial { background: #fff8c5; border-color: #d4a72c; color: #633c01; }
.status-gap { background: #ffebe9; border-color: #ff8182; color: #82071e; }
.status-unassessed { background: #f6f8fa; border-color: #afb8c1; color: #424a53; }
td.cell-met { background: #dafbe1; }
td.cell-partial { background: #fff8c5; }
td.cell-gap { background: #ffebe9; }
.override { color: #6e4a00; font-size: .9em; }
.details { margin: .2em 0 0 1.1em; padding: 0; color: #444; font-size: .92em; }
.note { color: #555; font-size: .9em; }
.persona { margin-bottom: .8em; }
@page { size: A4; margin: 14mm 12mm 16mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 9pt; }
  h2 { break-after: avoid; page-break-after: avoid; }
  h3, h4 { break-after: avoid; page-break-after: avoid; }
  table { page-break-inside: auto; }
  thead { display: table-header-group; }
  tr, .status { break-inside: avoid; page-break-inside: avoid; }
  .persona { break-inside: avoid-page; }
  .new-page { break-before: page; page-break-before: always; }
}
`

const html = (text: Text): string => escapeHtml(plainText(text))

const badge = (status: CoverageStatus, label = STATUS_LABEL[status]): string =>
  `<span class="status status-${status}">${escapeHtml(label)}</span>`

function coverageHtml(coverage: NeedCoverage): string {
  if (!coverage.overridden) return badge(coverage.status)
  const rationale = coverage.rationale ? `: ${escapeHtml(coverage.rationale)}` : ''
  return (
    `${badge(coverage.status)} <span class="override">override (computed: ` +
    `${escapeHtml(STATUS_LABEL[coverage.computed].toLowerCase())})${rationale}</span>`
  )
}

function listHtml(items: readonly ListItem[]): string {
  if (items.length === 0) return ''
  const lis = items.map((item) => `<li>${escapeHtml(item.text)}${listHtml(item.children)}</li>`)
  return `<ul class="details">${lis.join('')}</ul>`
}

/** A cell's content, and a class for its <td> beside its column's. */
function cellHtml(cell: Cell): { content: string; className?: string } {
  if (typeof cell === 'number') return { content: String(cell) }
  if (isText(cell)) return { content: html(cell) }
  switch (cell.type) {
    case 'status':
      return { content: coverageHtml(cell.coverage) }
    case 'tinted':
      return { content: html(cell.text), className: `cell-${cell.status}` }
    case 'details':
      return { content: escapeHtml(cell.text) + listHtml(cell.items) }
  }
}

/** A total row is bold (by its class), as is the row of the analysed horizon, which also says so. */
function rowHtml(columns: Column[], { cells, kind }: Row): string {
  const tds = cells.map((cell, i) => {
    const { content, className } = cellHtml(cell)
    const classes = [columns[i]?.type, className].filter(Boolean).join(' ')
    const attr = classes ? ` class="${classes}"` : ''
    return `<td${attr}>${content}${i === 0 && kind === 'current' ? ' (this report)' : ''}</td>`
  })
  return `<tr${kind ? ` class="${kind}"` : ''}>${tds.join('')}</tr>`
}

function tableHtml(allColumns: Column[], allRows: Row[]): string {
  // Columns the HTML shows another way are left out, with their cells.
  const shown = allColumns.map((c) => !c.markdownOnly)
  const columns = allColumns.filter((_, i) => shown[i])
  const rows = allRows.map((r) => ({ ...r, cells: r.cells.filter((_, i) => shown[i] ?? true) }))
  const head = columns.map(
    (c) => `<th scope="col"${c.type === 'num' ? ' class="num"' : ''}>${html(c.label)}</th>`
  )
  const body = rows.map((row) => rowHtml(columns, row))
  return `<table>\n<thead><tr>${head.join('')}</tr></thead>\n<tbody>\n${body.join('\n')}\n</tbody>\n</table>`
}

/**
 * One table per `split.size` middle columns (the first and last repeat in each), introduced by
 * "Capabilities 7–12 of 14" when there are several; each group opens with a total row.
 */
function groupedTableHtml({ columns, groups, split }: GroupedTable): string[] {
  const first = columns[0]
  const last = columns[columns.length - 1]
  const middle = columns.slice(1, -1)
  const parts = Math.max(1, Math.ceil(middle.length / split.size))
  return Array.from({ length: parts }, (_, part) => {
    const from = part * split.size
    const partColumns = middle.slice(from, from + split.size)
    const cut = (cells: Cell[]): Cell[] => [
      cells[0],
      ...cells.slice(1 + from, 1 + from + partColumns.length),
      cells[cells.length - 1]
    ]
    const rows = groups.flatMap((group): Row[] => [
      { kind: 'total', cells: [group.label, ...partColumns.map(() => ''), group.summary] },
      ...group.rows.map((row) => ({ ...row, cells: cut(row.cells) }))
    ])
    const table = tableHtml([first, ...partColumns, last], rows)
    if (parts === 1) return [table]
    const range = `${from + 1}–${from + partColumns.length} of ${middle.length}`
    return [`<p class="note">${escapeHtml(`${split.label} ${range}`)}</p>`, table]
  }).flat()
}

function blockHtml(block: Block): string[] {
  switch (block.type) {
    case 'paragraph':
      return [`<p${block.isNote ? ' class="note"' : ''}>${html(block.text)}</p>`]
    case 'heading': {
      const note = block.note === undefined ? '' : ` <span class="note">${html(block.note)}</span>`
      return [`<h${block.level}>${html(block.text)}${note}</h${block.level}>`]
    }
    case 'table':
      return [tableHtml(block.columns, block.rows)]
    case 'grouped-table':
      return groupedTableHtml(block)
    case 'group':
      return ['<section class="persona">', ...block.blocks.flatMap(blockHtml), '</section>']
  }
}

export function renderHtml(doc: ReportDocument): string {
  const title = html(doc.title)
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${title}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<main>',
    `<h1>${title}</h1>`,
    `<p class="meta">${html(doc.meta)}</p>`,
    `<p class="summary">${html(doc.summary)}</p>`,
    ...doc.sections.flatMap((s) => [
      `<h2${s.isNewPage ? ' class="new-page"' : ''}>${escapeHtml(s.title)}</h2>`,
      ...s.blocks.flatMap(blockHtml)
    ]),
    '</main>',
    '</body>',
    '</html>',
    ''
  ].join('\n')
}
