/**
 * The importer on pathological input (tests/unit/shared/formats/pathological.ts): 100,000-character
 * lines and deep nesting, each parsed alone by `parseProfileText`, and CSV cells of `""` escapes.
 * fuzz.test.ts and csv/table.test.ts check what they return; this times them. Goal: each under
 * 12 s, the limit the unit test used to assert (before the line scanner, several took from 10 s
 * to several minutes).
 */
import { parseProfileText } from '../src/shared/formats'
import { CARD_BODIES, CARD_PREFIXES, PATHOLOGICAL_FILES } from '../tests/unit/shared/formats/pathological'
import { median, ms, type BenchSection } from './types'

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

export async function run(): Promise<BenchSection> {
  const inputs: [string, string, string][] = [
    ...PATHOLOGICAL_FILES.map(([name, text]): [string, string, string] => [name, text, 'x.md']),
    ...CARD_PREFIXES.flatMap(([where, prefix]) =>
      CARD_BODIES.map(([what, body]): [string, string, string] => [`${what} ${where}`, prefix + body, 'x.md'])
    ),
    ...CSV_FILES.map(([name, text]): [string, string, string] => [name, text, 'x.csv']),
    ...LARGE_CSV.map(([name, text]): [string, string, string] => [name, text, 'x.csv'])
  ]
  const rows: string[] = []
  for (const [name, text, fileName] of inputs) {
    const time = await median(() => parseProfileText(text, fileName), 3)
    rows.push(
      `| ${name} | ${text.length.toLocaleString('en')} | ${ms(time)} | ${time < GOAL_MS ? 'met' : 'missed'} |`
    )
    process.stderr.write(`  ${name}: ${ms(time)}\n`)
  }
  return {
    title: 'Importer on pathological input',
    body: [
      '`parseProfileText` on the pathological inputs of the importer tests (tests/unit/shared/formats/pathological.ts): 100,000-character lines of one construct, deep nesting, and the same lines inside a card; then a cards CSV with one 1, 2 or 4 MB quoted cell of `""` escapes, each beside a plain cell of the same size as its floor; then 40,000 rows (about 48 MB) with 1,200-character descriptions of `""` escapes beside the same rows with plain descriptions, whose time it should stay within 2x of. Medians of 3 runs after a warm-up. Goal: each under 12 s.',
      '',
      '| Input | Characters | Time | Goal |',
      '| --- | ---: | ---: | --- |',
      ...rows
    ].join('\n')
  }
}
