/**
 * What one imported file may create (IMPORT_LIMITS), counted while it is parsed: a file past a
 * limit is refused with a sentence naming the file and the limit, and parsing stops there. The
 * files are generated; that parsing stopped is seen in the ids made and the progress reported.
 */
import { describe, expect, it } from 'vitest'
import { buildImportPreview, parseProfileBuffers } from '../../../../src/main/services/import-service'
import {
  IMPORT_LIMITS,
  ImportLimitReached,
  ParseContext,
  limitMessage,
  type LimitKind
} from '../../../../src/shared/formats/context'
import { parseProfileText, type ParsedFile } from '../../../../src/shared/formats'
import { emptyWorkspace } from '../../../../src/shared/model/defaults'

/** parseProfileText with a counting id maker: how many things it made before it stopped. */
function parseCounting(
  text: string,
  fileName: string,
  limits: Readonly<Record<LimitKind, number>> = IMPORT_LIMITS
): { parsed: ParsedFile; ids: number; progress: [number, number][] } {
  let ids = 0
  const progress: [number, number][] = []
  const parsed = parseProfileText(text, fileName, {
    limits,
    newId: () => `id-${++ids}`,
    onProgress: (fraction, cards) => progress.push([fraction, cards ?? 0])
  })
  return { parsed, ids, progress }
}

const errors = (parsed: ParsedFile): string[] =>
  parsed.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message)

const roleRows = (n: number): string =>
  ['kind,category,title', ...Array.from({ length: n }, (_, i) => `role,C,T${i}`)].join('\n')

const tinyDetails = (n: number): string =>
  Array.from(
    { length: n },
    (_, i) => `<details>\n<summary>C${i}</summary>\n\n### R${i}\n\n</details>\n`
  ).join('\n')

describe('ParseContext.created', () => {
  it('counts without limits, and throws past a limit it was given', () => {
    const free = new ParseContext('a.csv')
    free.created('cards', 3, 1_000_000)
    expect(free.counts.cards).toBe(1_000_000)

    const ctx = new ParseContext('a.csv', undefined, { limits: { ...IMPORT_LIMITS, cards: 2 } })
    ctx.created('cards', 1)
    ctx.created('cards', 2)
    expect(() => ctx.created('cards', 3)).toThrow(ImportLimitReached)
    expect(() => ctx.created('cards', 4)).toThrow(
      'a.csv has more than 2 cards; one file may hold at most 2. Split the file.'
    )
  })

  it('words every limit as a whole sentence naming the file', () => {
    for (const kind of Object.keys(IMPORT_LIMITS) as (keyof typeof IMPORT_LIMITS)[]) {
      const message = limitMessage('team.csv', kind, IMPORT_LIMITS[kind])
      expect(message).toMatch(
        /^team\.csv has more than [\d,]+ .+; one file may hold at most [\d,]+\. Split the file\.$/
      )
    }
  })
})

describe('import limits', () => {
  it('refuses 60,000 role rows at the 50,001st card: nothing kept, parsing stopped there', () => {
    const { parsed, ids, progress } = parseCounting(roleRows(60_000), 'team.csv')
    expect(errors(parsed)).toEqual([
      'team.csv has more than 50,000 cards; one file may hold at most 50,000. Split the file.'
    ])
    expect(parsed.cards).toEqual([])
    expect(parsed.categories).toEqual([])
    // One category and 50,000 cards were made; the 10,000 rows after were never read into cards.
    expect(ids).toBe(50_001)
    expect(Math.max(...progress.map(([, cards]) => cards))).toBeLessThanOrEqual(50_000)
    expect(progress.at(-1)?.[0]).toBe(1)
  })

  it('imports 50,000 role rows, the limit itself', () => {
    const { parsed } = parseCounting(roleRows(50_000), 'team.csv')
    expect(errors(parsed)).toEqual([])
    expect(parsed.cards).toHaveLength(50_000)
  })

  it('refuses many tiny <details> blocks while scanning, before any category or card is made', () => {
    const { parsed, ids } = parseCounting(tinyDetails(60_000), 'taxonomy.md')
    expect(errors(parsed)).toEqual([
      'taxonomy.md has more than 200,000 headings and <details> lines; one file may hold at most 200,000. Split the file.'
    ])
    expect(parsed.cards).toEqual([])
    expect(ids).toBe(0)
  })

  it('refuses a taxonomy past its category limit at the first category too many', () => {
    const limits = { ...IMPORT_LIMITS, categories: 50 }
    const { parsed, ids } = parseCounting(tinyDetails(80), 'taxonomy.md', limits)
    expect(errors(parsed)).toEqual([
      'taxonomy.md has more than 50 categories; one file may hold at most 50. Split the file.'
    ])
    expect(parsed.categories).toEqual([])
    // 50 categories and their 50 roles: the 51st category was refused before it was made.
    expect(ids).toBe(100)
  })

  it('refuses a list cell past the item limit, and a needs CSV past its row limit', () => {
    const items = `kind,title,needs\npersona,P,"${Array.from({ length: 30 }, (_, i) => `n${i}`).join('\n')}"\n`
    const list = parseCounting(items, 'people.csv', { ...IMPORT_LIMITS, items: 20 })
    expect(errors(list.parsed)).toEqual([
      'people.csv has more than 20 needs and list items; one file may hold at most 20. Split the file.'
    ])
    expect(list.ids).toBe(20)

    const needs = ['persona,need', ...Array.from({ length: 40 }, (_, i) => `P,n${i}`)].join('\n')
    const rows = parseCounting(needs, 'needs.csv', { ...IMPORT_LIMITS, rows: 30 })
    expect(errors(rows.parsed)).toEqual([
      'needs.csv has more than 30 rows; one file may hold at most 30. Split the file.'
    ])
    expect(rows.ids).toBe(0)
  })

  it('refuses a workspace JSON with too many cards before checking it', () => {
    const card = { id: 'x', kind: 'role', title: 'R' }
    const json = JSON.stringify({
      schemaVersion: 2,
      name: 'W',
      cards: Array.from({ length: 12 }, () => card)
    })
    const { parsed } = parseCounting(json, 'big.json', { ...IMPORT_LIMITS, cards: 10 })
    expect(errors(parsed)).toEqual([
      'big.json has more than 10 cards; one file may hold at most 10. Split the file.'
    ])
  })

  it('keeps the refusal even when the file filled its diagnostics first', () => {
    // 600 rows of unknown kinds warn 600 times; the refusal still reaches the list.
    const rows = ['kind,title', ...Array.from({ length: 600 }, (_, i) => `thing,T${i}`)].join('\n')
    const { parsed } = parseCounting(rows, 'odd.csv', { ...IMPORT_LIMITS, cards: 550 })
    expect(errors(parsed)).toEqual([
      'odd.csv has more than 550 cards; one file may hold at most 550. Split the file.'
    ])
  })

  it('shows a file past a limit as refused in the import preview, with nothing to apply', () => {
    const data = new TextEncoder().encode(roleRows(50_001))
    const outcomes = parseProfileBuffers([{ name: 'team.csv', data }])
    const preview = buildImportPreview(outcomes, emptyWorkspace())
    expect(preview.files[0]).toMatchObject({
      file: 'team.csv',
      roles: 0,
      error: 'team.csv has more than 50,000 cards; one file may hold at most 50,000. Split the file.'
    })
    expect(preview.canApply).toBe(false)
  })
})
