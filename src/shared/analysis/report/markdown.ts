/** The gap report as Markdown (GitHub-flavoured tables), for a wiki page. */
import { HORIZONS } from '../../model/schema'
import type { ListItem } from '../../model/schema'
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
  coverageLabel,
  formatGeneratedAt,
  matrixColumns,
  summarySentence,
  type ReportData
} from './common'

/**
 * Makes user text inert inside a table cell or heading: one line, and every character that could
 * start inline markup (emphasis, code, links, raw HTML, table pipes, strikethrough, entities,
 * math, a closing heading sequence) backslash-escaped. Line-start markup (lists, quotes) cannot
 * occur because the text never starts a line.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\r\n\t\u2028\u2029]+/g, ' ')
    .trim()
    .replace(/[\\`*_[\]<>|~&#$]/g, (c) => `\\${c}`)
}

const row = (cells: (string | number)[]): string => `| ${cells.join(' | ')} |`

function table(header: string[], rows: (string | number)[][], align?: ('l' | 'r')[]): string[] {
  const rule = header.map((_, i) => (align?.[i] === 'r' ? '---:' : '---'))
  return [row(header), row(rule), ...rows.map(row)]
}

const flattenChildren = (items: ListItem[]): string[] =>
  items.flatMap((item) => [item.text, ...flattenChildren(item.children)])

export function renderMarkdownReport(data: ReportData): string {
  const { analysis } = data
  const esc = escapeMarkdown
  const capabilityName = (id: string): string => data.capabilityNames.get(id) ?? id
  const out: string[] = []

  out.push(`# Gap report: ${esc(data.workspaceName)}`, '')
  const meta = [`Coverage ${HORIZON_HEADING[analysis.horizon]}.`]
  if (data.generatedAt !== null) meta.push(`Generated ${esc(formatGeneratedAt(data.generatedAt))}.`)
  out.push(meta.join(' '), '', summarySentence(data), '')

  out.push('## Coverage by horizon', '')
  out.push(
    ...table(
      ['Horizon', 'Met', 'Partial', 'Gap', 'Unassessed', 'Closed by this plan'],
      analysis.charts.byHorizon.map((h) => [
        h.horizon === analysis.horizon ? `**${HORIZON_LABEL[h.horizon]}**` : HORIZON_LABEL[h.horizon],
        h.met,
        h.partial,
        h.gap,
        h.unassessed,
        h.horizon === 'now' ? '–' : h.closed
      ]),
      ['l', 'r', 'r', 'r', 'r', 'r']
    ),
    ''
  )

  out.push('## What to build first', '')
  if (analysis.buildFirst.length === 0) {
    out.push('No capability would close an open gap.', '')
  } else {
    const shown = analysis.buildFirst.slice(0, data.buildFirstLimit)
    out.push(
      ...table(
        ['#', 'Capability', 'State', 'Needs it would meet', 'Personas', 'Weight'],
        shown.map((c) => [
          c.rank,
          esc(c.name),
          capabilityStateLabel(c.state, c.horizon),
          c.needsClosed,
          c.personas,
          c.weight
        ]),
        ['r', 'l', 'l', 'r', 'r', 'r']
      ),
      ''
    )
    const more = analysis.buildFirst.length - shown.length
    if (more > 0) out.push(`… and ${plural(more, 'more capability', 'more capabilities')}.`, '')
  }

  out.push('## Ranked gaps', '')
  if (analysis.rankedGaps.length === 0) {
    out.push('No open gaps.', '')
  } else {
    const shown = analysis.rankedGaps.slice(0, data.rankedGapsLimit)
    out.push(
      ...table(
        ['#', 'Need', 'Status', 'Priority', 'Personas', 'Headcount', 'Weight'],
        shown.map((g) => [
          g.rank,
          esc(g.text),
          STATUS_LABEL[g.status],
          PRIORITY_LABEL[g.priority],
          g.personas,
          g.headcount ?? '–',
          g.weight
        ]),
        ['r', 'l', 'l', 'l', 'r', 'r', 'r']
      ),
      ''
    )
    const more = analysis.rankedGaps.length - shown.length
    if (more > 0) out.push(`… and ${plural(more, 'more gap')}; the CSV report lists every need.`, '')
  }

  out.push('## Coverage by category', '')
  out.push(
    ...table(
      ['Category', 'Personas', 'Met', 'Partial', 'Gap', 'Unassessed', 'Needs'],
      [
        ...analysis.categories.map((c) => [
          esc(c.name),
          c.rows.length,
          c.totals.met,
          c.totals.partial,
          c.totals.gap,
          c.totals.unassessed,
          c.totals.total
        ]),
        [
          '**Total**',
          analysis.categories.reduce((n, c) => n + c.rows.length, 0),
          analysis.totals.met,
          analysis.totals.partial,
          analysis.totals.gap,
          analysis.totals.unassessed,
          analysis.totals.total
        ]
      ],
      ['l', 'r', 'r', 'r', 'r', 'r', 'r']
    ),
    ''
  )

  out.push('## Personas by capability', '')
  const { columns: linkedColumns, note: matrixNote } = matrixColumns(data)
  if (linkedColumns.length === 0) {
    out.push('No need is linked to a capability yet.', '')
  } else {
    if (matrixNote !== null) out.push(matrixNote, '')
    out.push(
      ...table(
        ['Category', 'Persona', ...linkedColumns.map((c) => esc(c.name)), 'Persona total'],
        analysis.categories.flatMap((category) =>
          category.rows.map((r) => {
            const cells = new Map(r.cells.map((cell) => [cell.capabilityId, cell]))
            return [
              esc(category.name),
              esc(r.title),
              ...linkedColumns.map((c) => {
                const cell = cells.get(c.capabilityId)
                return cell ? countsLabel(cell.counts) : ''
              }),
              r.totals.total === 0 ? 'no needs' : countsLabel(r.totals)
            ]
          })
        )
      ),
      ''
    )
  }

  out.push('## Needs by persona', '')
  const needsOf = new Map<string, NeedResult[]>()
  for (const need of analysis.needs) {
    const list = needsOf.get(need.personaId)
    if (list) list.push(need)
    else needsOf.set(need.personaId, [need])
  }
  for (const category of analysis.categories) {
    out.push(`### ${esc(category.name)}`, '')
    for (const persona of category.rows) {
      const needs = needsOf.get(persona.personaId) ?? []
      const headcount = persona.headcount === null ? '' : ` (headcount ${persona.headcount})`
      out.push(`#### ${esc(persona.title)}${headcount}`, '')
      if (needs.length === 0) {
        out.push('No needs recorded.', '')
        continue
      }
      out.push(
        ...table(
          ['Need', 'Kind', 'Priority', 'Horizon', 'Capabilities', 'Status', 'Rationale'],
          needs.map((n) => {
            const details = flattenChildren(n.children)
            const text = details.length > 0 ? `${n.text} (${details.join('; ')})` : n.text
            return [
              esc(text),
              KIND_LABEL[n.kind],
              PRIORITY_LABEL[n.priority],
              HORIZON_LABEL[n.horizon],
              n.capabilityIds.length === 0
                ? '–'
                : n.capabilityIds.map((id) => esc(capabilityName(id))).join(', '),
              coverageLabel(n.coverage),
              n.coverage.rationale === null ? '' : esc(n.coverage.rationale)
            ]
          })
        ),
        ''
      )
    }
  }

  out.push('## Capabilities', '')
  if (analysis.columns.length === 0) {
    out.push('No capabilities recorded.', '')
  } else {
    out.push(
      ...table(
        ['Capability', 'State', `${HORIZON_LABEL[analysis.horizon]}`, 'Linked needs', 'Unmet'],
        analysis.columns.map((c) => [
          esc(c.name),
          capabilityStateLabel(c.state, c.horizon),
          EFFECTIVE_STATE_LABEL[c.stateAt],
          c.totals.total,
          c.totals.gap + c.totals.partial
        ]),
        ['l', 'l', 'l', 'r', 'r']
      ),
      ''
    )
  }

  out.push('## How to read this report', '', RULES_NOTE, '')
  out.push(`Horizons: ${HORIZONS.map((h) => HORIZON_LABEL[h]).join(' < ')}.`, '')
  return out.join('\n')
}
