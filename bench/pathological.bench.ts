/**
 * The importer on pathological input (tests/unit/shared/formats/pathological.ts): 100,000-character
 * lines and deep nesting, each parsed alone by `parseProfileText`, and CSV cells of `""` escapes.
 * fuzz.test.ts and csv/table.test.ts check what they return; this times them. Goal: each under
 * 12 s, the limit the unit test used to assert (before the line scanner, several took from 10 s
 * to several minutes).
 */
import MarkdownIt from 'markdown-it'
import Papa from 'papaparse'
import { parseProfileText } from '../src/shared/formats'
import { CARD_BODIES, CARD_PREFIXES, PATHOLOGICAL_FILES } from '../tests/unit/shared/formats/pathological'
import { atMost, figureTable, median, withinFactor, type BenchSection, type Figure } from './types'

const GOAL_MS = 12_000

const MB = 1024 * 1024

/**
 * A cards CSV whose description is one quoted cell of `""` escapes (the reader once searched past
 * the cell for a line end at every escape: 2 MB took 15 s), beside a plain cell of the same size
 * as the floor.
 */
const CSV_FILES: [string, string][] = [1, 2, 4].flatMap((size): [string, string][] => [
  [`escape-heavy CSV cell, ${size} MB`, `title,description\nA,"${'""'.repeat((size * MB) / 2)}"\n`],
  [`plain CSV cell, ${size} MB (floor)`, `title,description\nA,${'x'.repeat(size * MB)}\n`]
])

/**
 * The 48 MB goal: a cards CSV of 40,000 rows whose descriptions are 1,200 characters of
 * `""` escapes, beside the same rows with plain 1,200-character descriptions (its floor: a plain
 * CSV of the same size and shape, under the import limits). Goal: within 2x of the floor.
 */
const ROWS = 40_000
const CELL = 1_200
const csvOf = (description: string): string =>
  `kind,title,description\n${Array.from({ length: ROWS }, (_, i) => `role,Role ${i},${description}`).join('\n')}\n`
const LARGE_CSV: [string, string][] = [
  [`escape-heavy CSV, ${ROWS.toLocaleString('en')} rows`, csvOf(`"${'""'.repeat(CELL / 2)}"`)],
  [`plain CSV, ${ROWS.toLocaleString('en')} rows (floor)`, csvOf('word '.repeat(CELL / 5).trim())]
]

/** The pathological files are Markdown but for the CSV cell and the JSON string. */
const fileNameOf = (name: string): string =>
  name.includes('CSV') ? 'x.csv' : name.includes('JSON') ? 'x.json' : 'x.md'

/** The bare parser of each format, the floor of an input that has no plain twin. */
function bareParser(fileName: string): { what: string; parse: (text: string) => unknown } {
  if (fileName.endsWith('.csv')) return { what: 'Papa.parse', parse: (text) => Papa.parse(text) }
  if (fileName.endsWith('.json')) return { what: 'JSON.parse', parse: (text) => JSON.parse(text) as unknown }
  const markdownIt = new MarkdownIt({ html: true })
  return { what: 'markdown-it parse', parse: (text) => markdownIt.parse(text, {}) }
}

export async function run(): Promise<BenchSection> {
  const inputs: [string, string, string][] = [
    ...PATHOLOGICAL_FILES.map(([name, text]): [string, string, string] => [name, text, fileNameOf(name)]),
    ...CARD_PREFIXES.flatMap(([where, prefix]) =>
      CARD_BODIES.map(([what, body]): [string, string, string] => [`${what} ${where}`, prefix + body, 'x.md'])
    ),
    ...CSV_FILES.map(([name, text]): [string, string, string] => [name, text, 'x.csv']),
    ...LARGE_CSV.map(([name, text]): [string, string, string] => [name, text, 'x.csv'])
  ]
  const times = new Map<string, number>()
  const parses = new Map<string, { what: string; value: number }>()
  for (const [name, text, fileName] of inputs) {
    // An input with a plain twin (the CSV files) has that twin as its floor.
    if (!/^(escape-heavy|plain) /.test(name)) {
      const bare = bareParser(fileName)
      parses.set(name, { what: bare.what, value: await median(() => bare.parse(text), 3) })
    }
    const time = await median(() => parseProfileText(text, fileName), 3)
    times.set(name, time)
    process.stderr.write(`  ${name}: ${time.toFixed(1)} ms\n`)
  }
  const floorName = (name: string): string | null =>
    name.startsWith('escape-heavy') ? `${name.replace('escape-heavy', 'plain')} (floor)` : null
  const figures: Figure[] = inputs
    .filter(([name]) => !name.endsWith('(floor)'))
    .map(([name, text]): Figure => {
      const value = times.get(name) ?? NaN
      const floorOf = floorName(name)
      const parse = parses.get(name)
      const floor =
        floorOf !== null ? { what: 'plain cells, same size', value: times.get(floorOf) ?? NaN } : parse
      const large = name.startsWith('escape-heavy CSV,')
      return {
        what: `${name} (${text.length.toLocaleString('en')} characters)`,
        value,
        floor,
        goal: large && floor ? withinFactor(value, floor.value, 2) : atMost(value, GOAL_MS)
      }
    })
  return {
    title: 'Importer on pathological input',
    body: [
      '`parseProfileText` on the pathological inputs of the importer tests (tests/unit/shared/formats/pathological.ts): 100,000-character lines of one construct, deep nesting, and the same lines inside a card; then a cards CSV with one 1, 2 or 4 MB quoted cell of `""` escapes, each beside a plain cell of the same size as its floor; then 40,000 rows (about 48 MB) with 1,200-character descriptions of `""` escapes beside the same rows with plain descriptions, whose time it should stay within 2x of. Each input without a plain twin beside the bare parser of its format (markdown-it, Papa Parse, JSON.parse) on the same text. Medians of 3 runs after a warm-up. Goal: each under 12 s.',
      '',
      figureTable(figures)
    ].join('\n'),
    figures
  }
}
