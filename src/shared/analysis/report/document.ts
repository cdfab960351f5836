/**
 * The gap report as one document: title, header lines and sections of headings, paragraphs and
 * tables whose cells may carry a coverage status. Built once from the analysis; the Markdown and
 * HTML backends (markdown.ts, html.ts) only write it out, so a section is written once, here.
 */
import { HORIZONS, type ListItem } from '../../model/schema'
import { plural } from '../../text/plural'
import type { CoverageCounts, CoverageStatus, NeedCoverage } from '../coverage'
import type { CapabilityColumn, NeedResult } from '../gap-analysis'
import { statusCount } from '../status'
import {
  EFFECTIVE_STATE_LABEL,
  HORIZON_HEADING,
  HORIZON_LABEL,
  capabilityStateLabel,
  countsLabel,
  horizonLabel,
  kindLabel,
  priorityLabel,
  type ReportData
} from './common'

// ---------------------------------------------------------------------------------------------
// The model
// ---------------------------------------------------------------------------------------------

/**
 * Words that Markdown writes as they are: they show as themselves unescaped (a `#` inside a
 * table row, `<` before a space) or their outer spaces count (separators). HTML escapes them
 * like any text.
 */
export interface Verbatim {
  readonly verbatim: string
}

/**
 * Inline text. A string is escaped by every backend, so text from the workspace is safe in it
 * (Markdown also puts it on one line and trims it); runs are written one after the other.
 */
export type Text = string | Verbatim | readonly (string | Verbatim)[]

export const verbatim = (text: string): Verbatim => ({ verbatim: text })

/** Texts with a separator between them (the separator's spaces count, so it is verbatim). */
const joined = (texts: readonly string[], separator: string): Text =>
  texts.flatMap((text, i) => (i === 0 ? [text] : [verbatim(separator), text]))

/** The characters of inline text, runs joined, nothing escaped. */
export const plainText = (text: Text): string =>
  typeof text === 'string' ? text : 'verbatim' in text ? text.verbatim : text.map(plainText).join('')

/** A coverage status: a coloured badge in HTML, its label in Markdown; an override says so. */
export interface StatusCell {
  readonly type: 'status'
  readonly coverage: NeedCoverage
}

/** Text on the colour of a coverage status (a matrix cell). */
export interface TintedCell {
  readonly type: 'tinted'
  readonly text: Text
  readonly status: CoverageStatus
}

/** Text with a nested list under it (a need and its details): "text (a; b)" in Markdown. */
export interface DetailsCell {
  readonly type: 'details'
  readonly text: string
  readonly items: readonly ListItem[]
}

export type Cell = Text | number | StatusCell | TintedCell | DetailsCell

export const isText = (cell: Cell): cell is Text =>
  typeof cell === 'string' || Array.isArray(cell) || (typeof cell === 'object' && 'verbatim' in cell)

export interface Column {
  label: Text
  /** `num` right-aligns figures; `tag` keeps a short label on one line; `text` may break anywhere. */
  type?: 'num' | 'tag' | 'text'
  /** Left out of the HTML, which shows it another way (the rationale, beside the status badge). */
  markdownOnly?: boolean
}

export interface Row {
  cells: Cell[]
  /**
   * A total row, or the row of the analysed horizon: both stand out (Markdown bolds the first
   * cell; HTML gives the row its kind as class, and the current row's first cell says so).
   */
  kind?: 'total' | 'current'
}

export interface Table {
  type: 'table'
  columns: Column[]
  rows: Row[]
}

/** Rows under a group (a category): its label, and a summary for the last column. */
export interface RowGroup {
  label: Text
  summary: Text
  rows: Row[]
}

/**
 * A table whose rows are grouped and whose middle columns may be many (personas by capability).
 * Markdown writes one table with the group's label in a first column headed `groupColumn`; HTML
 * writes a row per group and cuts the middle columns into tables of `split.size`, each introduced
 * by "`split.label` i–j of n", so that each fits A4.
 */
export interface GroupedTable {
  type: 'grouped-table'
  groupColumn: string
  columns: Column[]
  groups: RowGroup[]
  split: { size: number; label: string }
}

export interface Paragraph {
  type: 'paragraph'
  text: Text
  /** A side remark: smaller and grey in HTML. */
  isNote?: boolean
}

export interface Heading {
  type: 'heading'
  level: 3 | 4
  text: Text
  /** Shown after the heading: "(note)" in Markdown, a grey span in HTML. */
  note?: Text
}

/** Blocks that belong together (a persona and its needs): HTML keeps them on one page. */
export interface Group {
  type: 'group'
  blocks: Block[]
}

export type Block = Paragraph | Heading | Table | GroupedTable | Group

export interface Section {
  /** A level-2 heading. */
  title: string
  /** Starts a new page when printed. */
  isNewPage?: boolean
  blocks: Block[]
}

export interface ReportDocument {
  title: Text
  /** What was analysed and when. */
  meta: Text
  summary: Text
  sections: Section[]
}

// ---------------------------------------------------------------------------------------------
// The report's content
// ---------------------------------------------------------------------------------------------

/** Matrix columns per HTML table: beyond this the matrix continues in another table, so it fits A4. */
const MATRIX_COLUMNS_PER_TABLE = 6

const RULES_NOTE =
  'A need is met when a linked capability is in place, partial when the best linked one is partial, ' +
  'a gap when none is in place or partial, and unassessed when no capability is linked. A planned ' +
  'capability counts as in place from its horizon on. An override replaces the computed status. ' +
  'Gap weight = priority (must 3, should 2, could 1, not set 0) × personas with the same unmet need × ' +
  'their known headcount (1 when none is known); gaps whose priority is not set come last, those ' +
  'touching more people first.'

function formatGeneratedAt(value: string): string {
  const iso = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?Z$/.exec(value)
  return iso ? `${iso[1]} ${iso[2]} UTC` : value
}

/** One-sentence summary of the counts at the analysed horizon. */
function summarySentence(data: ReportData): string {
  const { totals, categories } = data.analysis
  const personas = categories.reduce((n, c) => n + c.rows.length, 0)
  if (totals.total === 0) return `${plural(personas, 'persona')}, no needs recorded.`
  return (
    `${plural(totals.total, 'need')} of ${plural(personas, 'persona')}: ${statusCount('met', totals.met)}, ` +
    `${statusCount('partial', totals.partial)}, ${statusCount('gap', totals.gap)}, ` +
    `${statusCount('unassessed', totals.unassessed)} (no capability linked).`
  )
}

/**
 * The matrix columns a report shows: capabilities with at least one linked need; beyond the limit,
 * those with the most linked needs (ties: column order), shown in column order. `note` says what
 * was left out, or is null.
 */
function matrixColumns(data: ReportData): { columns: CapabilityColumn[]; note: string | null } {
  const linked = data.analysis.columns.filter((c) => c.totals.total > 0)
  if (linked.length <= data.matrixColumnsLimit) return { columns: linked, note: null }
  const position = new Map(linked.map((c, i) => [c, i]))
  const kept = new Set(
    [...linked]
      .sort((a, b) => b.totals.total - a.totals.total || (position.get(a) ?? 0) - (position.get(b) ?? 0))
      .slice(0, data.matrixColumnsLimit)
  )
  return {
    columns: linked.filter((c) => kept.has(c)),
    note:
      `The ${data.matrixColumnsLimit} capabilities with the most linked needs, of ${linked.length} ` +
      `with any; the gap analysis in the app shows them all.`
  }
}

const num = (label: Text): Column => ({ label, type: 'num' })
const RANK = num(verbatim('#'))
const plainCoverage = (status: CoverageStatus): NeedCoverage => ({
  status,
  computed: status,
  overridden: false,
  rationale: null
})
const COUNT_COLUMNS = ['Met', 'Partial', 'Gap', 'Unassessed'].map(num)

/** The first `limit` items as a table, then a note of how many were left out; `empty` when there are none. */
function cappedTable<T>(
  items: readonly T[],
  limit: number,
  empty: string,
  table: (shown: readonly T[]) => Table,
  more: (count: number) => string
): Block[] {
  if (items.length === 0) return [{ type: 'paragraph', text: empty }]
  const shown = items.slice(0, limit)
  const blocks: Block[] = [table(shown)]
  if (items.length > shown.length)
    blocks.push({ type: 'paragraph', text: more(items.length - shown.length), isNote: true })
  return blocks
}

function coverageByHorizon({ analysis }: ReportData): Section {
  const table: Table = {
    type: 'table',
    columns: [{ label: 'Horizon', type: 'tag' }, ...COUNT_COLUMNS, num('Closed by this plan')],
    rows: analysis.charts.byHorizon.map((h) => ({
      kind: h.horizon === analysis.horizon ? 'current' : undefined,
      cells: [
        HORIZON_LABEL[h.horizon],
        h.met,
        h.partial,
        h.gap,
        h.unassessed,
        h.horizon === 'now' ? '–' : h.closed
      ]
    }))
  }
  return { title: 'Coverage by horizon', blocks: [table] }
}

function buildFirst(data: ReportData): Section {
  const blocks = cappedTable(
    data.analysis.buildFirst,
    data.buildFirstLimit,
    'No capability would close an open gap.',
    (shown) => ({
      type: 'table',
      columns: [
        RANK,
        { label: 'Capability', type: 'text' },
        { label: 'State' },
        num('Needs it would meet'),
        num('Personas'),
        num('Weight')
      ],
      rows: shown.map((c) => ({
        cells: [c.rank, c.name, capabilityStateLabel(c.state, c.horizon), c.needsClosed, c.personas, c.weight]
      }))
    }),
    (more) => `… and ${plural(more, 'more capability', 'more capabilities')}.`
  )
  return { title: 'What to build first', blocks }
}

function rankedGaps(data: ReportData): Section {
  const blocks = cappedTable(
    data.analysis.rankedGaps,
    data.rankedGapsLimit,
    'No open gaps.',
    (shown) => ({
      type: 'table',
      columns: [
        RANK,
        { label: 'Need', type: 'text' },
        { label: 'Status', type: 'tag' },
        { label: 'Priority', type: 'tag' },
        num('Personas'),
        num('Headcount'),
        num('Weight')
      ],
      rows: shown.map((g) => ({
        cells: [
          g.rank,
          g.text,
          { type: 'status', coverage: plainCoverage(g.status) },
          priorityLabel(g.priority),
          g.personas,
          g.headcount ?? '–',
          g.weight
        ]
      }))
    }),
    (more) => `… and ${plural(more, 'more gap')}; the CSV report lists every need.`
  )
  return { title: 'Ranked gaps', blocks }
}

/**
 * Needs per priority, the unset ones on a row of their own, and how many needs have their kind,
 * priority or horizon not set: a source that did not say them is not made to.
 */
function needsByPriority({ analysis }: ReportData): Section {
  const table: Table = {
    type: 'table',
    columns: [{ label: 'Priority', type: 'tag' }, num('Needs'), num('Gap'), num('Partial')],
    rows: analysis.charts.gapsByPriority.map((p) => ({
      cells: [priorityLabel(p.priority), p.needs, p.gap, p.partial]
    }))
  }
  const { notSet, totals } = analysis
  const blocks: Block[] = [table]
  if (notSet.kind + notSet.priority + notSet.horizon > 0) {
    blocks.push({
      type: 'paragraph',
      text:
        `Of ${plural(totals.total, 'need')}, the kind is not set on ${notSet.kind}, the priority on ` +
        `${notSet.priority} and the horizon on ${notSet.horizon}. A need whose priority is not set ` +
        `weighs 0 in the ranking; set it in the app's Needs view.`,
      isNote: true
    })
  }
  return { title: 'Needs by priority', blocks }
}

function coverageByCategory({ analysis }: ReportData): Section {
  const personas = analysis.categories.reduce((n, c) => n + c.rows.length, 0)
  const counts = (c: CoverageCounts): number[] => [c.met, c.partial, c.gap, c.unassessed, c.total]
  const table: Table = {
    type: 'table',
    columns: [{ label: 'Category' }, num('Personas'), ...COUNT_COLUMNS, num('Needs')],
    rows: [
      ...analysis.categories.map((c) => ({ cells: [c.name, c.rows.length, ...counts(c.totals)] })),
      { kind: 'total', cells: ['Total', personas, ...counts(analysis.totals)] }
    ]
  }
  return { title: 'Coverage by category', blocks: [table] }
}

function personasByCapability(data: ReportData): Section {
  const title = 'Personas by capability'
  const { columns, note } = matrixColumns(data)
  if (columns.length === 0) {
    return { title, blocks: [{ type: 'paragraph', text: 'No need is linked to a capability yet.' }] }
  }
  const table: GroupedTable = {
    type: 'grouped-table',
    groupColumn: 'Category',
    columns: [{ label: 'Persona' }, ...columns.map((c) => ({ label: c.name })), { label: 'Persona total' }],
    groups: data.analysis.categories.map((category) => ({
      label: category.name,
      summary: countsLabel(category.totals) || 'no needs',
      rows: category.rows.map((r) => {
        const cells = new Map(r.cells.map((cell) => [cell.capabilityId, cell]))
        return {
          cells: [
            r.title,
            ...columns.map((c): Cell => {
              const cell = cells.get(c.capabilityId)
              return cell ? { type: 'tinted', text: countsLabel(cell.counts), status: cell.status } : ''
            }),
            r.totals.total === 0 ? 'no needs' : countsLabel(r.totals)
          ]
        }
      })
    })),
    split: { size: MATRIX_COLUMNS_PER_TABLE, label: 'Capabilities' }
  }
  const blocks: Block[] = note === null ? [] : [{ type: 'paragraph', text: note, isNote: true }]
  return { title, blocks: [...blocks, table] }
}

const NEED_COLUMNS: Column[] = [
  { label: 'Need', type: 'text' },
  { label: 'Kind', type: 'tag' },
  { label: 'Priority', type: 'tag' },
  { label: 'Horizon', type: 'tag' },
  { label: 'Capabilities', type: 'text' },
  { label: 'Status' },
  { label: 'Rationale', markdownOnly: true }
]

/** A persona's needs, one row each: text and details, labels, capabilities, status and rationale. */
function needsTable(data: ReportData, needs: NeedResult[]): Table {
  const capabilities = (ids: string[]): Text =>
    ids.length === 0
      ? '–'
      : joined(
          ids.map((id) => data.capabilityNames.get(id) ?? id),
          ', '
        )
  return {
    type: 'table',
    columns: NEED_COLUMNS,
    rows: needs.map((n) => ({
      cells: [
        { type: 'details', text: n.text, items: n.children },
        kindLabel(n.kind),
        priorityLabel(n.priority),
        horizonLabel(n.horizon),
        capabilities(n.capabilityIds),
        { type: 'status', coverage: n.coverage },
        n.coverage.rationale ?? ''
      ]
    }))
  }
}

function needsByPersona(data: ReportData): Section {
  const needsOf = new Map<string, NeedResult[]>()
  for (const need of data.analysis.needs) {
    const list = needsOf.get(need.personaId)
    if (list) list.push(need)
    else needsOf.set(need.personaId, [need])
  }
  const blocks = data.analysis.categories.flatMap((category): Block[] => [
    { type: 'heading', level: 3, text: category.name },
    ...category.rows.map((persona): Group => {
      const needs = needsOf.get(persona.personaId) ?? []
      const heading: Heading = {
        type: 'heading',
        level: 4,
        text: persona.title,
        note: persona.headcount === null ? undefined : `headcount ${persona.headcount}`
      }
      const body: Block =
        needs.length === 0
          ? { type: 'paragraph', text: 'No needs recorded.', isNote: true }
          : needsTable(data, needs)
      return { type: 'group', blocks: [heading, body] }
    })
  ])
  return { title: 'Needs by persona', isNewPage: true, blocks }
}

function capabilitiesSection({ analysis }: ReportData): Section {
  const title = 'Capabilities'
  if (analysis.columns.length === 0) {
    return { title, blocks: [{ type: 'paragraph', text: 'No capabilities recorded.' }] }
  }
  const table: Table = {
    type: 'table',
    columns: [
      { label: 'Capability', type: 'text' },
      { label: 'State' },
      { label: HORIZON_LABEL[analysis.horizon] },
      num('Linked needs'),
      num('Unmet')
    ],
    rows: analysis.columns.map((c) => ({
      cells: [
        c.name,
        capabilityStateLabel(c.state, c.horizon),
        EFFECTIVE_STATE_LABEL[c.stateAt],
        c.totals.total,
        c.totals.gap + c.totals.partial
      ]
    }))
  }
  return { title, blocks: [table] }
}

const howToRead = (): Section => ({
  title: 'How to read this report',
  blocks: [
    { type: 'paragraph', text: RULES_NOTE, isNote: true },
    {
      type: 'paragraph',
      text: verbatim(`Horizons: ${HORIZONS.map((h) => HORIZON_LABEL[h]).join(' < ')}.`),
      isNote: true
    }
  ]
})

export function buildReportDocument(data: ReportData): ReportDocument {
  const { analysis } = data
  const meta: Text = [
    `Coverage ${HORIZON_HEADING[analysis.horizon]}.`,
    ...(data.generatedAt === null ? [] : [verbatim(' Generated '), formatGeneratedAt(data.generatedAt), '.'])
  ]
  return {
    title: [verbatim('Gap report: '), data.workspaceName],
    meta,
    summary: summarySentence(data),
    sections: [
      coverageByHorizon(data),
      buildFirst(data),
      rankedGaps(data),
      needsByPriority(data),
      coverageByCategory(data),
      personasByCapability(data),
      needsByPersona(data),
      capabilitiesSection(data),
      howToRead()
    ]
  }
}
