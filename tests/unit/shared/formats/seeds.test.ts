/**
 * Conformance on the real seed documents, the GovStack taxonomy and the ESDC persona page, as
 * tests/seeds.ts finds them beside the repository; where they are absent every test here skips,
 * and the reason is printed. The same checks on our own GovStack- and ESDC-shaped fixtures run
 * everywhere: taxonomy, personas, decode-detect, roundtrip and services tests here, the CLI tests
 * and ../analysis/duplicates.test.ts.
 */
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  buildImportPreview,
  importCommand,
  readProfileFiles,
  type FileOutcome
} from '../../../../src/main/services/import-service'
import { main } from '../../../../src/cli/index'
import { applyCommand } from '../../../../src/shared/commands/apply'
import { findDuplicateGroups, duplicateIds } from '../../../../src/shared/analysis/duplicates'
import {
  detectFormat,
  parseProfileBytes,
  parseProfileText,
  serialize,
  type ParsedFile
} from '../../../../src/shared/formats'
import { emptyWorkspace, newCategory, newRole } from '../../../../src/shared/model/defaults'
import {
  WorkspaceSchema,
  type PersonaCard,
  type RoleCard,
  type Workspace
} from '../../../../src/shared/model/schema'
import { ESDC_SEED as ESDC, GOVSTACK_SEED as GOVSTACK, readSeed, realSeeds } from '../../../seeds'
import {
  FIXED_TIME,
  FIXTURES,
  PROJECTIONS,
  SHAPES,
  content,
  crlf,
  importInto,
  readFixture,
  roundTrip,
  sequentialIds,
  tree,
  utf16,
  utf8,
  utf8Bom,
  windows1252
} from './helpers'

const seeds = realSeeds(import.meta.url)
const parseAs =
  (defaultName: string) =>
  (text: string, name = defaultName): ParsedFile =>
    parseProfileText(text, name, { newId: sequentialIds() })

describe.skipIf(seeds === null)('the real GovStack seed', () => {
  const seed = readSeed(GOVSTACK)
  const parse = parseAs(GOVSTACK)
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
      expect(column[0]).toMatchObject({
        title: 'Project manager',
        provenance: { source: GOVSTACK, line: 49 }
      })
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
      expect(role(parsed, 'Monitoring & Evaluation Officer').description).toContain(
        'structured M&E frameworks'
      )
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
})

describe.skipIf(seeds === null)('the real ESDC seed', () => {
  const seed = readSeed(ESDC)
  const parse = parseAs(ESDC)
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
    ['IT Advisor', 'General users', 5],
    ['Non-IT (Business) Advisor', 'General users', 3],
    ['Special needs', 'Special needs', 0]
  ]

  describe('persona Markdown: the ESDC seed', () => {
    const parsed = parse(seed)

    it('is detected as persona Markdown and reads without diagnostics', () => {
      expect(parsed.format).toBe('md-personas')
      expect(parsed.diagnostics).toEqual([])
    })

    it('gives the 5 groups of the Profiles list, each with the text after the dash as its description', () => {
      expect(parsed.categories.map((c) => [c.name, c.description, c.order])).toEqual([
        ['Management', 'Manager and above', 0],
        ['Power users', 'Development, system/database administration, analytics/reporting', 1],
        ['Client services', 'Work directly with the public', 2],
        ['General users', 'Usually at their desk', 3],
        ['Special needs', 'Non-standard devices and tools', 4]
      ])
    })

    it('gives 6 personas, each in its group, with 2, 0, 2, 5, 3, 0 needs; empty personas are kept', () => {
      expect(shape(parsed)).toEqual(EXPECTED_SHAPE)
      expect(persona(parsed, 'Power users')).toMatchObject({ goals: [], habits: [], needs: [], problems: [] })
      expect(personas(parsed).map((c) => c.order)).toEqual([0, 0, 0, 0, 1, 0])
      expect(personas(parsed).map((c) => c.provenance?.line)).toEqual([25, 49, 51, 77, 112, 143])
    })

    it('reads nested needs: two of the IT Advisor’s needs hold two items each', () => {
      const needs = persona(parsed, 'IT Advisor').needs
      expect(needs.map((n) => n.children.length)).toEqual([0, 0, 2, 0, 2])
      expect(tree(needs[2].children)).toEqual([
        { text: 'Reference architectures vetted OK', children: [] },
        { text: 'Knowledge of legacy infrastructure/network is lacking', children: [] }
      ])
      // The page says nothing of them: unset.
      expect(needs[0]).toMatchObject({
        kind: null,
        priority: null,
        horizon: null,
        capabilityIds: [],
        override: null
      })
    })

    it('reads every section: "Goals :" counts as "Goals:"', () => {
      const advisor = persona(parsed, 'Non-IT (Business) Advisor')
      expect([
        advisor.goals.length,
        advisor.habits.length,
        advisor.needs.length,
        advisor.problems.length
      ]).toEqual([3, 4, 3, 6])
      const management = persona(parsed, 'Management')
      expect([management.goals.length, management.habits.length, management.problems.length]).toEqual([
        1, 3, 4
      ])
      expect(management.needs.map((n) => n.text)).toEqual([
        'Need tool for classification. Titus is a market leader but 2 M$ one time without ongoing licensing, so costly',
        'We already have a DLP tool but useless without classification tool'
      ])
    })

    it('keeps a lazy continuation line in its item', () => {
      expect(persona(parsed, 'Non-IT (Business) Advisor').problems[4].text).toBe(
        'Balancing and managing multiple accounts—everyone feels important How do you give everyone the maximum attention when you have to manage more than one account?'
      )
    })

    it('keeps the front matter as metadata, strings as strings', () => {
      expect(parsed.metadata).toEqual({
        layout: 'default',
        title: 'Employee Profiles',
        ref: 'employee-profiles',
        lang: 'en',
        status: 'posted',
        sections: 'Work In Progress',
        permalink: '/employee-profiles.html'
      })
    })
  })

  describe('persona Markdown: variants of the seed give the same personas', () => {
    const reference = content(parse(seed))
    const encodings: [string, Uint8Array][] = [
      ['UTF-8 with BOM', utf8Bom(seed)],
      ['UTF-8, CRLF', utf8(crlf(seed))],
      ['UTF-16 LE with BOM', utf16(seed, 'le')],
      ['UTF-16 BE with BOM', utf16(crlf(seed), 'be')],
      ['Windows-1252 (’ “ – … — é)', windows1252(seed)],
      ['Windows-1252, CRLF', windows1252(crlf(seed))]
    ]

    it.each(encodings)('%s', (_name, bytes) => {
      expect(content(parseProfileBytes(bytes, ESDC, { newId: sequentialIds() }))).toEqual(reference)
    })

    const french = seed
      .replace(/^Goals ?:/gm, 'Objectifs :')
      .replace(/^Habits:/gm, 'Habitudes:')
      .replace(/^Needs:/gm, 'Besoins :')
      .replace(/^Problems:/gm, 'Problèmes:')

    it('French section labels, with or without a space before the colon', () => {
      expect(french).toContain('Objectifs :')
      expect(french).not.toMatch(/^Goals/m)
      const parsed = parse(french)
      expect(parsed.format).toBe('md-personas')
      expect(content(parsed)).toEqual(reference)
    })

    it.each([1, 2, 3, 5, 6])('persona headings at level %i', (level) => {
      const text = seed.replace(/^#### /gm, `${'#'.repeat(level)} `)
      const parsed = parse(text)
      expect(shape(parsed)).toEqual(EXPECTED_SHAPE)
      expect(parsed.categories.map((c) => c.name)).toEqual(reference.categories.map((c) => c.name))
    })

    it('without the Profiles list: groups come from the headings, with their descriptions', () => {
      const text = seed.replace(/### Profiles\n\n(- .*\n)+/, '')
      expect(text).not.toContain('### Profiles')
      const parsed = parse(text)
      expect(shape(parsed)).toEqual(EXPECTED_SHAPE)
      expect(parsed.categories.map((c) => [c.name, c.description])).toEqual(
        reference.categories.map((c) => [c.name, c.description])
      )
      expect(parsed.diagnostics).toEqual([])
    })

    it('without the list and with headings at level 2, the page title is still no persona', () => {
      const text = seed.replace(/### Profiles\n\n(- .*\n)+/, '').replace(/^#### /gm, '## ')
      expect(shape(parse(text))).toEqual(EXPECTED_SHAPE)
    })

    it('without front matter', () => {
      const parsed = parse(seed.replace(/^---\n[\s\S]*?\n---\n/, ''))
      expect(parsed.metadata).toEqual({})
      expect(
        content({ ...parsed, metadata: reference.metadata, lineCount: reference.lineCount } as ParsedFile)
      ).toEqual({
        ...reference,
        cards: reference.cards.map((c) => ({
          ...c,
          provenance: { source: ESDC, line: (c.provenance?.line ?? 0) - 9 }
        }))
      })
    })
  })
})

describe.skipIf(seeds === null)('the real seeds together', () => {
  it('are detected by content whatever the file is called', () => {
    for (const name of ['file.md', 'file.csv', 'file.json', 'file']) {
      expect(detectFormat(readSeed(GOVSTACK), name)).toBe('md-taxonomy')
      expect(detectFormat(readSeed(ESDC), name)).toBe('md-personas')
    }
  })

  describe('findDuplicateGroups on the GovStack taxonomy seed', () => {
    const cards = [...readSeed(GOVSTACK).matchAll(/^### (.+)$/gm)].map((m, i) => ({
      id: `r${i}`,
      kind: 'role',
      title: m[1]
    }))
    const titlesOf = (ids: string[]): string[] => ids.map((id) => cards.find((c) => c.id === id)?.title ?? '')
    const groups = findDuplicateGroups(cards)

    it('reads all 53 roles', () => {
      expect(cards).toHaveLength(53)
    })

    it('finds the two ministers, the three project managers and the two software developers, nothing else', () => {
      expect(groups.map((g) => ({ match: g.match, titles: titlesOf(g.ids) }))).toEqual([
        { match: 'exact', titles: ['Government minister', 'Government minister'] },
        { match: 'exact', titles: ['Project manager', 'Project manager', 'Project manager'] },
        { match: 'near', titles: ['Software/systems developer', 'Software developer'] }
      ])
    })

    it('lists every grouped id once', () => {
      expect(duplicateIds(groups).size).toBe(7)
    })
  })

  function seedWorkspace(): Workspace {
    const files = [GOVSTACK, ESDC].map((name) =>
      parseProfileText(readSeed(name), name, { newId: sequentialIds(name) })
    )
    const v2 = parseProfileText(readFixture('govstack-taxonomy-v2.md'), 'v2.md', {
      newId: sequentialIds('v2')
    })
    const csv = parseProfileText(readFixture('capabilities.csv'), 'c.csv', { newId: sequentialIds('c') })
    const needs = parseProfileText(readFixture('needs.csv'), 'n.csv', { newId: sequentialIds('n') })
    // The needs CSV names ESDC personas: merged into them, as a planner would import it.
    return importInto([needs], importInto([...files, v2, csv]), 'merge')
  }

  describe('round trip on the seeds', () => {
    const ws = seedWorkspace()

    it('the seeds make a valid workspace', () => {
      expect(WorkspaceSchema.safeParse(ws).success).toBe(true)
      expect(ws.cards.length).toBe(53 + 6 + 4)
    })

    it.each(SHAPES)('%s', (format) => {
      const { text, back } = roundTrip(ws, format)
      expect(PROJECTIONS[format](back)).toEqual(PROJECTIONS[format](ws))
      expect(serialize(back, format)).toBe(text)
    })
  })

  describe('the import preview and command', () => {
    const ok = (outcome: FileOutcome): Extract<FileOutcome, { ok: true }> => {
      if (!outcome.ok) throw new Error(`${outcome.fileName}: ${outcome.error.message}`)
      return outcome
    }
    const apply = (ws: Workspace, outcomes: FileOutcome[], mode: 'add' | 'merge' = 'add'): Workspace =>
      applyCommand(ws, importCommand(outcomes, mode, FIXED_TIME), FIXED_TIME).next
    const paths = (): string[] => (seeds === null ? [] : [seeds.govstack, seeds.esdc])

    it('reads both files, named by their base names', async () => {
      const outcomes = await readProfileFiles(paths())
      expect(outcomes.map((o) => ok(o).parsed.fileName)).toEqual([GOVSTACK, ESDC])
    })

    it('counts per file and per category, and finds duplicates within the files and against the workspace', async () => {
      const outcomes = await readProfileFiles([...paths(), join(FIXTURES, 'missing.csv')])
      const ws = emptyWorkspace(FIXED_TIME)
      ws.categories.push(newCategory({ id: 'k', name: 'Trainers' }))
      ws.cards.push(
        newRole({ id: 'r', title: 'data scientist', categoryId: 'k' }),
        newRole({ id: 's', title: 'Fundraisers' })
      )
      const preview = buildImportPreview(outcomes, ws)
      expect(preview.files).toEqual([
        {
          file: GOVSTACK,
          format: 'md-taxonomy',
          categories: 9,
          roles: 53,
          personas: 0,
          needs: 0,
          capabilities: 0,
          error: null
        },
        {
          file: ESDC,
          format: 'md-personas',
          categories: 5,
          roles: 0,
          personas: 6,
          needs: 12,
          capabilities: 0,
          error: null
        },
        {
          file: 'missing.csv',
          format: 'unknown',
          categories: 0,
          roles: 0,
          personas: 0,
          needs: 0,
          capabilities: 0,
          error: expect.stringContaining('missing.csv')
        }
      ])
      expect(preview.byCategory.slice(0, 3).map(({ category, cards }) => ({ category, cards }))).toEqual([
        { category: 'Policy makers', cards: 3 },
        { category: 'Top management', cards: 4 },
        { category: 'Middle management', cards: 16 }
      ])
      expect(preview.byCategory).toHaveLength(14)
      expect(preview.duplicatesWithin.map((d) => [d.title, d.entries.length])).toEqual([
        ['Government minister', 2],
        ['Project manager', 3]
      ])
      expect(preview.duplicatesWithin[1].entries.map((e) => e.category)).toEqual([
        'Top management',
        'Middle management',
        'Middle management'
      ])
      expect(preview.duplicatesAgainstWorkspace).toEqual([
        {
          title: 'data scientist',
          entries: [
            { title: 'data scientist', where: 'workspace', category: 'Trainers' },
            { title: 'Data Scientist', where: 'file', category: 'IT specialist' }
          ]
        },
        {
          title: 'Fundraisers',
          entries: [
            { title: 'Fundraisers', where: 'workspace', category: null },
            { title: 'Fundraisers', where: 'file', category: 'Policy makers' }
          ]
        }
      ])
      expect(preview.diagnostics).toEqual([])
      expect(preview.canApply).toBe(true)
    })

    it('one command for all readable files: one source per file with its front matter; unreadable files skipped', async () => {
      const outcomes = await readProfileFiles([...paths(), join(FIXTURES, 'missing.md')])
      const command = importCommand(outcomes, 'add', FIXED_TIME)
      if (command.type !== 'import.apply') throw new Error('wrong command')
      expect(command.sources.map((s) => [s.fileName, s.format, s.importedAt])).toEqual([
        [GOVSTACK, 'md-taxonomy', FIXED_TIME],
        [ESDC, 'md-personas', FIXED_TIME]
      ])
      expect(command.sources[1].metadata).toMatchObject({
        title: 'Employee Profiles',
        permalink: '/employee-profiles.html'
      })
      const ws = apply(emptyWorkspace(FIXED_TIME), outcomes)
      expect(ws.categories).toHaveLength(14)
      expect(ws.cards).toHaveLength(59)
      expect(ws.sources).toHaveLength(2)
    })

    it('merge mode attaches a needs CSV to the personas of an earlier import', async () => {
      const esdc = await readProfileFiles(paths().slice(1))
      const base = apply(emptyWorkspace(FIXED_TIME), esdc)
      const merged = apply(
        base,
        await readProfileFiles([join(FIXTURES, 'needs.csv'), join(FIXTURES, 'capabilities.csv')]),
        'merge'
      )
      expect(merged.cards).toHaveLength(6)
      const management = merged.cards.find((c) => c.title === 'Management') as PersonaCard
      expect(management.needs.map((n) => n.text)).toEqual([
        'Need tool for classification. Titus is a market leader but 2 M$ one time without ongoing licensing, so costly',
        'We already have a DLP tool but useless without classification tool',
        'Need tool for classification'
      ])
      expect(merged.capabilities.map((c) => [c.name, c.state])).toEqual([
        ['Classification tool', 'planned'],
        ['DLP tool', 'in-place'],
        ['Tablets', 'absent'],
        ['Wi-Fi in all offices', 'partial']
      ])
    })

    it('validate sums each seed up', async () => {
      let output = ''
      const write = (text: string): void => void (output += text)
      const code = await main(['validate', ...paths()], { stdout: write, stderr: write })
      const [govstack, esdc] = paths()
      expect([code, output]).toEqual([
        0,
        `${govstack}: taxonomy Markdown, 9 categories, 53 roles, 0 personas, 0 capabilities; 0 errors, 0 warnings\n` +
          `${esdc}: persona Markdown, 5 categories, 0 roles, 6 personas, 0 capabilities; 0 errors, 0 warnings\n`
      ])
    })
  })
})
