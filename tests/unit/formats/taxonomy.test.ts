import { describe, expect, it } from 'vitest'
import { parseProfileBytes, parseProfileText, type ParsedFile } from '../../../src/shared/formats'
import type { RoleCard } from '../../../src/shared/model/schema'
import {
  GOVSTACK,
  content,
  crlf,
  readFixture,
  readSeed,
  sequentialIds,
  utf16,
  utf8,
  utf8Bom,
  windows1252
} from './helpers'

const seed = readSeed(GOVSTACK)
const parse = (text: string, name = GOVSTACK): ParsedFile =>
  parseProfileText(text, name, { newId: sequentialIds() })
const roles = (p: ParsedFile): RoleCard[] => p.cards.filter((c): c is RoleCard => c.kind === 'role')
const role = (p: ParsedFile, title: string): RoleCard => {
  const found = roles(p).find((r) => r.title === title)
  if (!found) throw new Error(`no role “${title}”`)
  return found
}

describe('taxonomy Markdown: the GovStack seed', () => {
  const parsed = parse(seed)

  it('is detected as a taxonomy and reads without diagnostics', () => {
    expect(parsed.format).toBe('md-taxonomy')
    expect(parsed.diagnostics).toEqual([])
    expect(parsed.lineCount).toBe(279)
  })

  it('gives the 9 categories in document order with 3, 4, 16, 16, 5, 6, 1, 1, 1 roles (53)', () => {
    expect(parsed.categories.map((c) => c.name)).toEqual([
      'Policy makers',
      'Top management',
      'Middle management',
      'IT specialist',
      'Trainers',
      'Service design',
      'Middle and/or lower management',
      'Top, middle or lower management',
      'Citizens and all government employees'
    ])
    expect(parsed.categories.map((c) => c.order)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8])
    expect(parsed.categories.map((c) => parsed.cards.filter((r) => r.categoryId === c.id).length)).toEqual([
      3, 4, 16, 16, 5, 6, 1, 1, 1
    ])
    expect(parsed.cards).toHaveLength(53)
    expect(parsed.cards.every((c) => c.kind === 'role')).toBe(true)
  })

  it('numbers each card by its position in its column and records its heading line', () => {
    const middle = parsed.categories[2]
    const column = parsed.cards.filter((c) => c.categoryId === middle.id)
    expect(column.map((c) => c.order)).toEqual([...Array(16).keys()])
    expect(column[0]).toMatchObject({ title: 'Project manager', provenance: { source: GOVSTACK, line: 49 } })
    expect(parsed.cards[0].provenance).toEqual({ source: GOVSTACK, line: 7 })
    expect(parsed.cards.at(-1)?.provenance).toEqual({ source: GOVSTACK, line: 275 })
  })

  it('cleans titles: entities, runs of spaces, backslash escapes and link syntax', () => {
    const titles = parsed.cards.map((c) => c.title)
    expect(titles).toContain('Chief Security Information Officer (CISO)')
    expect(titles).toContain('Service designer')
    expect(titles).toContain('End Users')
    expect(titles).toContain('Finance Management Officer *exact role from ESCO (financial manager)')
    expect(titles).toContain('Monitoring & Evaluation Officer')
    for (const title of titles) {
      expect(title).not.toMatch(/&#?\w+;|\\|\]\(|\s{2}|^\s|\s$/)
    }
  })

  it('keeps a heading link in the card’s links; a non-ESCO link is no occupation', () => {
    expect(role(parsed, 'Service designer')).toMatchObject({
      links: [{ label: 'Service designer', url: 'https://www.gov.uk/guidance/service-designer' }],
      occupationUri: null
    })
  })

  it('cleans descriptions to text: M&E, [or donor], no trailing entity', () => {
    expect(role(parsed, 'Monitoring & Evaluation Officer').description).toContain('structured M&E frameworks')
    expect(role(parsed, 'Grant administrators').description).toContain(
      'given out by the government [or donor] to'
    )
    expect(role(parsed, 'Service designer').description).toMatch(/government\.$/)
    expect(role(parsed, 'Government minister').description).toBe(
      'Government ministers function as decision-makers in national or regional governments, and head government ministries. They perform legislative duties and supervise the operation of their department.'
    )
    for (const card of parsed.cards) expect(card.description).not.toMatch(/&#?\w+;|\\[[\]&*]/)
  })

  it('reports progress as it goes: rising fractions that end at 1', () => {
    const fractions: number[] = []
    parseProfileText(seed, GOVSTACK, { onProgress: (f) => fractions.push(f) })
    expect(fractions.length).toBeGreaterThan(50)
    expect([...fractions].sort((a, b) => a - b)).toEqual(fractions)
    expect(fractions.at(-1)).toBe(1)
    expect(fractions[0]).toBeLessThan(0.1)
  })

  it('makes ids with crypto.randomUUID unless told otherwise', () => {
    const ids = parseProfileText(seed, GOVSTACK).cards.map((c) => c.id)
    for (const id of ids)
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(new Set(ids).size).toBe(53)
  })

  it('keeps both copies of the duplicated roles (duplicates are the preview’s business)', () => {
    const count = (t: string): number => parsed.cards.filter((c) => c.title === t).length
    expect(count('Project manager')).toBe(3)
    expect(count('Government minister')).toBe(2)
  })
})

describe('taxonomy Markdown: the same content in every encoding and line end', () => {
  const reference = content(parse(seed))
  const variants: [string, Uint8Array][] = [
    ['UTF-8 with BOM', utf8Bom(seed)],
    ['UTF-8, CRLF', utf8(crlf(seed))],
    ['UTF-16 LE with BOM', utf16(seed, 'le')],
    ['UTF-16 BE with BOM, CRLF', utf16(crlf(seed), 'be')],
    ['Windows-1252', windows1252(seed.replace(/[‐]/g, '-'))]
  ]

  it.each(variants)('%s', (_name, bytes) => {
    const parsed = parseProfileBytes(bytes, GOVSTACK, { newId: sequentialIds() })
    if (_name === 'Windows-1252') {
      // U+2010 (hyphen) has no 1252 byte; it was replaced by "-" in this variant only.
      const expected = content(parse(seed.replace(/[‐]/g, '-')))
      expect(content(parsed)).toEqual(expected)
    } else {
      expect(content(parsed)).toEqual(reference)
    }
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
      {
        file: GOVSTACK,
        line: 7,
        severity: 'warning',
        message: expect.stringMatching(/“Open” is not closed/)
      },
      { file: GOVSTACK, line: 1, severity: 'warning', message: expect.stringMatching(/no <summary>/) }
    ])
  })

  it('caps list nesting at 8 levels, with a warning on the first item too deep', () => {
    const deep = Array.from({ length: 12 }, (_, i) => `${'  '.repeat(i)}- level ${i + 1}`).join('\n')
    const parsed = parse(
      `<details>\n<summary>A</summary>\n\n### R\n\n**Qualifications**\n\n${deep}\n\n</details>\n`
    )
    expect(role(parsed, 'R').qualifications).toHaveLength(12)
    expect(parsed.diagnostics).toEqual([
      { file: GOVSTACK, line: 16, severity: 'warning', message: expect.stringMatching(/more than 8 levels/) }
    ])
  })

  it('warns when a Markdown file holds nothing it can use', () => {
    const parsed = parse('Just a sentence.\n')
    expect(parsed.cards).toEqual([])
    expect(parsed.diagnostics.map((d) => d.severity)).toEqual(['warning'])
  })
})
