import { describe, expect, it } from 'vitest'
import { parseProfileBytes, parseProfileText, type ParsedFile } from '../../../../src/shared/formats'
import type { RoleCard } from '../../../../src/shared/model/schema'
import {
  TAXONOMY,
  content,
  crlf,
  readFixture,
  sequentialIds,
  utf16,
  utf8,
  utf8Bom,
  windows1252
} from './helpers'

// The real GovStack seed gets the same checks in seeds.test.ts, where it is present.
const fixture = readFixture(TAXONOMY)
const parse = (text: string, name = TAXONOMY): ParsedFile =>
  parseProfileText(text, name, { newId: sequentialIds() })
const roles = (p: ParsedFile): RoleCard[] => p.cards.filter((c): c is RoleCard => c.kind === 'role')
const role = (p: ParsedFile, title: string): RoleCard => {
  const found = roles(p).find((r) => r.title === title)
  if (!found) throw new Error(`no role “${title}”`)
  return found
}

describe('taxonomy Markdown: a GovStack-shaped taxonomy', () => {
  const parsed = parse(fixture)

  it('is detected as a taxonomy and reads without diagnostics', () => {
    expect(parsed.format).toBe('md-taxonomy')
    expect(parsed.diagnostics).toEqual([])
    expect(parsed.lineCount).toBe(170)
  })

  it('gives the 7 categories in document order with 3, 4, 6, 6, 5, 3, 1 roles (28)', () => {
    expect(parsed.categories.map((c) => c.name)).toEqual([
      'Decision makers',
      'Senior leadership',
      'Delivery management',
      'Technical staff',
      'Learning and development',
      'Service design',
      'Everyone'
    ])
    expect(parsed.categories.map((c) => c.order)).toEqual([0, 1, 2, 3, 4, 5, 6])
    expect(parsed.categories.map((c) => parsed.cards.filter((r) => r.categoryId === c.id).length)).toEqual([
      3, 4, 6, 6, 5, 3, 1
    ])
    expect(parsed.cards).toHaveLength(28)
    expect(parsed.cards.every((c) => c.kind === 'role')).toBe(true)
  })

  it('carries a category’s introduction into its description', () => {
    expect(parsed.categories.map((c) => c.description)).toEqual([
      'People who set priorities and approve the money for digital programmes.',
      ...Array<string>(6).fill('')
    ])
  })

  it('numbers each card by its position in its column and records its heading line', () => {
    const delivery = parsed.categories[2]
    const column = parsed.cards.filter((c) => c.categoryId === delivery.id)
    expect(column.map((c) => c.order)).toEqual([...Array(6).keys()])
    expect(column[0]).toMatchObject({
      title: 'Programme manager',
      provenance: { source: TAXONOMY, line: 57 }
    })
    expect(parsed.cards[0].provenance).toEqual({ source: TAXONOMY, line: 12 })
    expect(parsed.cards.at(-1)?.provenance).toEqual({ source: TAXONOMY, line: 166 })
  })

  it('cleans titles: entities, runs of spaces, backslash escapes and link syntax', () => {
    const titles = parsed.cards.map((c) => c.title)
    expect(titles).toContain('Chief Privacy Officer')
    expect(titles).toContain('User researcher')
    expect(titles).toContain('Public servants')
    expect(titles).toContain('Budget officer *see ESCO (budget analyst)')
    expect(titles).toContain('Monitoring & Evaluation lead')
    expect(titles).toContain('Network technician')
    for (const title of titles) {
      expect(title).not.toMatch(/&#?\w+;|\\|\]\(|\s{2}|^\s|\s$/)
    }
  })

  it('keeps a heading link in the card’s links; a non-ESCO link is no occupation, an ESCO one is', () => {
    expect(role(parsed, 'User researcher')).toMatchObject({
      links: [{ label: 'User researcher', url: 'https://www.example.org/roles/user-researcher' }],
      occupationUri: null
    })
    // ESCO occupation URIs are http identifiers, as ESCO publishes them.
    // eslint-disable-next-line @microsoft/sdl/no-insecure-url
    const uri = 'http://data.europa.eu/esco/occupation/00000000-0000-4000-8000-00000000d001'
    expect(parsed.cards[0]).toMatchObject({
      title: 'Deputy minister',
      occupationUri: uri,
      links: [{ label: 'Deputy minister', url: uri }]
    })
  })

  it('reads qualifications lists: bold label with or without a colon, nested items flattened, no trailing entity', () => {
    expect((parsed.cards[0] as RoleCard).qualifications).toEqual([
      'Long experience in public administration',
      'Knowledge of the legislative process'
    ])
    expect(role(parsed, 'User researcher').qualifications).toEqual([
      'Experience running interviews',
      'or usability tests'
    ])
    expect(roles(parsed).filter((r) => r.qualifications.length > 0)).toHaveLength(2)
  })

  it('cleans descriptions to text: M&E, [or a donor], no trailing entity', () => {
    expect(role(parsed, 'Monitoring & Evaluation lead').description).toBe(
      'Designs the M&E plan and checks results against it.'
    )
    expect(role(parsed, 'Grants officer').description).toContain('from the government [or a donor] to')
    expect(role(parsed, 'Network technician').description).toMatch(/Wi-Fi\.$/)
    expect(role(parsed, 'Chief digital officer').description).toBe(
      'Sets the organisation’s digital strategy and makes sure technology serves the mission.'
    )
    for (const card of parsed.cards) expect(card.description).not.toMatch(/&#?\w+;|\\[[\]&*]/)
  })

  it('reports progress as it goes: rising fractions that end at 1', () => {
    const fractions: number[] = []
    parseProfileText(fixture, TAXONOMY, { onProgress: (f) => fractions.push(f) })
    expect(fractions.length).toBeGreaterThan(30)
    expect([...fractions].sort((a, b) => a - b)).toEqual(fractions)
    expect(fractions.at(-1)).toBe(1)
    expect(fractions[0]).toBeLessThan(0.1)
  })

  it('makes ids with crypto.randomUUID unless told otherwise', () => {
    const ids = parseProfileText(fixture, TAXONOMY).cards.map((c) => c.id)
    for (const id of ids)
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(new Set(ids).size).toBe(28)
  })

  it('keeps every copy of the duplicated roles (duplicates are the preview’s business)', () => {
    const count = (t: string): number => parsed.cards.filter((c) => c.title === t).length
    expect(count('Programme manager')).toBe(3)
    expect(count('Deputy minister')).toBe(2)
  })
})

describe('taxonomy Markdown: the same content in every encoding and line end', () => {
  const reference = content(parse(fixture))
  const variants: [string, Uint8Array][] = [
    ['UTF-8 with BOM', utf8Bom(fixture)],
    ['UTF-8, CRLF', utf8(crlf(fixture))],
    ['UTF-16 LE with BOM', utf16(fixture, 'le')],
    ['UTF-16 BE with BOM, CRLF', utf16(crlf(fixture), 'be')],
    ['Windows-1252 (’)', windows1252(fixture)],
    ['Windows-1252, CRLF', windows1252(crlf(fixture))]
  ]

  it.each(variants)('%s', (_name, bytes) => {
    expect(content(parseProfileBytes(bytes, TAXONOMY, { newId: sequentialIds() }))).toEqual(reference)
  })
})

describe('taxonomy Markdown: the newer GovStack version', () => {
  const parsed = parse(readFixture('govstack-taxonomy-v2.md'), 'govstack-taxonomy-v2.md')

  it('carries each category’s introduction into its description', () => {
    expect(parsed.categories.map((c) => [c.name, c.description])).toEqual([
      [
        'Policy makers',
        'Policy makers set the direction of digital transformation and decide on budgets and regulation.\n\nThey are rarely hands-on users of the systems.'
      ],
      ['Service design', 'Teams who design services end to end.']
    ])
  })

  it('reads qualifications lists (bold label with or without a colon; nested items flattened)', () => {
    expect(role(parsed, 'Government minister').qualifications).toEqual([
      "Master's degree in public administration, law or economics",
      'Experience in legislative work'
    ])
    expect(role(parsed, 'Fundraisers').qualifications).toEqual([
      "Bachelor's degree in marketing or communications",
      'or equivalent experience'
    ])
    expect(role(parsed, 'Government minister').description).toBe(
      'Government ministers function as decision-makers in national or regional governments, and head government ministries.'
    )
  })

  it('takes an ESCO heading link as the occupation (both URI forms) and keeps it in links', () => {
    const minister = role(parsed, 'Government minister')
    // ESCO occupation URIs are http identifiers, as ESCO publishes them.
    // eslint-disable-next-line @microsoft/sdl/no-insecure-url
    const uri = 'http://data.europa.eu/esco/occupation/8c2ed0e9-b0d7-4ad2-9d4e-f1f8d7b3e0c1'
    expect(minister.occupationUri).toBe(uri)
    expect(minister.links).toEqual([{ label: 'Government minister', url: uri }])
    expect(role(parsed, 'Fundraisers').occupationUri).toMatch(/^https:\/\/esco\.ec\.europa\.eu\//)
    expect(role(parsed, 'Service designer')).toMatchObject({
      occupationUri: null,
      qualifications: ['Portfolio of service design work']
    })
  })

  it('reads entities in headings and escapes in descriptions', () => {
    expect(role(parsed, 'Monitoring & Evaluation Officer').description).toBe(
      'Report on results by applying structured M&E frameworks [or donor] methods.'
    )
    expect(parsed.diagnostics).toEqual([])
  })
})

describe('taxonomy Markdown: structure variants and diagnostics', () => {
  it('reads roles before any <details> block as uncategorised, at the level used inside the blocks', () => {
    const parsed = parse(
      '# Title\n\nIntro text.\n\n### Loose role\n\nNo category.\n\n<details>\n<summary>A</summary>\n\n### In A\n\n</details>\n'
    )
    expect(parsed.cards.map((c) => [c.title, c.categoryId === null, c.description])).toEqual([
      ['Loose role', true, 'No category.'],
      ['In A', false, '']
    ])
  })

  it('reads <details><summary> on one line and a summary holding markup and entities', () => {
    const parsed = parse(
      '<details><summary>IT &amp; <b>data</b></summary>\n\n## Analyst\n\nText.\n\n</details>\n'
    )
    expect(parsed.categories.map((c) => c.name)).toEqual(['IT & data'])
    expect(parsed.cards.map((c) => c.title)).toEqual(['Analyst'])
  })

  it('names an unclosed <details> block and a block without <summary>, by line', () => {
    const parsed = parse(
      '<details>\n\n### Orphan\n\n</details>\n\n<details>\n<summary>Open</summary>\n\n### Last\n'
    )
    expect(parsed.categories.map((c) => c.name)).toEqual(['Untitled category', 'Open'])
    expect(parsed.diagnostics).toEqual([
      { file: TAXONOMY, line: 1, severity: 'warning', message: expect.stringMatching(/no <summary>/) },
      {
        file: TAXONOMY,
        line: 7,
        severity: 'warning',
        message: expect.stringMatching(/“Open” is not closed/)
      }
    ])
  })

  it('caps list nesting at 8 levels, with a warning on the first item too deep', () => {
    const deep = Array.from({ length: 12 }, (_, i) => `${'  '.repeat(i)}- level ${i + 1}`).join('\n')
    const parsed = parse(
      `<details>\n<summary>A</summary>\n\n### R\n\n**Qualifications**\n\n${deep}\n\n</details>\n`
    )
    expect(role(parsed, 'R').qualifications).toHaveLength(12)
    expect(parsed.diagnostics).toEqual([
      { file: TAXONOMY, line: 16, severity: 'warning', message: expect.stringMatching(/more than 8 levels/) }
    ])
  })

  it('warns when a Markdown file holds nothing it can use', () => {
    const parsed = parse('Just a sentence.\n')
    expect(parsed.cards).toEqual([])
    expect(parsed.diagnostics.map((d) => d.severity)).toEqual(['warning'])
  })
})
