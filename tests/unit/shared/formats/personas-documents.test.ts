/**
 * Persona pages as people write them (issue #11): the separators a word processor makes, prose and
 * tables kept as such, the subtitle of a profile, and the page's title and introduction.
 */
import { describe, expect, it } from 'vitest'
import { parseProfileText, serialize, type ParsedFile } from '../../../../src/shared/formats'
import { emptyWorkspace } from '../../../../src/shared/model/defaults'
import type { PersonaCard, Workspace } from '../../../../src/shared/model/schema'
import { FIXED_TIME, PERSONAS, importInto, readFixture, sequentialIds, tree } from './helpers'

const WORD_PROCESSOR = 'word-processor-personas.md'

const parse = (text: string, name = 'page.md'): ParsedFile =>
  parseProfileText(text, name, { newId: sequentialIds() })
const personas = (p: Pick<ParsedFile, 'cards'>): PersonaCard[] =>
  p.cards.filter((c): c is PersonaCard => c.kind === 'persona')
const persona = (p: Pick<ParsedFile, 'cards'>, title: string): PersonaCard => {
  const found = personas(p).find((c) => c.title === title)
  if (!found) throw new Error(`no persona “${title}”`)
  return found
}
/** Title, subtitle, group: what a heading gives. */
const headings = (p: ParsedFile): [string, string, string | null][] =>
  personas(p).map((c) => [c.title, c.subtitle, p.categories.find((k) => k.id === c.categoryId)?.name ?? null])
/** The workspace an import makes, named and described as import.apply does for a new workspace. */
const workspaceOf = (p: ParsedFile): Workspace => ({
  ...importInto([p]),
  name: p.title ?? '',
  description: p.description
})

describe('persona headings and the profile list accept hyphen, en dash, em dash and colon', () => {
  const page = (sep: (a: string, b: string) => string): string =>
    [
      '## Profiles',
      '',
      `- ${sep('Management', 'Manager and above')}`,
      `- ${sep('General users', 'Usually at their desk')}`,
      '',
      `#### ${sep('Management', 'Manager and above')}`,
      '',
      'Needs:',
      '',
      '- Work styles: 90% of the time is operations – not projects',
      '',
      `#### ${sep(sep('General users', 'Usually at their desk'), 'IT Advisor')}`,
      '',
      'Goals:',
      '',
      '- Simpler systems',
      ''
    ].join('\n')

  it.each([
    ['hyphen', (a: string, b: string) => `${a} - ${b}`],
    ['en dash', (a: string, b: string) => `${a} – ${b}`],
    ['em dash', (a: string, b: string) => `${a} — ${b}`],
    ['colon', (a: string, b: string) => `${a}: ${b}`],
    ['French colon', (a: string, b: string) => `${a} : ${b}`]
  ])('%s', (_name, sep) => {
    const parsed = parse(page(sep))
    expect(parsed.diagnostics).toEqual([])
    expect(parsed.categories.map((c) => [c.name, c.description])).toEqual([
      ['Management', 'Manager and above'],
      ['General users', 'Usually at their desk']
    ])
    expect(headings(parsed)).toEqual([
      ['Management', 'Manager and above', 'Management'],
      ['IT Advisor', 'Usually at their desk', 'General users']
    ])
    // List items keep their own dashes and colons.
    expect(persona(parsed, 'Management').needs[0].text).toBe(
      'Work styles: 90% of the time is operations – not projects'
    )
  })

  it('a colon counts only as the first separator; later colons and escaped ones are text', () => {
    const parsed = parse(
      '## Profiles\n\n- Staff: Everyone\n\n### Staff: Everyone - Lead: day shift\n\nGoals:\n\n- a\n\n### Staff - Night\\: late shift\n\nGoals:\n\n- b\n'
    )
    expect(headings(parsed)).toEqual([
      ['Lead: day shift', 'Everyone', 'Staff'],
      ['Night: late shift', '', 'Staff']
    ])
  })

  it('a dash written as a character reference is text', () => {
    const parsed = parse('### Staff &#8211; Everyone\n\nGoals:\n\n- a\n')
    expect(headings(parsed)).toEqual([['Staff – Everyone', '', null]])
  })
})

describe('a page from a word processor (word-processor-personas.md)', () => {
  const parsed = parse(readFixture(WORD_PROCESSOR), WORD_PROCESSOR)

  it('reads without diagnostics: groups, personas and subtitles from en dash, em dash and colon headings', () => {
    expect(parsed.diagnostics).toEqual([])
    expect(parsed.categories.map((c) => [c.name, c.description])).toEqual([
      ['Inspectors', 'Visit sites every day'],
      ['Clerks', 'Work at the front desk'],
      ['Supervisors', 'Lead a team of inspectors']
    ])
    expect(headings(parsed)).toEqual([
      ['Inspectors', 'Visit sites every day', 'Inspectors'],
      ['Counter clerk', 'Work at the front desk', 'Clerks'],
      ['Supervisors', 'Lead a team of inspectors', 'Supervisors']
    ])
    expect(persona(parsed, 'Supervisors').problems[0].text).toBe(
      'Reports arrive late – often after the weekly meeting'
    )
  })

  it('a paragraph after the Needs list is description, not a need; the table stays a Markdown table', () => {
    const inspectors = persona(parsed, 'Inspectors')
    expect(inspectors.needs.map((n) => n.text)).toEqual([
      'A phone that keeps working with no signal',
      'Forms that save themselves: no lost reports'
    ])
    expect(inspectors.description).toBe(
      [
        'Most inspectors drive between three and five sites a day.',
        '',
        '| Tool | Used for |',
        '| --- | --- |',
        '| Tablet | Photos, [forms](https://example.org/forms) |',
        '| Laptop | Weekly reports |'
      ].join('\n')
    )
  })

  it('the title names the workspace; the introduction, its links and table, and the closing notes are its description', () => {
    expect(parsed.title).toBe('Field Office Personas')
    expect(parsed.description).toBe(
      [
        'Personas of a regional field office, written in a word processor that turned its hyphens into dashes. See the [office handbook](https://example.org/handbook) and the [visitor survey](https://example.org/survey) for the numbers.',
        '',
        '| Site | Staff |',
        '| --- | ---: |',
        '| North | 40 |',
        '| South | 25 |',
        '',
        '## Notes',
        '',
        'The field office reviews these personas every spring.'
      ].join('\n')
    )
  })

  it('round-trips through the persona export: subtitles, tables, title and introduction; the second export is the same text', () => {
    const ws = workspaceOf(parsed)
    const text = serialize(ws, 'md-personas')
    expect(text).toContain('### Clerks - Work at the front desk - Counter clerk')
    expect(text).toContain('| Tablet | Photos, [forms](https://example.org/forms) |')
    const back = parse(text, 'export.md')
    expect(back.diagnostics).toEqual([])
    expect(back.title).toBe(ws.name)
    expect(back.description).toBe(ws.description)
    const fields = (w: Pick<ParsedFile, 'cards'>): unknown[] =>
      personas(w).map((c) => [c.title, c.subtitle, c.description, tree(c.needs), tree(c.problems)])
    expect(fields(back)).toEqual(fields(ws))
    expect(serialize(workspaceOf(back), 'md-personas')).toBe(text)
  })
})

describe('prose and tables in persona sections', () => {
  it('prose after any section list ends the section; a list after that prose is description too', () => {
    const parsed = parse(
      '### Clerk\n\nGoals:\n\n- Serve fast\n\nThey like quiet mornings.\n\n* Keeps a notebook\n\nHabits:\n\n- Early start\n'
    )
    const clerk = persona(parsed, 'Clerk')
    expect(tree(clerk.goals)).toEqual([{ text: 'Serve fast', children: [] }])
    expect(clerk.description).toBe('They like quiet mornings.\n\nKeeps a notebook')
    expect(tree(clerk.habits)).toEqual([{ text: 'Early start', children: [] }])
  })

  it('a paragraph right under a label, before any list, is still an item of that section', () => {
    const clerk = persona(parse('### Clerk\n\nNeeds:\n\nA printer that works\n\n- Paper\n'), 'Clerk')
    expect(clerk.needs.map((n) => n.text)).toEqual(['A printer that works', 'Paper'])
    expect(clerk.description).toBe('')
  })

  it('a table where a section’s list was expected goes to the description, with a warning naming its line', () => {
    const parsed = parse('### Clerk\n\nNeeds:\n\n| Need | Why |\n| --- | --- |\n| Printer | Forms |\n')
    const clerk = persona(parsed, 'Clerk')
    expect(clerk.needs).toEqual([])
    expect(clerk.description).toBe('| Need | Why |\n| --- | --- |\n| Printer | Forms |')
    expect(parsed.diagnostics).toEqual([
      {
        file: 'page.md',
        line: 5,
        severity: 'warning',
        message:
          'A table under the “Needs” label was kept in the persona’s description: a section’s items are read from a list.'
      }
    ])
  })
})

describe('the ESDC-shaped fixture: subtitles, title and introduction', () => {
  const parsed = parse(readFixture(PERSONAS), PERSONAS)

  it('each persona keeps the subtitle of its heading; the group keeps it as its description', () => {
    expect(headings(parsed).map(([title, subtitle]) => [title, subtitle])).toEqual([
      ['Management', 'Team leads and executives'],
      ['Power users', 'Build, run or analyse systems'],
      ['Client services', 'Serve the public in person or by phone'],
      ['IT Advisor', 'Usually at their desk'],
      ['Policy Analyst', 'Usually at their desk'],
      ['Field workers', 'Work away from an office']
    ])
  })

  it('the “##” heading is the title and the text before the Profiles list the description', () => {
    expect(parsed.title).toBe('Staff Personas')
    expect(parsed.description).toMatch(
      /^A made-up department of about 9 000 people, .* for how it is used\.$/
    )
    expect(parsed.description).toContain('planning notes')
  })

  it('needs say nothing of kind, priority or horizon: unset, and the export writes none', () => {
    const needs = personas(parsed).flatMap((c) => c.needs)
    expect(needs.every((n) => n.kind === null && n.priority === null && n.horizon === null)).toBe(true)
    const text = serialize(workspaceOf(parsed), 'md-personas')
    expect(text).not.toMatch(/\b(?:should|must|could|medium|long term|business)\b/i)
  })
})

describe('persona export: headings that read back as written', () => {
  const base = (): Workspace => ({ ...emptyWorkspace(FIXED_TIME), name: 'Team' })
  const exportAndBack = (ws: Workspace): { text: string; back: ParsedFile } => {
    const text = serialize(ws, 'md-personas')
    return { text, back: parse(text, 'export.md') }
  }
  const make = (
    cards: { title: string; subtitle: string; group: number | null }[],
    groups: { name: string; description: string }[]
  ): Workspace => {
    const ws = base()
    const parsed = parse(
      [
        '## Profiles',
        '',
        ...groups.map((g) => `- ${g.name}${g.description ? ` - ${g.description}` : ''}`),
        '',
        ...cards.map((_card, i) => `### Card ${i}\n\nGoals:\n\n- g\n`)
      ].join('\n')
    )
    const ids = parsed.categories.map((c) => c.id)
    const imported = importInto([parsed], ws)
    return {
      ...imported,
      cards: imported.cards.map((card, i) => {
        const { title, subtitle, group } = cards[i]
        return card.kind === 'persona'
          ? { ...card, title, subtitle, categoryId: group === null ? null : ids[group] }
          : card
      })
    }
  }

  it.each([
    ['the group itself, subtitle = group description', 'Staff', 'Everyone', 0, '### Staff - Everyone'],
    ['the group itself, no subtitle', 'Staff', '', 0, '### Staff\n'],
    ['the group itself, another subtitle', 'Staff', 'Night shift', 0, '### Staff - Night shift - Staff'],
    ['a named persona with a subtitle', 'Ann', 'Everyone', 0, '### Staff - Everyone - Ann'],
    ['a named persona, no subtitle', 'Ann', '', 0, '### Staff - Ann'],
    ['a persona named as the group description, no subtitle', 'Everyone', '', 0, '### Staff -  - Everyone'],
    ['uncategorised with a subtitle', 'Ann', 'Visitor', null, '### - Visitor - Ann'],
    [
      'a subtitle with dashes and a colon',
      'Ann',
      'Day – night — note: x',
      0,
      '### Staff - Day &#8211; night &#8212; note\\: x - Ann'
    ]
  ])('%s', (_name, title, subtitle, group, heading) => {
    const ws = make([{ title, subtitle, group }], [{ name: 'Staff', description: 'Everyone' }])
    const { text, back } = exportAndBack(ws)
    expect(text).toContain(heading)
    expect(headings(back)).toEqual([[title, subtitle, group === null ? null : 'Staff']])
  })
})
