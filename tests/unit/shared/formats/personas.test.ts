import { describe, expect, it } from 'vitest'
import { parseProfileBytes, parseProfileText, type ParsedFile } from '../../../../src/shared/formats'
import type { PersonaCard } from '../../../../src/shared/model/schema'
import {
  PERSONAS,
  content,
  crlf,
  readFixture,
  sequentialIds,
  tree,
  utf16,
  utf8,
  utf8Bom,
  windows1252
} from './helpers'

// The real ESDC seed gets the same checks in seeds.test.ts, where it is present.
const fixture = readFixture(PERSONAS)
const parse = (text: string, name = PERSONAS): ParsedFile =>
  parseProfileText(text, name, { newId: sequentialIds() })
const personas = (p: ParsedFile): PersonaCard[] =>
  p.cards.filter((c): c is PersonaCard => c.kind === 'persona')
const persona = (p: ParsedFile, title: string): PersonaCard => {
  const found = personas(p).find((c) => c.title === title)
  if (!found) throw new Error(`no persona “${title}”`)
  return found
}
/** Persona title, category name, number of needs: what every variant must keep. */
const shape = (p: ParsedFile): [string, string | null, number][] =>
  personas(p).map((c) => [
    c.title,
    p.categories.find((k) => k.id === c.categoryId)?.name ?? null,
    c.needs.length
  ])

const EXPECTED_SHAPE: [string, string, number][] = [
  ['Management', 'Management', 2],
  ['Power users', 'Power users', 0],
  ['Client services', 'Client services', 2],
  ['IT Advisor', 'General users', 3],
  ['Policy Analyst', 'General users', 1],
  ['Field workers', 'Field workers', 1]
]

describe('persona Markdown: an ESDC-shaped persona page', () => {
  const parsed = parse(fixture)

  it('is detected as persona Markdown and reads without diagnostics', () => {
    expect(parsed.format).toBe('md-personas')
    expect(parsed.diagnostics).toEqual([])
    expect(parsed.lineCount).toBe(115)
  })

  it('gives the 5 groups of the Profiles list, each with the text after the dash as its description', () => {
    expect(parsed.categories.map((c) => [c.name, c.description, c.order])).toEqual([
      ['Management', 'Team leads and executives', 0],
      ['Power users', 'Build, run or analyse systems', 1],
      ['Client services', 'Serve the public in person or by phone', 2],
      ['General users', 'Usually at their desk', 3],
      ['Field workers', 'Work away from an office', 4]
    ])
  })

  it('gives 6 personas, each in its group, with 2, 0, 2, 3, 1, 1 needs; the empty persona is kept', () => {
    expect(shape(parsed)).toEqual(EXPECTED_SHAPE)
    expect(persona(parsed, 'Power users')).toMatchObject({ goals: [], habits: [], needs: [], problems: [] })
    expect(personas(parsed).map((c) => c.order)).toEqual([0, 0, 0, 0, 1, 0])
    expect(personas(parsed).map((c) => c.provenance?.line)).toEqual([23, 44, 46, 68, 93, 111])
  })

  it('reads nested needs: two of the IT Advisor’s needs hold items', () => {
    const needs = persona(parsed, 'IT Advisor').needs
    expect(needs.map((n) => n.children.length)).toEqual([0, 2, 1])
    expect(tree(needs[1].children)).toEqual([
      { text: 'Same operating system versions', children: [] },
      { text: 'Same network zones', children: [] }
    ])
    expect(needs[0]).toMatchObject({
      text: 'Automated code scanning in the build pipeline',
      // The page says nothing of them: unset.
      kind: null,
      priority: null,
      horizon: null,
      capabilityIds: [],
      override: null
    })
  })

  it('leaves every need’s kind, priority and horizon unset, never IT, should or medium', () => {
    const values = personas(parsed).flatMap((p) => p.needs.map((n) => [n.kind, n.priority, n.horizon]))
    expect(values).toHaveLength(9)
    expect(values.filter((v) => v.some((x) => x !== null))).toEqual([])
  })

  it('reads every section: "GOALS :", "habits:" and "**Problems:**" count as labels; other paragraphs describe', () => {
    const clients = persona(parsed, 'Client services')
    expect([
      clients.goals.length,
      clients.habits.length,
      clients.needs.length,
      clients.problems.length
    ]).toEqual([1, 2, 2, 2])
    const management = persona(parsed, 'Management')
    expect([management.goals.length, management.habits.length, management.problems.length]).toEqual([1, 2, 2])
    expect(management.needs.map((n) => n.text)).toEqual([
      'A tool to label documents by sensitivity, bought once, not rented',
      'Data loss prevention that reads those labels'
    ])
    expect(persona(parsed, 'IT Advisor').description).toBe(
      'Works in the central IT team and advises projects — from design to go-live.'
    )
    expect(persona(parsed, 'Field workers')).toMatchObject({ goals: [], habits: [], problems: [] })
  })

  it('reads French labels: Objectifs, Habitudes, Besoins, Problèmes', () => {
    const analyst = persona(parsed, 'Policy Analyst')
    expect([analyst.goals, analyst.habits, analyst.needs, analyst.problems].map(tree)).toEqual([
      [{ text: 'Publier des analyses fondées sur des données fiables', children: [] }],
      [{ text: 'Travaille surtout avec des tableurs partagés', children: [] }],
      [{ text: 'Un accès direct aux données ouvertes du ministère', children: [] }],
      [{ text: 'Les fichiers partagés sont souvent verrouillés', children: [] }]
    ])
  })

  it('keeps a lazy continuation line in its item', () => {
    expect(persona(parsed, 'Client services').problems[0].text).toBe(
      'The queue screen freezes when the network is slow, and visitors lose their turn'
    )
  })

  it('keeps the front matter as metadata, strings as strings', () => {
    expect(parsed.metadata).toEqual({
      layout: 'default',
      title: 'Staff Personas',
      ref: 'staff-personas',
      lang: 'en',
      status: 'draft',
      permalink: '/staff-personas.html'
    })
  })
})

describe('persona Markdown: variants of the page give the same personas', () => {
  const reference = content(parse(fixture))
  const encodings: [string, Uint8Array][] = [
    ['UTF-8 with BOM', utf8Bom(fixture)],
    ['UTF-8, CRLF', utf8(crlf(fixture))],
    ['UTF-16 LE with BOM', utf16(fixture, 'le')],
    ['UTF-16 BE with BOM', utf16(crlf(fixture), 'be')],
    ['Windows-1252 (’ “ – … — é è)', windows1252(fixture)],
    ['Windows-1252, CRLF', windows1252(crlf(fixture))]
  ]

  it.each(encodings)('%s', (_name, bytes) => {
    expect(content(parseProfileBytes(bytes, PERSONAS, { newId: sequentialIds() }))).toEqual(reference)
  })

  const french = fixture
    .replace(/^(\**)goals ?:/gim, '$1Objectifs :')
    .replace(/^(\**)habits ?:/gim, '$1Habitudes:')
    .replace(/^(\**)needs ?:/gim, '$1Besoins :')
    .replace(/^(\**)problems ?:/gim, '$1Problèmes:')

  it('French section labels everywhere, with or without a space before the colon', () => {
    expect(french).toContain('Objectifs :')
    expect(french).not.toMatch(/^\**(goals|habits|needs|problems)/im)
    const parsed = parse(french)
    expect(parsed.format).toBe('md-personas')
    expect(content(parsed)).toEqual(reference)
  })

  it.each([1, 2, 3, 5, 6])('persona headings at level %i', (level) => {
    const text = fixture.replace(/^#### /gm, `${'#'.repeat(level)} `)
    const parsed = parse(text)
    expect(shape(parsed)).toEqual(EXPECTED_SHAPE)
    expect(parsed.categories.map((c) => c.name)).toEqual(reference.categories.map((c) => c.name))
  })

  it('without the Profiles list: groups come from the headings, with their descriptions', () => {
    const text = fixture.replace(/### Profiles\n\n(- .*\n)+/, '')
    expect(text).not.toContain('### Profiles')
    const parsed = parse(text)
    expect(shape(parsed)).toEqual(EXPECTED_SHAPE)
    expect(parsed.categories.map((c) => [c.name, c.description])).toEqual(
      reference.categories.map((c) => [c.name, c.description])
    )
    expect(parsed.diagnostics).toEqual([])
  })

  it('without the list and with headings at level 2, the page title is still no persona', () => {
    const text = fixture.replace(/### Profiles\n\n(- .*\n)+/, '').replace(/^#### /gm, '## ')
    expect(shape(parse(text))).toEqual(EXPECTED_SHAPE)
  })

  it('without front matter', () => {
    const parsed = parse(fixture.replace(/^---\n[\s\S]*?\n---\n/, ''))
    expect(parsed.metadata).toEqual({})
    expect(
      content({ ...parsed, metadata: reference.metadata, lineCount: reference.lineCount } as ParsedFile)
    ).toEqual({
      ...reference,
      cards: reference.cards.map((c) => ({
        ...c,
        provenance: { source: PERSONAS, line: (c.provenance?.line ?? 0) - 8 }
      }))
    })
  })
})

describe('persona Markdown: structure and diagnostics', () => {
  it('a heading with no name part takes the group’s name; one not in the list adds a group, with a note', () => {
    const parsed = parse(
      '### Profiles\n\n- Staff - Everyone\n\n## Staff - Everyone\n\nGoals:\n\n- a\n\n## Visitors - From outside - Guest\n\nNeeds:\n\n- Wi-Fi\n'
    )
    expect(shape(parsed)).toEqual([
      ['Staff', 'Staff', 0],
      ['Guest', 'Visitors', 1]
    ])
    expect(parsed.categories.map((c) => [c.name, c.description])).toEqual([
      ['Staff', 'Everyone'],
      ['Visitors', 'From outside']
    ])
    expect(parsed.diagnostics).toEqual([
      {
        file: PERSONAS,
        line: 11,
        severity: 'info',
        message: expect.stringContaining('“Visitors” is not in the profile list')
      }
    ])
  })

  it('reads bold labels, a label with text on the same line, and a "##### Goals" sub-heading', () => {
    const parsed = parse(
      '## Clerk\n\nWorks at the counter.\n\n**Goals:**\n\n- Serve fast\n\nNeeds: A better printer\n\n##### Problems\n\n- Queue\n  - Long\n'
    )
    const clerk = persona(parsed, 'Clerk')
    expect(clerk.description).toBe('Works at the counter.')
    expect(tree(clerk.goals)).toEqual([{ text: 'Serve fast', children: [] }])
    expect(clerk.needs.map((n) => n.text)).toEqual(['A better printer'])
    expect(tree(clerk.problems)).toEqual([{ text: 'Queue', children: [{ text: 'Long', children: [] }] }])
  })

  it('reads a task list item without its box, and keeps a footnote as text (no link made of it)', () => {
    const parsed = parse(
      '## Clerk\n\nWorks at the counter[^1].\n\n[^1]: https://example.org/counter\n\nNeeds:\n\n- [ ] A better printer\n- [x] A second screen\n- [ ]\n'
    )
    const clerk = persona(parsed, 'Clerk')
    expect(clerk.needs.map((n) => n.text)).toEqual(['A better printer', 'A second screen', '[ ]'])
    expect(clerk.description).toContain('[^1]: https://example.org/counter')
    expect(clerk.links).toEqual([])
  })

  it('caps list nesting at 8 levels with a warning on the first item too deep', () => {
    const deep = Array.from({ length: 11 }, (_, i) => `${'  '.repeat(i)}- level ${i + 1}`).join('\n')
    const parsed = parse(`## Deep\n\nGoals:\n\n${deep}\n`)
    let items = persona(parsed, 'Deep').goals
    const levels: string[][] = []
    while (items.length > 0) {
      levels.push(items.map((i) => i.text))
      items = items.flatMap((i) => i.children)
    }
    expect(levels).toHaveLength(8)
    expect(levels[7]).toEqual(['level 8', 'level 9', 'level 10', 'level 11'])
    expect(parsed.diagnostics).toEqual([
      { file: PERSONAS, line: 13, severity: 'warning', message: expect.stringMatching(/more than 8 levels/) }
    ])
  })

  it('reports front matter that is not valid YAML, by line, and keeps reading', () => {
    const parsed = parse('---\na: 1\nb: 2\nc: d: e\n---\n\n## A - B - C\n\nGoals:\n\n- g\n')
    expect(parsed.metadata).toEqual({})
    expect(parsed.diagnostics).toEqual([
      {
        file: PERSONAS,
        line: 4,
        severity: 'warning',
        message: expect.stringMatching(/^The front matter is not valid YAML \(/)
      }
    ])
    expect(shape(parsed)).toEqual([['C', 'A', 0]])
  })

  it('keeps front matter dates as strings and drops __proto__ keys', () => {
    const parsed = parse(
      '---\ndate: 2024-05-01\ncount: 3\n__proto__: { polluted: true }\n---\n\n## A\n\nGoals:\n\n- g\n'
    )
    expect(parsed.metadata).toEqual({ date: '2024-05-01', count: 3 })
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
})
