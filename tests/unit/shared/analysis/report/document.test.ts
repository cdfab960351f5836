/**
 * The report's document model and its two backends. The reports themselves (wording, figures,
 * escaping of hostile text) are pinned in report.test.ts beside this file and by the examples
 * in docs/examples; here: the document's shape, the one rule that keeps Markdown safe (only
 * `verbatim` runs skip escaping, and they never hold workspace text), and what each backend does
 * with each kind of block.
 */
import { describe, expect, it } from 'vitest'
import type { ReportData } from '../../../../../src/shared/analysis/report/common'
import {
  buildReportDocument,
  isText,
  plainText,
  verbatim,
  type Block,
  type Cell,
  type ReportDocument,
  type Text
} from '../../../../../src/shared/analysis/report/document'
import { renderHtml } from '../../../../../src/shared/analysis/report/html'
import { renderMarkdown } from '../../../../../src/shared/analysis/report/markdown'
import { analyzeGaps, buildCoverageIndex } from '../../../../../src/shared/analysis/gap-analysis'
import { newCapability, newNeed } from '../../../../../src/shared/model/defaults'
import type { Horizon, Workspace } from '../../../../../src/shared/model/schema'
import { FIXED_TIME, handWorkspace } from '../fixtures'

function reportData(ws: Workspace, horizon: Horizon = 'now'): ReportData {
  const index = buildCoverageIndex(ws)
  return {
    workspaceName: ws.name,
    analysis: analyzeGaps(index, horizon),
    generatedAt: FIXED_TIME,
    rankedGapsLimit: 25,
    buildFirstLimit: 15,
    matrixColumnsLimit: 12,
    capabilityNames: new Map(index.capabilities.map((c) => [c.id, c.name]))
  }
}

/** Every inline text of a document: title, header lines, headings, paragraphs, column labels and cells. */
function texts(doc: ReportDocument): Text[] {
  const out: Text[] = [doc.title, doc.meta, doc.summary]
  const cell = (c: Cell): void => {
    if (typeof c === 'number') return
    if (isText(c)) out.push(c)
    else if (c.type === 'tinted' || c.type === 'details') out.push(c.text)
  }
  const block = (b: Block): void => {
    switch (b.type) {
      case 'paragraph':
        out.push(b.text)
        break
      case 'heading':
        out.push(b.text, ...(b.note === undefined ? [] : [b.note]))
        break
      case 'table':
        out.push(...b.columns.map((c) => c.label))
        for (const row of b.rows) row.cells.forEach(cell)
        break
      case 'grouped-table':
        out.push(b.groupColumn, ...b.columns.map((c) => c.label))
        for (const group of b.groups) {
          out.push(group.label, group.summary)
          for (const row of group.rows) row.cells.forEach(cell)
        }
        break
      case 'group':
        b.blocks.forEach(block)
    }
  }
  for (const section of doc.sections) {
    out.push(section.title)
    section.blocks.forEach(block)
  }
  return out
}

const verbatimRuns = (text: Text): string[] =>
  typeof text === 'string' ? [] : 'verbatim' in text ? [text.verbatim] : text.flatMap(verbatimRuns)

describe('buildReportDocument', () => {
  const doc = buildReportDocument(reportData(handWorkspace()))

  it('has the title, the header lines and the sections in order', () => {
    expect(plainText(doc.title)).toBe('Gap report: Hand-made')
    expect(plainText(doc.meta)).toBe('Coverage now. Generated 2026-01-15 09:30 UTC.')
    expect(doc.sections.map((s) => s.title)).toEqual([
      'Coverage by horizon',
      'What to build first',
      'Ranked gaps',
      'Needs by priority',
      'Coverage by category',
      'Personas by capability',
      'Needs by persona',
      'Capabilities',
      'How to read this report'
    ])
    expect(doc.sections.filter((s) => s.isNewPage).map((s) => s.title)).toEqual(['Needs by persona'])
  })

  it('gives every row as many cells as its table has columns', () => {
    const check = (b: Block): void => {
      if (b.type === 'table') for (const row of b.rows) expect(row.cells).toHaveLength(b.columns.length)
      if (b.type === 'grouped-table')
        for (const row of b.groups.flatMap((g) => g.rows)) expect(row.cells).toHaveLength(b.columns.length)
      if (b.type === 'group') b.blocks.forEach(check)
    }
    for (const section of doc.sections) section.blocks.forEach(check)
  })

  it('groups the matrix by category and marks the current horizon and the totals', () => {
    const section = (title: string): Block[] => doc.sections.find((s) => s.title === title)?.blocks ?? []
    const matrix = section('Personas by capability').find((b) => b.type === 'grouped-table')
    expect(matrix?.type === 'grouped-table' && matrix.groups.map((g) => plainText(g.label))).toEqual([
      'Office',
      'Field',
      'Uncategorised'
    ])
    const [byHorizon] = doc.sections[0].blocks
    expect(byHorizon.type === 'table' && byHorizon.rows.map((r) => r.kind)).toEqual([
      'current',
      undefined,
      undefined
    ])
    const [byCategory] = section('Coverage by category')
    expect(byCategory.type === 'table' && byCategory.rows.at(-1)?.kind).toBe('total')
  })

  it('never puts workspace text in a verbatim run, the only text Markdown does not escape', () => {
    const ws = handWorkspace()
    const marker = '<b>MARK</b>'
    ws.name += marker
    ws.categories[0].name += marker
    ws.capabilities.push(newCapability({ id: 'Z', name: `Cap ${marker}`, state: 'absent' }))
    for (const card of ws.cards) {
      card.title += marker
      if (card.kind === 'persona') {
        card.headcount = 7
        card.needs.push(
          newNeed({
            id: `${card.id}-m`,
            text: marker,
            capabilityIds: ['Z', 'A'],
            override: { status: 'gap', rationale: marker }
          })
        )
      }
    }
    for (const horizon of ['now', 'medium', 'long'] as const) {
      const runs = texts(buildReportDocument(reportData(ws, horizon))).flatMap(verbatimRuns)
      expect(runs.length).toBeGreaterThan(0)
      for (const run of runs) expect(run).not.toContain('MARK')
    }
  })
})

/** A document made by hand, to pin what each backend does with each kind of block. */
const SAMPLE: ReportDocument = {
  title: [verbatim('Report: '), '*x*'],
  meta: 'Meta <1>',
  summary: 'Summary.',
  sections: [
    {
      title: 'Tables',
      blocks: [
        {
          type: 'table',
          columns: [
            { label: verbatim('#'), type: 'num' },
            { label: 'Name', type: 'text' },
            { label: 'Status' },
            { label: 'Why', markdownOnly: true }
          ],
          rows: [
            {
              kind: 'current',
              cells: [
                1,
                ['a|b', verbatim(', '), 'c'],
                {
                  type: 'status',
                  coverage: { status: 'met', computed: 'gap', overridden: true, rationale: 'r' }
                },
                'r'
              ]
            },
            {
              kind: 'total',
              cells: [
                2,
                { type: 'details', text: 'need', items: [{ id: 'i', text: 'sub', children: [] }] },
                {
                  type: 'status',
                  coverage: { status: 'gap', computed: 'gap', overridden: false, rationale: null }
                },
                ''
              ]
            }
          ]
        },
        {
          type: 'grouped-table',
          groupColumn: 'Group',
          columns: [{ label: 'Who' }, { label: 'C1' }, { label: 'C2' }, { label: 'C3' }, { label: 'All' }],
          groups: [
            {
              label: 'G',
              summary: 'sum',
              rows: [{ cells: ['p', { type: 'tinted', text: 'Gap', status: 'gap' }, '', 'x', 'tot'] }]
            }
          ],
          split: { size: 2, label: 'Columns' }
        }
      ]
    },
    {
      title: 'Text',
      isNewPage: true,
      blocks: [
        { type: 'heading', level: 3, text: 'H3' },
        {
          type: 'group',
          blocks: [
            { type: 'heading', level: 4, text: 'H4', note: 'note' },
            { type: 'paragraph', text: 'Aside.', isNote: true }
          ]
        },
        { type: 'paragraph', text: verbatim('A < B') }
      ]
    }
  ]
}

describe('renderMarkdown', () => {
  it('escapes strings, writes verbatim runs as they are, bolds marked rows and keeps grouped tables whole', () => {
    expect(renderMarkdown(SAMPLE)).toBe(
      [
        '# Report: \\*x\\*',
        '',
        'Meta \\<1\\>',
        '',
        'Summary.',
        '',
        '## Tables',
        '',
        '| # | Name | Status | Why |',
        '| ---: | --- | --- | --- |',
        '| **1** | a\\|b, c | Met (override; computed: gap) | r |',
        '| **2** | need (sub) | Gap |  |',
        '',
        '| Group | Who | C1 | C2 | C3 | All |',
        '| --- | --- | --- | --- | --- | --- |',
        '| G | p | Gap |  | x | tot |',
        '',
        '## Text',
        '',
        '### H3',
        '',
        '#### H4 (note)',
        '',
        'Aside.',
        '',
        'A < B',
        ''
      ].join('\n')
    )
  })
})

describe('renderHtml', () => {
  const html = renderHtml(SAMPLE)
  const body = html.slice(html.indexOf('<main>') + 7, html.indexOf('</main>') - 1)

  it('escapes all text, leaves Markdown-only columns out and cuts grouped tables into parts', () => {
    expect(html).toContain('<title>Report: *x*</title>')
    expect(body.split('\n')).toEqual([
      '<h1>Report: *x*</h1>',
      '<p class="meta">Meta &lt;1&gt;</p>',
      '<p class="summary">Summary.</p>',
      '<h2>Tables</h2>',
      '<table>',
      '<thead><tr><th scope="col" class="num">#</th><th scope="col">Name</th><th scope="col">Status</th></tr></thead>',
      '<tbody>',
      '<tr class="current"><td class="num">1 (this report)</td><td class="text">a|b, c</td>' +
        '<td><span class="status status-met">Met</span> <span class="override">override (computed: gap): r</span></td></tr>',
      '<tr class="total"><td class="num">2</td><td class="text">need<ul class="details"><li>sub</li></ul></td>' +
        '<td><span class="status status-gap">Gap</span></td></tr>',
      '</tbody>',
      '</table>',
      '<p class="note">Columns 1–2 of 3</p>',
      '<table>',
      '<thead><tr><th scope="col">Who</th><th scope="col">C1</th><th scope="col">C2</th><th scope="col">All</th></tr></thead>',
      '<tbody>',
      '<tr class="total"><td>G</td><td></td><td></td><td>sum</td></tr>',
      '<tr><td>p</td><td class="cell-gap">Gap</td><td></td><td>tot</td></tr>',
      '</tbody>',
      '</table>',
      '<p class="note">Columns 3–3 of 3</p>',
      '<table>',
      '<thead><tr><th scope="col">Who</th><th scope="col">C3</th><th scope="col">All</th></tr></thead>',
      '<tbody>',
      '<tr class="total"><td>G</td><td></td><td>sum</td></tr>',
      '<tr><td>p</td><td>x</td><td>tot</td></tr>',
      '</tbody>',
      '</table>',
      '<h2 class="new-page">Text</h2>',
      '<h3>H3</h3>',
      '<section class="persona">',
      '<h4>H4 <span class="note">note</span></h4>',
      '<p class="note">Aside.</p>',
      '</section>',
      '<p>A &lt; B</p>'
    ])
  })
})
