/**
 * The gap report as one standalone HTML document: inline CSS only, no scripts, no external assets
 * (a Content-Security-Policy forbids them too), every piece of user text HTML-escaped. It is laid
 * out for A4 so Electron's printToPDF of it is the PDF report.
 */
import { HORIZONS, type ListItem } from '../../model/schema'
import { escapeHtml } from '../../text/html'
import type { CoverageCounts, CoverageStatus, NeedCoverage } from '../coverage'
import type { NeedResult } from '../gap-analysis'
import { plural } from '../../text/plural'
import {
  EFFECTIVE_STATE_LABEL,
  HORIZON_HEADING,
  HORIZON_LABEL,
  KIND_LABEL,
  PRIORITY_LABEL,
  RULES_NOTE,
  STATUS_LABEL,
  capabilityStateLabel,
  countsLabel,
  formatGeneratedAt,
  matrixColumns,
  summarySentence,
  type ReportData
} from './common'

/** Matrix columns per table: beyond this the matrix continues in another table, so it fits A4. */
const MATRIX_COLUMNS_PER_TABLE = 6

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

type Cell = string | number | { html: string; className?: string }

/** A column: `num` right-aligns figures, `tag` keeps a short label on one line, `text` may break anywhere. */
interface Column {
  label: string
  type?: 'num' | 'tag' | 'text'
}

function tableHtml(header: Column[], rows: { cells: Cell[]; className?: string }[]): string {
  const head = header.map(
    (h) => `<th scope="col"${h.type === 'num' ? ' class="num"' : ''}>${escapeHtml(h.label)}</th>`
  )
  const body = rows.map(({ cells, className }) => {
    const tds = cells.map((cell, i) => {
      const type = header[i]?.type
      const classes = [type, typeof cell === 'object' ? cell.className : undefined].filter(Boolean).join(' ')
      const attr = classes ? ` class="${classes}"` : ''
      return `<td${attr}>${typeof cell === 'object' ? cell.html : escapeHtml(String(cell))}</td>`
    })
    return `<tr${className ? ` class="${className}"` : ''}>${tds.join('')}</tr>`
  })
  return `<table>\n<thead><tr>${head.join('')}</tr></thead>\n<tbody>\n${body.join('\n')}\n</tbody>\n</table>`
}

const countCells = (c: CoverageCounts): number[] => [c.met, c.partial, c.gap, c.unassessed, c.total]

function listHtml(items: ListItem[]): string {
  if (items.length === 0) return ''
  const lis = items.map((item) => `<li>${escapeHtml(item.text)}${listHtml(item.children)}</li>`)
  return `<ul class="details">${lis.join('')}</ul>`
}

const chunk = <T>(list: T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, i * size + size))

export function renderHtmlReport(data: ReportData): string {
  const { analysis } = data
  const esc = escapeHtml
  const capabilityName = (id: string): string => data.capabilityNames.get(id) ?? id
  const title = `Gap report: ${data.workspaceName}`
  const out: string[] = []
  const personas = analysis.categories.reduce((n, c) => n + c.rows.length, 0)

  out.push(`<h1>${esc(title)}</h1>`)
  const meta = [`Coverage ${HORIZON_HEADING[analysis.horizon]}.`]
  if (data.generatedAt !== null) meta.push(`Generated ${formatGeneratedAt(data.generatedAt)}.`)
  out.push(`<p class="meta">${esc(meta.join(' '))}</p>`)
  out.push(`<p class="summary">${esc(summarySentence(data))}</p>`)

  out.push('<h2>Coverage by horizon</h2>')
  out.push(
    tableHtml(
      [
        { label: 'Horizon', type: 'tag' },
        { label: 'Met', type: 'num' },
        { label: 'Partial', type: 'num' },
        { label: 'Gap', type: 'num' },
        { label: 'Unassessed', type: 'num' },
        { label: 'Closed by this plan', type: 'num' }
      ],
      analysis.charts.byHorizon.map((h) => ({
        className: h.horizon === analysis.horizon ? 'current' : undefined,
        cells: [
          HORIZON_LABEL[h.horizon] + (h.horizon === analysis.horizon ? ' (this report)' : ''),
          h.met,
          h.partial,
          h.gap,
          h.unassessed,
          h.horizon === 'now' ? '–' : h.closed
        ]
      }))
    )
  )

  out.push('<h2>What to build first</h2>')
  if (analysis.buildFirst.length === 0) {
    out.push('<p>No capability would close an open gap.</p>')
  } else {
    const shown = analysis.buildFirst.slice(0, data.buildFirstLimit)
    out.push(
      tableHtml(
        [
          { label: '#', type: 'num' },
          { label: 'Capability', type: 'text' },
          { label: 'State' },
          { label: 'Needs it would meet', type: 'num' },
          { label: 'Personas', type: 'num' },
          { label: 'Weight', type: 'num' }
        ],
        shown.map((c) => ({
          cells: [
            c.rank,
            c.name,
            capabilityStateLabel(c.state, c.horizon),
            c.needsClosed,
            c.personas,
            c.weight
          ]
        }))
      )
    )
    const more = analysis.buildFirst.length - shown.length
    if (more > 0)
      out.push(`<p class="note">… and ${plural(more, 'more capability', 'more capabilities')}.</p>`)
  }

  out.push('<h2>Ranked gaps</h2>')
  if (analysis.rankedGaps.length === 0) {
    out.push('<p>No open gaps.</p>')
  } else {
    const shown = analysis.rankedGaps.slice(0, data.rankedGapsLimit)
    out.push(
      tableHtml(
        [
          { label: '#', type: 'num' },
          { label: 'Need', type: 'text' },
          { label: 'Status', type: 'tag' },
          { label: 'Priority', type: 'tag' },
          { label: 'Personas', type: 'num' },
          { label: 'Headcount', type: 'num' },
          { label: 'Weight', type: 'num' }
        ],
        shown.map((g) => ({
          cells: [
            g.rank,
            g.text,
            { html: badge(g.status) },
            PRIORITY_LABEL[g.priority],
            g.personas,
            g.headcount ?? '–',
            g.weight
          ]
        }))
      )
    )
    const more = analysis.rankedGaps.length - shown.length
    if (more > 0) {
      out.push(`<p class="note">… and ${plural(more, 'more gap')}; the CSV report lists every need.</p>`)
    }
  }

  out.push('<h2>Coverage by category</h2>')
  const countHeader: Column[] = [
    { label: 'Met', type: 'num' },
    { label: 'Partial', type: 'num' },
    { label: 'Gap', type: 'num' },
    { label: 'Unassessed', type: 'num' },
    { label: 'Needs', type: 'num' }
  ]
  out.push(
    tableHtml(
      [{ label: 'Category' }, { label: 'Personas', type: 'num' }, ...countHeader],
      [
        ...analysis.categories.map((c) => ({ cells: [c.name, c.rows.length, ...countCells(c.totals)] })),
        { className: 'total', cells: ['Total', personas, ...countCells(analysis.totals)] }
      ]
    )
  )

  out.push('<h2>Personas by capability</h2>')
  const { columns: linkedColumns, note: matrixNote } = matrixColumns(data)
  if (linkedColumns.length === 0) {
    out.push('<p>No need is linked to a capability yet.</p>')
  } else {
    if (matrixNote !== null) out.push(`<p class="note">${esc(matrixNote)}</p>`)
    const parts = chunk(linkedColumns, MATRIX_COLUMNS_PER_TABLE)
    parts.forEach((columns, part) => {
      if (parts.length > 1) {
        const first = part * MATRIX_COLUMNS_PER_TABLE + 1
        out.push(
          `<p class="note">Capabilities ${first}–${first + columns.length - 1} of ${linkedColumns.length}</p>`
        )
      }
      out.push(
        tableHtml(
          [
            { label: 'Persona' },
            ...columns.map((c): Column => ({ label: c.name })),
            { label: 'Persona total' }
          ],
          analysis.categories.flatMap((category) => [
            {
              className: 'total',
              cells: [category.name, ...columns.map(() => ''), countsLabel(category.totals) || 'no needs']
            },
            ...category.rows.map((r) => {
              const cells = new Map(r.cells.map((cell) => [cell.capabilityId, cell]))
              return {
                cells: [
                  r.title,
                  ...columns.map((c): Cell => {
                    const cell = cells.get(c.capabilityId)
                    return cell
                      ? { html: esc(countsLabel(cell.counts)), className: `cell-${cell.status}` }
                      : ''
                  }),
                  r.totals.total === 0 ? 'no needs' : countsLabel(r.totals)
                ]
              }
            })
          ])
        )
      )
    })
  }

  out.push('<h2 class="new-page">Needs by persona</h2>')
  const needsOf = new Map<string, NeedResult[]>()
  for (const need of analysis.needs) {
    const list = needsOf.get(need.personaId)
    if (list) list.push(need)
    else needsOf.set(need.personaId, [need])
  }
  for (const category of analysis.categories) {
    out.push(`<h3>${esc(category.name)}</h3>`)
    for (const persona of category.rows) {
      const needs = needsOf.get(persona.personaId) ?? []
      const headcount =
        persona.headcount === null ? '' : ` <span class="note">headcount ${persona.headcount}</span>`
      out.push('<section class="persona">', `<h4>${esc(persona.title)}${headcount}</h4>`)
      if (needs.length === 0) {
        out.push('<p class="note">No needs recorded.</p>', '</section>')
        continue
      }
      out.push(
        tableHtml(
          [
            { label: 'Need', type: 'text' },
            { label: 'Kind', type: 'tag' },
            { label: 'Priority', type: 'tag' },
            { label: 'Horizon', type: 'tag' },
            { label: 'Capabilities', type: 'text' },
            { label: 'Status' }
          ],
          needs.map((n) => ({
            cells: [
              { html: esc(n.text) + listHtml(n.children) },
              KIND_LABEL[n.kind],
              PRIORITY_LABEL[n.priority],
              HORIZON_LABEL[n.horizon],
              n.capabilityIds.length === 0 ? '–' : n.capabilityIds.map(capabilityName).join(', '),
              { html: coverageHtml(n.coverage) }
            ]
          }))
        ),
        '</section>'
      )
    }
  }

  out.push('<h2>Capabilities</h2>')
  if (analysis.columns.length === 0) {
    out.push('<p>No capabilities recorded.</p>')
  } else {
    out.push(
      tableHtml(
        [
          { label: 'Capability', type: 'text' },
          { label: 'State' },
          { label: HORIZON_LABEL[analysis.horizon] },
          { label: 'Linked needs', type: 'num' },
          { label: 'Unmet', type: 'num' }
        ],
        analysis.columns.map((c) => ({
          cells: [
            c.name,
            capabilityStateLabel(c.state, c.horizon),
            EFFECTIVE_STATE_LABEL[c.stateAt],
            c.totals.total,
            c.totals.gap + c.totals.partial
          ]
        }))
      )
    )
  }

  out.push('<h2>How to read this report</h2>', `<p class="note">${esc(RULES_NOTE)}</p>`)
  out.push(`<p class="note">Horizons: ${esc(HORIZONS.map((h) => HORIZON_LABEL[h]).join(' < '))}.</p>`)

  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<main>',
    ...out,
    '</main>',
    '</body>',
    '</html>',
    ''
  ].join('\n')
}
