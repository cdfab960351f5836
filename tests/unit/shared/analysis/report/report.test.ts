import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import { CSV_HEADER, escapeHtml, escapeMarkdown, renderGapReport } from '../../../../../src/shared/analysis'
import { newCapability, newNeed, newPersona } from '../../../../../src/shared/model/defaults'
import type { Workspace } from '../../../../../src/shared/model/schema'
import { FIXED_TIME, handWorkspace, unsetWorkspace } from '../fixtures'

const SCRIPT = '<script>alert("x")</script>'

/** The hand-made workspace with hostile text in every user-controlled name. */
function hostileWorkspace(): Workspace {
  const ws = handWorkspace()
  ws.name = `Team ${SCRIPT}`
  ws.categories[1].name = `Office ${SCRIPT}`
  ws.capabilities[0].name = `Wi-Fi <img src=x onerror=alert(1)>`
  ws.capabilities.push(newCapability({ id: 'Q', name: 'Quote " \' & co', state: 'absent' }))
  ws.cards.push(
    newPersona({
      id: 'P9',
      title: `Evil ${SCRIPT}`,
      categoryId: 'office',
      order: 2,
      needs: [
        newNeed({
          id: 'h1',
          text: `=HYPERLINK("http://evil.example","click") ${SCRIPT}`,
          capabilityIds: ['Q']
        }),
        newNeed({ id: 'h2', text: '+1-555', capabilityIds: ['A'] }),
        newNeed({ id: 'h3', text: '-2+3', capabilityIds: [] }),
        newNeed({ id: 'h4', text: '@SUM(A1)', capabilityIds: ['Q'] }),
        newNeed({
          id: 'h5',
          text: '=1+1\nsecond line',
          capabilityIds: ['Q'],
          override: { status: 'met', rationale: '=cmd|"/c calc"!A1' }
        }),
        newNeed({
          id: 'h6',
          text: 'pipes | and *stars* and [link](http://x) and &amp;',
          capabilityIds: ['Q']
        })
      ]
    })
  )
  return ws
}

const render = (
  ws: Workspace,
  format: 'md' | 'html' | 'csv',
  horizon: 'now' | 'medium' | 'long' = 'now'
): string => renderGapReport(ws, format, horizon, { generatedAt: FIXED_TIME })

describe('Markdown report', () => {
  const md = render(handWorkspace(), 'md')

  it('has the sections, the ranking and the per-horizon counts', () => {
    for (const heading of [
      '# Gap report: Hand-made',
      '## Coverage by horizon',
      '## What to build first',
      '## Ranked gaps',
      '## Coverage by category',
      '## Personas by capability',
      '## Needs by persona',
      '## Capabilities'
    ]) {
      expect(md).toContain(`\n${heading}\n`.slice(heading.startsWith('# ') ? 1 : 0))
    }
    expect(md).toContain('Coverage now. Generated 2026-01-15 09:30 UTC.')
    expect(md).toContain('| 1 | Secure  file-sharing! | Gap | Must | 3 | 150 | 1350 |')
    expect(md).toContain('| 1 | VPN | Partial | 2 | 2 | 600 |')
    expect(md).toContain('| 3 | Legacy | Absent | 3 | 3 | 202 |')
    expect(md).toContain('| Medium term | 4 | 3 | 2 | 1 | 2 |')
    expect(md).toContain('| **Total** | 4 | 2 | 3 | 4 | 1 | 10 |')
  })

  it('shows an override as such, with the computed status and the rationale', () => {
    expect(md).toContain(
      '| Printer | IT | Must | Medium term | Someday | Met (override; computed: gap) | Vendor loaner |'
    )
  })

  it('follows the horizon', () => {
    const medium = render(handWorkspace(), 'md', 'medium')
    expect(medium).toContain('Coverage after the medium-term plan.')
    expect(medium).toContain('| **Medium term** | 4 | 3 | 2 | 1 | 2 |')
  })

  it('escapes user text so it cannot become markup', () => {
    const hostile = render(hostileWorkspace(), 'md')
    // Every < of user text is escaped, so no tag survives.
    expect(hostile).not.toMatch(/(^|[^\\])<(script|img|\/script)/m)
    expect(hostile).toContain('Wi-Fi \\<img src=x onerror=alert(1)\\>')
    expect(hostile).toContain('# Gap report: Team \\<script\\>alert("x")\\</script\\>')
    expect(hostile).toContain('pipes \\| and \\*stars\\* and \\[link\\](http://x) and \\&amp;')
    expect(escapeMarkdown('a\nb\r\n\tc')).toBe('a b c')
  })

  it('drops bidi controls, and zero-width characters at the ends, from user text in Markdown and HTML', () => {
    const ws = handWorkspace()
    ws.name = '\u200bTeam \u202eexe.txt\u2066'
    ws.capabilities[0].name = 'Wi\u202d-Fi\u200d'
    for (const format of ['md', 'html'] as const) {
      const out = render(ws, format)
      expect(out).toContain('Team exe.txt')
      expect(out).toContain('Wi-Fi')
      expect(out).not.toMatch(/[\u202a-\u202e\u2066-\u2069\u200b\u200d]/)
    }
  })

  it('is deterministic and leaves the date out when asked', () => {
    expect(render(handWorkspace(), 'md')).toBe(md)
    const undated = renderGapReport(handWorkspace(), 'md', 'now', { generatedAt: null })
    expect(undated).not.toContain('Generated')
  })

  it('cuts long lists and says how many are left', () => {
    const short = renderGapReport(handWorkspace(), 'md', 'now', { rankedGapsLimit: 2, buildFirstLimit: 1 })
    expect(short).toContain('… and 2 more gaps; the CSV report lists every need.')
    expect(short).toContain('… and 3 more capabilities.')
  })
})

describe('HTML report', () => {
  const html = render(handWorkspace(), 'html')

  it('is one standalone, print-ready document with no scripts or external assets', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true)
    expect(html).toContain('<meta charset="utf-8">')
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`)
    expect(html).toContain('@page { size: A4;')
    expect(html).toMatch(/@media print \{[^]*thead \{ display: table-header-group; \}/)
    expect(html).not.toMatch(/<script|<link|<img|<iframe|\bsrc=|\bhref=|url\(|@import/i)
    expect(html.match(/<style>/g)).toHaveLength(1)
  })

  it('carries the same figures as the Markdown', () => {
    expect(html).toContain('<td class="num">1350</td>')
    expect(html).toContain(
      '<span class="status status-met">Met</span> <span class="override">override (computed: gap): Vendor loaner</span>'
    )
    expect(html).toContain('<tr class="total"><td>Total</td><td class="num">4</td>')
  })

  it('escapes every piece of user text', () => {
    const hostile = render(hostileWorkspace(), 'html')
    expect(hostile).not.toMatch(/<script|<img/i)
    expect(hostile).toContain(
      '<title>Gap report: Team &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</title>'
    )
    expect(hostile).toContain('<h4>Evil &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</h4>')
    expect(hostile).toContain('<h3>Office &lt;script&gt;')
    expect(hostile).toContain('Wi-Fi &lt;img src=x onerror=alert(1)&gt;')
    expect(hostile).toContain('Quote &quot; &#39; &amp; co')
    expect(hostile).toContain('and &amp;amp;')
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;')
  })

  it('splits a wide matrix into tables that fit A4', () => {
    const ws = handWorkspace()
    for (let i = 0; i < 8; i++)
      ws.capabilities.push(newCapability({ id: `X${i}`, name: `Extra ${i}`, state: 'absent' }))
    const clerk = ws.cards.find((c) => c.id === 'P1')
    if (clerk?.kind !== 'persona') throw new Error('fixture changed')
    clerk.needs.push(
      newNeed({ id: 'wide', text: 'Everything', capabilityIds: ws.capabilities.map((c) => c.id) })
    )
    const wide = renderGapReport(ws, 'html', 'now', { matrixColumnsLimit: 20 })
    expect(wide).toContain('Capabilities 1–6 of 14')
    expect(wide).toContain('Capabilities 13–14 of 14')
    expect(wide).not.toContain('the gap analysis in the app shows them all')
    // By default the report keeps the 12 most linked: Legacy (5 needs), VPN, Classification (3),
    // Wi-Fi, Tablets, Someday (2), then the 1-need Extras in column order up to Extra 5.
    const capped = render(ws, 'html')
    expect(capped).toContain('The 12 capabilities with the most linked needs, of 14 with any;')
    expect(capped).toContain('Capabilities 7–12 of 12')
    expect(capped).toContain('<th scope="col">Extra 5</th>')
    expect(capped).not.toContain('<th scope="col">Extra 6</th>')
    const md = render(ws, 'md')
    expect(md).toContain('| Extra 5 | Persona total |')
  })
})

describe('CSV report', () => {
  const parse = (text: string): string[][] => Papa.parse<string[]>(text.trim(), { newline: '\r\n' }).data

  it('has one row per need with statuses at every horizon', () => {
    const rows = parse(render(handWorkspace(), 'csv'))
    expect(rows[0]).toEqual(CSV_HEADER)
    expect(rows[0]).toEqual([
      'Category',
      'Persona',
      'Need',
      'Kind',
      'Priority',
      'Horizon',
      'Capabilities',
      'Status now',
      'Status medium term',
      'Status long term',
      'Overridden',
      'Rationale'
    ])
    expect(rows).toHaveLength(11)
    expect(rows[1]).toEqual([
      'Office',
      'Manager',
      'Secure  file-sharing!',
      'it',
      'should',
      'medium',
      'Classification; Legacy',
      'gap',
      'met',
      'met',
      'no',
      ''
    ])
    expect(rows[8]).toEqual([
      'Field',
      'Agent',
      'Printer',
      'it',
      'must',
      'medium',
      'Someday',
      'met',
      'met',
      'met',
      'yes',
      'Vendor loaner'
    ])
    expect(rows[6].slice(6, 10)).toEqual(['', 'unassessed', 'unassessed', 'unassessed'])
  })

  it('neutralises cells a spreadsheet would run as formulas, multi-line ones too', () => {
    const csv = render(hostileWorkspace(), 'csv')
    const rows = parse(csv)
    const needs = rows.filter((r) => r[1].startsWith('Evil'))
    expect(needs.map((r) => r[2])).toEqual([
      `'=HYPERLINK("http://evil.example","click") ${SCRIPT}`,
      "'+1-555",
      "'-2+3",
      "'@SUM(A1)",
      "'=1+1\nsecond line",
      'pipes | and *stars* and [link](http://x) and &amp;'
    ])
    expect(needs[4][11]).toBe(`'=cmd|"/c calc"!A1`)
    for (const cell of rows.flat()) expect(cell).not.toMatch(/^[=+\-@\t\r]/)
    expect(csv.endsWith('\r\n')).toBe(true)
  })

  it('neutralises formulas behind leading spaces, tabs and line ends', () => {
    const ws = hostileWorkspace()
    const evil = ws.cards.find((c) => c.id === 'P9')
    if (evil?.kind !== 'persona') throw new Error('the hostile persona is missing')
    const texts = [' =HYPERLINK("http://evil.example")', '\n=1+1', ' \t@SUM(A1)', '  -2+3']
    evil.needs = texts.map((text, i) => newNeed({ id: `b${i}`, text, capabilityIds: ['Q'] }))
    const needs = parse(render(ws, 'csv')).filter((r) => r[1].startsWith('Evil'))
    expect(needs.map((r) => r[2])).toEqual(texts.map((t) => `'${t}`))
  })
})

describe('a report on needs whose kind, priority or horizon is not set', () => {
  it('Markdown: says “Not set”, ranks those gaps last and counts them apart', () => {
    const md = render(unsetWorkspace(), 'md')
    expect(md).toContain('| 1 | Fax | Gap | Could | 1 | 100 | 100 |')
    expect(md).toContain('| 2 | Scanner | Gap | Not set | 2 | 120 | 0 |')
    expect(md).toContain('| Badge reader | Not set | Not set | Not set | Badges | Gap |')
    expect(md).toContain('| Scanner | IT | Not set | Not set | Scanner service | Gap |')
    expect(md).toContain('| Fax | Business | Could | Now | Legacy | Gap |')
    expect(md).toContain(
      [
        '## Needs by priority',
        '',
        '| Priority | Needs | Gap | Partial |',
        '| --- | ---: | ---: | ---: |',
        '| Must | 0 | 0 | 0 |',
        '| Should | 0 | 0 | 0 |',
        '| Could | 1 | 1 | 0 |',
        '| Not set | 5 | 4 | 0 |',
        '',
        'Of 6 needs, the kind is not set on 4, the priority on 5 and the horizon on 5.'
      ].join('\n')
    )
  })

  it('Markdown: says nothing of unset values when every need has them', () => {
    const md = render(handWorkspace(), 'md')
    expect(md).toContain('| Not set | 0 | 0 | 0 |')
    expect(md).not.toContain('is not set on')
  })

  it('HTML: the same cells and counts', () => {
    const html = render(unsetWorkspace(), 'html')
    expect(html).toContain('<h2>Needs by priority</h2>')
    expect(html).toMatch(/<td[^>]*>Not set<\/td><td[^>]*>5<\/td><td[^>]*>4<\/td><td[^>]*>0<\/td>/)
    expect(html).toContain('Of 6 needs, the kind is not set on 4, the priority on 5 and the horizon on 5.')
  })

  it('CSV: “not set” in the kind, priority and horizon cells', () => {
    const rows = Papa.parse<string[]>(render(unsetWorkspace(), 'csv').trim(), { newline: '\r\n' }).data
    expect(rows.slice(1).map((r) => [r[2], r[3], r[4], r[5]])).toEqual([
      ['Badge reader', 'not set', 'not set', 'not set'],
      ['Badge reader', 'not set', 'not set', 'not set'],
      ['Scanner', 'not set', 'not set', 'not set'],
      ['Fax', 'business', 'could', 'now'],
      ['Scanner', 'it', 'not set', 'not set'],
      ['Shredder', 'not set', 'not set', 'not set']
    ])
  })
})
