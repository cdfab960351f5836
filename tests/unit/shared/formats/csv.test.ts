import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  guardFormula,
  parseProfileBytes,
  parseProfileText,
  serialize,
  unguardFormula,
  type ParsedFile
} from '../../../../src/shared/formats'
import { applyCommand } from '../../../../src/shared/commands/apply'
import { emptyWorkspace, newCapability, newNeed, newPersona } from '../../../../src/shared/model/defaults'
import type { PersonaCard } from '../../../../src/shared/model/schema'
import {
  FIXED_TIME,
  FIXTURES,
  content,
  readFixture,
  sequentialIds,
  tree,
  utf16,
  utf8,
  windows1252
} from './helpers'

const parse = (text: string, name = 'cards.csv'): ParsedFile =>
  parseProfileText(text, name, { newId: sequentialIds() })

describe('cards CSV', () => {
  it('reads a spreadsheet export: BOM, ";" separator, CRLF, quoted multi-line cells, nested list items', () => {
    const bytes = new Uint8Array(readFileSync(resolve(FIXTURES, 'excel-cards.csv')))
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const parsed = parseProfileBytes(bytes, 'excel-cards.csv', { newId: sequentialIds() })
    expect(parsed.format).toBe('csv-cards')
    expect(parsed.diagnostics).toEqual([])
    expect(parsed.categories.map((c) => c.name)).toEqual(['Client services', 'Top management'])
    const [clerk, cio] = parsed.cards
    expect(clerk).toMatchObject({
      kind: 'persona',
      title: 'Counter clerk',
      description: 'Works at the counter;\nserves walk-in clients',
      categoryId: parsed.categories[0].id,
      order: 0,
      provenance: { source: 'excel-cards.csv', line: 2 }
    })
    const persona = clerk as PersonaCard
    expect(tree(persona.goals)).toEqual([
      { text: 'Serve clients fast', children: [] },
      { text: 'Keep the queue short', children: [] }
    ])
    expect(tree(persona.needs)).toEqual([
      { text: 'Tablets for feedback', children: [{ text: 'so customers rate us', children: [] }] },
      { text: 'Printer that works', children: [] }
    ])
    expect(persona.problems.map((p) => p.text)).toEqual(['=queue numbers skip', 'Network latency'])
    // A record that spans four lines: the next one starts on line 8.
    expect(cio).toMatchObject({
      kind: 'role',
      title: 'Chief Information Officer ("CIO")',
      provenance: { line: 8 }
    })
  })

  it('gives the same result for ",", ";" and tab separators and in every encoding', () => {
    const text =
      'kind,category,title,description\nrole,IT,Développeur,"Écrit du code, teste"\npersona,IT,Analyste – données,\n'
    const reference = content(parse(text))
    expect(reference.cards.map((c) => c.title)).toEqual(['Développeur', 'Analyste – données'])
    const semicolons =
      'kind;category;title;description\nrole;IT;Développeur;Écrit du code, teste\npersona;IT;Analyste – données;\n'
    const tabs = semicolons.replaceAll(';', '\t')
    expect(content(parse(semicolons))).toEqual(reference)
    expect(content(parse(tabs))).toEqual(reference)
    for (const bytes of [utf16(text, 'le'), utf16(text, 'be'), windows1252(text), utf8(`sep=,\n${text}`)]) {
      const parsed = parseProfileBytes(bytes, 'cards.csv', { newId: sequentialIds() })
      expect({
        ...content(parsed),
        lineCount: reference.lineCount,
        cards: parsed.cards.map((c) => ({ ...c, provenance: null }))
      }).toEqual({
        ...reference,
        cards: reference.cards.map((c) => ({ ...c, provenance: null }))
      })
    }
  })

  it('infers a missing kind from the lists, and reports an unknown kind, a missing title and extra cells by line', () => {
    const parsed = parse('title,kind,goals\nA,,x\nB,manager,\n,persona,y\nC,role,z,extra\n')
    expect(parsed.cards.map((c) => [c.kind, c.title])).toEqual([
      ['persona', 'A'],
      ['role', 'B'],
      ['persona', 'Untitled persona'],
      ['role', 'C']
    ])
    expect(parsed.diagnostics.map((d) => [d.line, d.severity])).toEqual([
      [3, 'warning'],
      [4, 'warning'],
      [5, 'warning'],
      [5, 'warning']
    ])
  })

  it('refuses a file without a title column, naming the header line', () => {
    const parsed = parse('\n\nkind,category,description\nrole,A,x\n', 'x.csv')
    expect(parsed.format).toBe('csv-cards')
    expect(parsed.cards).toEqual([])
    expect(parsed.diagnostics).toEqual([
      { file: 'x.csv', line: 3, severity: 'error', message: expect.stringContaining('no “title” column') }
    ])
  })

  it('reports a quote that is never closed at the line it opens', () => {
    const parsed = parse('kind,title,description\nrole,A,"unterminated\nrole,B,x\n')
    expect(parsed.cards.map((c) => c.title)).toEqual(['A'])
    expect(parsed.diagnostics).toEqual([
      { file: 'cards.csv', line: 2, severity: 'error', message: expect.stringContaining('never closed') }
    ])
  })
})

describe('capabilities CSV', () => {
  it('reads name, description, state, horizon, owner; lenient spelling; unknown values reported', () => {
    const parsed = parseProfileText(readFixture('capabilities.csv'), 'capabilities.csv', {
      newId: sequentialIds()
    })
    expect(parsed.format).toBe('csv-capabilities')
    expect(parsed.capabilities.map((c) => [c.name, c.state, c.horizon, c.owner])).toEqual([
      ['Classification tool', 'planned', 'medium', 'IT security'],
      ['DLP tool', 'in-place', null, 'IT security'],
      ['Wi-Fi in all offices', 'partial', 'long', 'Facilities'],
      ['Tablets', 'absent', null, '']
    ])
    expect(parsed.capabilities[0].description).toBe('Labels documents by sensitivity, e.g. Titus')
    expect(parsed.diagnostics).toEqual([
      {
        file: 'capabilities.csv',
        line: 5,
        severity: 'warning',
        message: expect.stringContaining('Unknown state “sometime”')
      }
    ])
  })
})

describe('needs CSV', () => {
  const parsed = parseProfileText(readFixture('needs.csv'), 'needs.csv', { newId: sequentialIds() })

  it('gives one persona card per persona, holding its needs, and the capabilities it names (absent)', () => {
    expect(parsed.format).toBe('csv-needs')
    expect(parsed.cards.map((c) => [c.kind, c.title, c.categoryId])).toEqual([
      ['persona', 'Management', null],
      ['persona', 'Client services', null]
    ])
    expect(parsed.capabilities.map((c) => [c.name, c.state])).toEqual([
      ['Classification tool', 'absent'],
      ['DLP tool', 'absent'],
      ['Tablets', 'absent']
    ])
    const [management, clients] = parsed.cards as PersonaCard[]
    const ids = Object.fromEntries(parsed.capabilities.map((c) => [c.name, c.id]))
    expect(management.needs.map((n) => [n.kind, n.priority, n.horizon, n.capabilityIds])).toEqual([
      ['it', 'must', 'medium', [ids['Classification tool']]],
      ['it', 'should', 'now', [ids['DLP tool'], ids['Classification tool']]]
    ])
    expect(clients.needs.map((n) => [n.text, n.kind, n.priority, n.horizon])).toEqual([
      ['Tablets so customers can give feedback', 'business', 'could', 'long'],
      // An unknown priority stays unset (with a warning), as does an empty horizon cell.
      ['Printer that works', 'it', null, null]
    ])
    expect(parsed.diagnostics).toEqual([
      {
        file: 'needs.csv',
        line: 6,
        severity: 'warning',
        message: expect.stringContaining('Unknown priority “urgent”')
      }
    ])
  })

  it('a merge import attaches the needs to the personas already in the workspace, by title', () => {
    let ws = emptyWorkspace(FIXED_TIME)
    const dlp = newCapability({ id: 'dlp', name: 'DLP tool', state: 'in-place' })
    ws = applyCommand(ws, { type: 'capability.create', capability: dlp }, FIXED_TIME).next
    ws = applyCommand(
      ws,
      {
        type: 'card.create',
        card: newPersona({ id: 'm', title: 'management', needs: [newNeed({ id: 'x', text: 'Old need' })] }),
        categoryId: null
      },
      FIXED_TIME
    ).next
    ws = applyCommand(
      ws,
      {
        type: 'import.apply',
        mode: 'merge',
        categories: [],
        cards: parsed.cards,
        capabilities: parsed.capabilities,
        sources: []
      },
      FIXED_TIME
    ).next
    const management = ws.cards.find((c) => c.id === 'm') as PersonaCard
    expect(management.needs.map((n) => n.text)).toEqual([
      'Old need',
      'Need tool for classification',
      'We already have a DLP tool but useless without classification tool'
    ])
    expect(management.needs[2].capabilityIds[0]).toBe('dlp')
    expect(ws.capabilities.find((c) => c.id === 'dlp')?.state).toBe('in-place')
    expect(ws.cards.filter((c) => c.kind === 'persona').map((c) => c.title)).toEqual([
      'management',
      'Client services'
    ])
  })
})

describe('CSV formula guard', () => {
  it('prefixes cells a spreadsheet would run, and undoes exactly that', () => {
    const cells = ['=SUM(A1)', '+1', '-5', '@cmd', '\tx', "'=already", "''=twice", "'plain", 'plain', '', "'"]
    for (const cell of cells) expect(unguardFormula(guardFormula(cell))).toBe(cell)
    expect(cells.map(guardFormula)).toEqual([
      "'=SUM(A1)",
      "'+1",
      "'-5",
      "'@cmd",
      "'\tx",
      "''=already",
      "'''=twice",
      "'plain",
      'plain',
      '',
      "'"
    ])
  })

  it('the exporter guards every cell, and the importer gives the text back', () => {
    const ws = emptyWorkspace(FIXED_TIME)
    ws.cards.push(
      newPersona({
        id: 'p',
        title: '=HYPERLINK("http://evil")',
        description: '-2 is negative',
        goals: [{ id: 'g', text: '@mention', children: [] }]
      })
    )
    const csv = serialize(ws, 'csv')
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"")"`)
    expect(csv).toContain("'-2 is negative")
    for (const line of csv.split('\r\n').slice(1)) {
      for (const cell of line.split(',')) expect(cell.replace(/^"/, '')).not.toMatch(/^[=+\-@]/)
    }
    const back = parse(csv).cards[0] as PersonaCard
    expect([back.title, back.description, back.goals[0].text]).toEqual([
      '=HYPERLINK("http://evil")',
      '-2 is negative',
      '@mention'
    ])
  })
})
