/**
 * Importers never throw on content: arbitrary text, near-valid Markdown, CSV and JSON (our
 * GovStack- and ESDC-shaped fixtures and exports mutated at random), arbitrary bytes (only ImportError). What they return is a valid
 * ParsedFile, pathological inputs (100,000-character lines, deep nesting) included.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  ImportError,
  parseProfileBytes,
  parseProfileText,
  serialize,
  type ParsedFile
} from '../../../../src/shared/formats'
import {
  CapabilitySchema,
  CardSchema,
  CategorySchema,
  type ListItem
} from '../../../../src/shared/model/schema'
import { RUNS, workspace } from './arbitraries'
import { PERSONAS, TAXONOMY, readFixture } from './helpers'
import { CARD_BODIES, CARD_PREFIXES, PATHOLOGICAL_FILES } from './pathological'

const NAMES = ['file.md', 'file.csv', 'file.json', 'file']
const TIMEOUT = Math.max(30_000, RUNS * 60)

function depth(items: ListItem[]): number {
  return items.length === 0 ? 0 : 1 + Math.max(...items.map((i) => depth(i.children)))
}

/** What every ParsedFile must be, whatever the input. */
function expectWellFormed(parsed: ParsedFile): void {
  expect(parsed.diagnostics.filter((d) => d.message.includes('internal error'))).toEqual([])
  for (const c of parsed.categories) expect(CategorySchema.safeParse(c).success).toBe(true)
  for (const c of parsed.capabilities) expect(CapabilitySchema.safeParse(c).success).toBe(true)
  const categoryIds = new Set(parsed.categories.map((c) => c.id))
  const columns = new Map<string | null, number[]>()
  for (const card of parsed.cards) {
    expect(CardSchema.safeParse(card).success).toBe(true)
    if (card.categoryId !== null) expect(categoryIds.has(card.categoryId)).toBe(true)
    columns.set(card.categoryId, [...(columns.get(card.categoryId) ?? []), card.order])
    if (card.kind === 'persona') {
      for (const list of [card.goals, card.habits, card.problems, card.needs])
        expect(depth(list)).toBeLessThanOrEqual(8)
    }
  }
  for (const orders of columns.values())
    expect([...orders].sort((a, b) => a - b)).toEqual(orders.map((_, i) => i))
  for (const d of parsed.diagnostics) {
    expect(
      d.line === null ||
        (Number.isInteger(d.line) && d.line >= 1 && d.line <= Math.max(1, parsed.lineCount + 1))
    ).toBe(true)
  }
}

const parseAll = (text: string): void => {
  for (const name of NAMES) expectWellFormed(parseProfileText(text, name))
}

/** A text with random edits: insertions of specials, deletions and duplications of lines. */
const mutated = (base: fc.Arbitrary<string>): fc.Arbitrary<string> =>
  fc
    .tuple(
      base,
      fc.array(
        fc.record({
          at: fc.nat(),
          op: fc.constantFrom('insert', 'delete', 'duplicate', 'cut'),
          text: fc.constantFrom(
            '<details>',
            '</details>',
            '<summary>',
            '### ',
            '- ',
            '  - ',
            'Goals:',
            '**Qualifications**',
            '"',
            ',',
            ';',
            '\n',
            '\r\n',
            '{',
            '}',
            '[',
            ']',
            '"__proto__":{"x":1},',
            '"kind":"manager",',
            ':null',
            '---\n',
            '\u0000',
            '\uFEFF',
            '\\'
          )
        }),
        { maxLength: 8 }
      )
    )
    .map(([text, edits]) => {
      let out = text
      for (const { at, op, text: piece } of edits) {
        const i = out.length === 0 ? 0 : at % out.length
        if (op === 'insert') out = out.slice(0, i) + piece + out.slice(i)
        else if (op === 'delete') out = out.slice(0, i) + out.slice(i + 1 + (at % 7))
        else if (op === 'cut') out = out.slice(0, i)
        else {
          const end = out.indexOf('\n', i)
          out = out.slice(0, end < 0 ? out.length : end) + out.slice(i)
        }
      }
      return out
    })

describe('importers never throw on content', () => {
  it(
    'arbitrary text, under every file name',
    () => {
      fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), parseAll), { numRuns: RUNS })
    },
    TIMEOUT
  )

  it(
    'arbitrary lines made of Markdown, CSV and JSON specials',
    () => {
      const special = fc.constantFrom(
        ...'#-*+>[]()<>!`~_|\\&;,"\'{}:= \n\t'.split(''),
        '<details>',
        '</summary>',
        'Goals:',
        '1. ',
        '```'
      )
      fc.assert(
        fc.property(fc.array(fc.oneof(special, fc.string({ maxLength: 3 })), { maxLength: 200 }), (parts) =>
          parseAll(parts.join(''))
        ),
        { numRuns: RUNS }
      )
    },
    TIMEOUT
  )

  it(
    'near-valid Markdown: the taxonomy and persona fixtures, mutated',
    () => {
      const pages = fc.constantFrom(readFixture(TAXONOMY), readFixture(PERSONAS))
      fc.assert(fc.property(mutated(pages), parseAll), { numRuns: Math.ceil(RUNS / 4) })
    },
    TIMEOUT
  )

  it(
    'near-valid exports: Markdown, CSV and JSON of generated workspaces, mutated',
    () => {
      const exported = fc
        .tuple(
          workspace(),
          fc.constantFrom(
            'json',
            'md-taxonomy',
            'md-personas',
            'csv',
            'csv-capabilities',
            'csv-needs'
          ) as fc.Arbitrary<'json'>
        )
        .map(([ws, format]) => serialize(ws, format))
      fc.assert(fc.property(mutated(exported), parseAll), { numRuns: RUNS })
    },
    TIMEOUT
  )

  it(
    'JSON with wrong types, unknown kinds and forbidden keys anywhere',
    () => {
      const hostile = fc.constantFrom<unknown>(
        null,
        42,
        'text',
        [],
        {},
        { __proto__: { polluted: true } },
        'manager',
        -1,
        Number.POSITIVE_INFINITY,
        true
      )
      fc.assert(
        fc.property(
          workspace(),
          fc.array(
            fc.tuple(
              fc.nat(),
              fc.constantFrom(
                'kind',
                'id',
                'title',
                'order',
                'children',
                'needs',
                'categoryId',
                'schemaVersion',
                'constructor',
                'prototype',
                '__proto__'
              )
            ),
            { maxLength: 5 }
          ),
          hostile,
          (ws, edits, value) => {
            const doc = JSON.parse(serialize(ws, 'json')) as Record<string, unknown>
            const objects: Record<string, unknown>[] = []
            const stack: unknown[] = [doc]
            while (stack.length > 0) {
              const node = stack.pop()
              if (node && typeof node === 'object') {
                if (!Array.isArray(node)) objects.push(node as Record<string, unknown>)
                stack.push(...Object.values(node))
              }
            }
            let text = JSON.stringify(doc)
            for (const [at, key] of edits) {
              const target = objects[at % objects.length]
              if (key === '__proto__' || key === 'constructor' || key === 'prototype') {
                target.__marker__ = true
                text = JSON.stringify(doc).replace('"__marker__":true', `"${key}":{"polluted":true}`)
                delete target.__marker__
              } else {
                target[key] = value
                text = JSON.stringify(doc)
              }
            }
            const parsed = parseProfileText(text, 'w.json')
            expectWellFormed(parsed)
            expect(({} as Record<string, unknown>).polluted).toBeUndefined()
          }
        ),
        { numRuns: RUNS }
      )
    },
    TIMEOUT
  )

  it(
    'arbitrary bytes: parseProfileBytes throws nothing but ImportError',
    () => {
      fc.assert(
        fc.property(fc.uint8Array({ maxLength: 400 }), fc.constantFrom(...NAMES), (bytes, name) => {
          try {
            expectWellFormed(parseProfileBytes(bytes, name))
          } catch (error) {
            expect(error).toBeInstanceOf(ImportError)
            expect((error as ImportError).message).toContain(name)
          }
        }),
        { numRuns: RUNS }
      )
    },
    TIMEOUT
  )
})

// Each must give a well-formed result (a hang fails at the test's timeout); their parse times
// against the goal are in bench/pathological.bench.ts.
describe('pathological input: 100,000-character lines and deep nesting', () => {
  it.each(PATHOLOGICAL_FILES)(
    '%s',
    (_name, body) => {
      expectWellFormed(parseProfileText(body, 'x.md'))
    },
    60_000
  )

  it.each(CARD_PREFIXES)(
    '%s',
    (_name, prefix) => {
      for (const [, body] of CARD_BODIES) {
        const parsed = parseProfileText(prefix + body, 'x.md')
        expectWellFormed(parsed)
        expect(parsed.cards).toHaveLength(1)
      }
    },
    60_000
  )

  it('says what it cut: a too-dense paragraph and too-deep nesting are warnings with their line', () => {
    const parsed = parseProfileText(
      `## A - B - C\n\nGoals:\n\n- ${'*a'.repeat(2000)}\n\n${'- '.repeat(30)}x\n`,
      'x.md'
    )
    expect(parsed.diagnostics.map((d) => [d.line, d.severity, d.message.slice(0, 30)])).toEqual([
      [5, 'warning', 'This paragraph has more than 1'],
      [7, 'warning', 'Lists or quotes nest too deepl'],
      [7, 'warning', 'This list nests more than 8 le']
    ])
    expect((parsed.cards[0] as { goals: ListItem[] }).goals[0].text).toBe('*a'.repeat(2000))
  })

  it('a 100,000-character line of plain text stays whole', () => {
    const line = 'word '.repeat(20_000).trim()
    const parsed = parseProfileText(`## A - B - C\n\nGoals:\n\n- ${line}\n`, 'x.md')
    expect((parsed.cards[0] as { goals: ListItem[] }).goals[0].text).toBe(line)
  })
})
