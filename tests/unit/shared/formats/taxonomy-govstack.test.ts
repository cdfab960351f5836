/**
 * Taxonomy Markdown in the current GovStack playbook shape (issue #11): heading categories, ESCO
 * links, qualifications as a sub-heading or a bold line, other role parts; an unclosed
 * <summary>; unsafe content; a table where roles were expected; the title and introduction.
 */
import { describe, expect, it } from 'vitest'
import { parseProfileText, serialize, type ParsedFile } from '../../../../src/shared/formats'
import { emptyWorkspace } from '../../../../src/shared/model/defaults'
import type { PersonaCard, RoleCard, Workspace } from '../../../../src/shared/model/schema'
import { FIXED_TIME, importInto, readFixture, sequentialIds } from './helpers'

const FILE = 'govstack-playbook-like.md'
const parse = (text: string, name = 'doc.md'): ParsedFile =>
  parseProfileText(text, name, { newId: sequentialIds() })
const roles = (p: Pick<ParsedFile, 'cards'>): RoleCard[] =>
  p.cards.filter((c): c is RoleCard => c.kind === 'role')
const role = (p: ParsedFile, title: string): RoleCard => {
  const found = roles(p).find((r) => r.title === title)
  if (!found)
    throw new Error(
      `no role “${title}” in ${roles(p)
        .map((r) => r.title)
        .join(', ')}`
    )
  return found
}
const column = (p: ParsedFile, name: string): string[] => {
  const category = p.categories.find((c) => c.name === name)
  return p.cards.filter((c) => c.categoryId === (category?.id ?? null)).map((c) => c.title)
}

/** Export a workspace as taxonomy Markdown and read it back. */
function reimport(ws: Workspace): { text: string; back: ParsedFile } {
  const text = serialize(ws, 'md-taxonomy')
  return { text, back: parse(text, 'export.md') }
}

describe('taxonomy Markdown: the GovStack playbook shape (## categories, ### roles, #### parts)', () => {
  const parsed = parse(readFixture(FILE), FILE)

  it('reads the ## headings as categories and the ### headings as their roles, without diagnostics', () => {
    expect(parsed.format).toBe('md-taxonomy')
    expect(parsed.diagnostics).toEqual([])
    expect(parsed.categories.map((c) => [c.name, c.description])).toEqual([
      ['Policy makers', 'People who decide what a government builds and pays for.'],
      ['Delivery teams', ''],
      ['Everyone', '']
    ])
    expect(column(parsed, 'Policy makers')).toEqual(['Minister of digital affairs', 'Budget adviser'])
    expect(column(parsed, 'Delivery teams')).toEqual(['Product owner', 'Delivery manager'])
    expect(column(parsed, 'Everyone')).toEqual(['Citizens'])
    expect(parsed.cards.map((c) => c.title)).not.toContain('Qualifications')
  })

  it('fills qualifications from a #### Qualifications sub-heading followed by paragraphs or a list', () => {
    expect(role(parsed, 'Minister of digital affairs').qualifications).toEqual([
      'A university degree in law, economics or public administration.',
      'Several years of political or senior administrative experience.'
    ])
    expect(role(parsed, 'Delivery manager').qualifications).toEqual([
      'A project management certificate, or equivalent experience'
    ])
  })

  it('fills qualifications from a bold **Qualifications** line followed by a paragraph or a list', () => {
    expect(role(parsed, 'Budget adviser')).toMatchObject({
      description: 'Checks that spending plans for digital projects add up.',
      qualifications: ['A degree in finance or accounting.']
    })
    expect(role(parsed, 'Product owner').qualifications).toEqual([
      'Experience running a digital service',
      'Knowledge of agile ways of working'
    ])
  })

  it('keeps other sub-headings (Responsibilities, Skills) in the description with their heading text', () => {
    expect(role(parsed, 'Minister of digital affairs').description).toBe(
      [
        'Leads the ministry that owns the national digital agenda and answers to parliament for it.',
        'Responsibilities',
        'Sets the ministry’s priorities'.replace('’', "'"),
        'Defends the budget before parliament'
      ].join('\n\n')
    )
    expect(role(parsed, 'Product owner').description).toBe(
      'Decides what a service team builds next, based on what users need.\n\nSkills\n\nPrioritising, negotiating, writing clearly.'
    )
  })

  it('keeps the ESCO link in the heading as the occupation and as a link', () => {
    // ESCO occupation URIs are http identifiers, as ESCO publishes them.
    // eslint-disable-next-line @microsoft/sdl/no-insecure-url
    const uri = 'http://data.europa.eu/esco/occupation/00000000-0000-4000-8000-0000000000a1'
    expect(role(parsed, 'Minister of digital affairs')).toMatchObject({
      occupationUri: uri,
      links: [{ label: 'Minister of digital affairs', url: uri }]
    })
    expect(role(parsed, 'Budget adviser').occupationUri).toMatch(/^https:\/\/esco\.ec\.europa\.eu\//)
    expect(role(parsed, 'Delivery manager')).toMatchObject({ occupationUri: null, links: [] })
  })

  it('takes the # heading as the title and the text before the first category as the description, links kept', () => {
    expect(parsed.title).toBe('Digital government roles (playbook-shaped test fixture)')
    expect(parsed.description).toContain('linking to an [ESCO](https://esco.ec.europa.eu/) occupation')
    expect(parsed.description).toMatch(/^Written for Persona Planner's tests/)
  })

  it('exports and re-imports the same roles, qualifications, occupations, title and description', () => {
    const ws = {
      ...importInto([parsed]),
      name: parsed.title ?? '',
      description: parsed.description
    }
    const { text, back } = reimport(ws)
    expect(back.diagnostics).toEqual([])
    expect(back.title).toBe(ws.name)
    expect(back.description).toBe(ws.description)
    const fields = (p: Pick<ParsedFile, 'cards'>): unknown =>
      roles(p)
        .map((r) => [r.title, r.description, r.qualifications, r.occupationUri, r.links])
        .sort()
    expect(fields(back)).toEqual(fields(ws))
    // Exporting the re-import gives the same text.
    expect(
      serialize({ ...importInto([back]), name: ws.name, description: ws.description }, 'md-taxonomy')
    ).toBe(text)
  })
})

describe('taxonomy Markdown: role level and qualification forms in <details> categories', () => {
  it('does not turn a #### Qualifications sub-heading under every role into roles', () => {
    const parsed = parse(
      [
        '<details>',
        '<summary>Legal</summary>',
        '',
        '### Lawyer',
        '',
        'Advises on law.',
        '',
        '#### Qualifications',
        '',
        'Degree in law',
        '',
        '#### Skills',
        '',
        'Talking.',
        '',
        '### Clerk',
        '',
        '#### Qualifications',
        '',
        '- Typing',
        '',
        '</details>',
        ''
      ].join('\n')
    )
    expect(roles(parsed).map((r) => [r.title, r.description, r.qualifications])).toEqual([
      ['Lawyer', 'Advises on law.\n\nSkills\n\nTalking.', ['Degree in law']],
      ['Clerk', '', ['Typing']]
    ])
    expect(parsed.diagnostics).toEqual([])
  })

  it('takes the level of the first heading in each category as its role level', () => {
    const parsed = parse(
      '<details>\n<summary>A</summary>\n\n## One\n\n### Detail\n\n## Two\n\n</details>\n\n<details>\n<summary>B</summary>\n\n#### Three\n\n</details>\n'
    )
    expect(parsed.cards.map((c) => [c.title, c.description])).toEqual([
      ['One', 'Detail'],
      ['Two', ''],
      ['Three', '']
    ])
  })

  it('reads a bold **Qualifications** line followed by paragraphs into qualifications, not the description', () => {
    const parsed = parse(
      '<details>\n<summary>A</summary>\n\n### Judge\n\nDecides cases.\n\n**Qualifications**\n\nA law degree.\n\nTen years at the bar.\n\n</details>\n'
    )
    expect(role(parsed, 'Judge')).toMatchObject({
      description: 'Decides cases.',
      qualifications: ['A law degree.', 'Ten years at the bar.']
    })
  })

  it('still reads ## roles without categories as uncategorised roles', () => {
    const parsed = parse(
      '# Roles\n\n## Analyst\n\n### Qualifications\n\n- Statistics\n\n## Tester\n\nTests.\n'
    )
    expect(parsed.categories).toEqual([])
    expect(roles(parsed).map((r) => [r.title, r.categoryId, r.qualifications])).toEqual([
      ['Analyst', null, ['Statistics']],
      ['Tester', null, []]
    ])
  })
})

describe('taxonomy Markdown: an unclosed <summary>', () => {
  it('takes the line’s text as the category name, keeps the roles after it, and says so with the line', () => {
    const parsed = parse(
      '<details>\n\n<summary>Policy makers\n\n### Minister\n\nDecides.\n\n### Adviser\n\n</details>\n'
    )
    expect(parsed.categories.map((c) => c.name)).toEqual(['Policy makers'])
    expect(column(parsed, 'Policy makers')).toEqual(['Minister', 'Adviser'])
    expect(role(parsed, 'Minister').description).toBe('Decides.')
    expect(parsed.diagnostics).toEqual([
      {
        file: 'doc.md',
        line: 3,
        severity: 'warning',
        message:
          'This <summary> is not closed; “Policy makers” was taken as the category name and what follows as its content.'
      }
    ])
  })
})

describe('taxonomy Markdown: a table where roles were expected', () => {
  it('keeps the table text in the category description and warns with its line', () => {
    const parsed = parse(
      '<details>\n<summary>Staff</summary>\n\n| Role | Description |\n| --- | --- |\n| Clerk | Files papers |\n\n</details>\n'
    )
    expect(parsed.cards).toEqual([])
    expect(parsed.categories[0].description).toBe('Role Description Clerk Files papers')
    expect(parsed.diagnostics).toEqual([
      {
        file: 'doc.md',
        line: 4,
        severity: 'warning',
        message: expect.stringMatching(/^A table was found where roles were expected/)
      }
    ])
  })
})

describe('Markdown imports drop unsafe content, with a warning naming the line', () => {
  it('taxonomy: links other than http, https and mailto become their text; relative links stay', () => {
    const parsed = parse(
      [
        '### Analyst',
        '',
        'See [the guide](javascript:alert(1)), [data](data:text/html,x), [vb](VBScript:x), [disk](file:///c/x),',
        '[mail](mailto:a@example.org), [web](https://example.org) and [notes](notes.md).',
        ''
      ].join('\n')
    )
    const analyst = role(parsed, 'Analyst')
    expect(analyst.description).toBe('See the guide, data, vb, disk, mail, web and notes.')
    expect(analyst.links.map((l) => l.url)).toEqual([
      'mailto:a@example.org',
      'https://example.org',
      'notes.md'
    ])
    expect(parsed.diagnostics.map((d) => [d.line, d.message.replace(/ to “.*$/, '')])).toEqual([
      [3, 'The link “the guide”'],
      [3, 'The link “data”'],
      [3, 'The link “vb”'],
      [3, 'The link “disk”']
    ])
  })

  it('taxonomy: the text of <script> and <style> elements goes, block or inline', () => {
    const parsed = parse(
      '### Analyst\n\nReads <script>steal()</script>reports.\n\n<style>\nbody { display: none }\n</style>\n\nWrites too.\n'
    )
    expect(role(parsed, 'Analyst').description).toBe('Reads reports.\n\nWrites too.')
    expect(parsed.diagnostics.map((d) => [d.line, d.message])).toEqual([
      [3, 'The content of a <script> element was dropped.'],
      [5, 'The content of a <style> element was dropped.']
    ])
  })

  it('taxonomy: zero-width and bidi characters at the ends of role and category titles are removed', () => {
    const parsed = parse(
      '<details>\n<summary>\u200bPolicy makers\u202e</summary>\n\n### \u2066Minister\u200d\n\nText with a \u200b inside.\n\n</details>\n'
    )
    expect(parsed.categories.map((c) => c.name)).toEqual(['Policy makers'])
    expect(parsed.cards.map((c) => c.title)).toEqual(['Minister'])
    expect(parsed.diagnostics.map((d) => d.line)).toEqual([2, 4])
  })

  it('persona Markdown: the same rules, through the same reader', () => {
    const parsed = parse(
      [
        '### Profiles',
        '',
        '- \u200bManagement\u200f - Team leads',
        '',
        '#### Management - Team leads - \u202eClerk\u2069',
        '',
        'Reads [the form](javascript:alert(1)). <script>x()</script>',
        '',
        'Goals:',
        '',
        '- File faster',
        ''
      ].join('\n'),
      'personas.md'
    )
    expect(parsed.format).toBe('md-personas')
    expect(parsed.categories.map((c) => c.name)).toEqual(['Management'])
    const clerk = parsed.cards[0] as PersonaCard
    expect(clerk.title).toBe('Clerk')
    expect(clerk.links).toEqual([])
    expect(clerk.description).toBe('Reads the form.')
    expect(parsed.diagnostics.map((d) => [d.line, d.message.slice(0, 24)])).toEqual([
      [3, 'Zero-width or text-direc'],
      [5, 'Zero-width or text-direc'],
      [7, 'The link “the form” to “'],
      [7, 'The content of a <script']
    ])
  })
})

describe('taxonomy Markdown: the title and introduction', () => {
  it('gives the # title and the introduction (links kept as Markdown) and exports them back', () => {
    const parsed = parse(
      '# Our roles\n\nThe roles of the [ministry](https://example.org/m).\n\nKept up to date.\n\n<details>\n<summary>A</summary>\n\n### R\n\n</details>\n'
    )
    expect(parsed.title).toBe('Our roles')
    expect(parsed.description).toBe('The roles of the [ministry](https://example.org/m).\n\nKept up to date.')
    const ws = { ...importInto([parsed]), name: 'Our roles', description: parsed.description }
    const { text, back } = reimport(ws)
    expect(text).toMatch(
      /^# Our roles\n\nThe roles of the \[ministry\]\(https:\/\/example\.org\/m\)\.\n\nKept up to date\.\n/
    )
    expect([back.title, back.description]).toEqual([parsed.title, parsed.description])
  })

  it('writes a description typed in the app so that it cannot become a role or a category', () => {
    const ws = {
      ...emptyWorkspace(FIXED_TIME),
      name: 'W',
      description: '### Not a role\n\n<details>\n\n- a [link](https://example.org)'
    }
    const { back } = reimport(ws)
    expect(back.cards).toEqual([])
    expect(back.categories).toEqual([])
    expect(back.description).toBe('Not a role\n\n- a [link](https://example.org)')
  })
})

describe('cards CSV: a role’s qualifications', () => {
  it('are written in a qualifications column, one per line, and read back', () => {
    const parsed = parse(readFixture(FILE), FILE)
    const ws = importInto([parsed])
    const text = serialize(ws, 'csv')
    expect(text.split('\r\n')[0]).toBe(
      'kind,category,title,description,goals,habits,needs,problems,qualifications'
    )
    const back = parse(text, 'cards.csv')
    expect(back.diagnostics).toEqual([])
    const qualifications = (p: Pick<ParsedFile, 'cards'>): [string, string[]][] =>
      roles(p)
        .map((r): [string, string[]] => [r.title, r.qualifications])
        .sort()
    expect(qualifications(back)).toEqual(qualifications(ws))
    expect(role(back, 'Minister of digital affairs').qualifications).toHaveLength(2)
  })

  it('are ignored on a persona row, with a warning', () => {
    const back = parse('kind,title,goals,qualifications\npersona,Clerk,File faster,Typing\n', 'cards.csv')
    expect(back.cards[0]).not.toHaveProperty('qualifications')
    expect(back.diagnostics.map((d) => [d.line, d.message])).toEqual([
      [2, '“Clerk” is a persona; its qualifications were ignored.']
    ])
  })
})
