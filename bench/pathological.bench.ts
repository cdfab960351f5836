/**
 * The importer on pathological input (tests/unit/shared/formats/pathological.ts): 100,000-character
 * lines and deep nesting, each parsed alone by `parseProfileText`. fuzz.test.ts checks what they
 * return; this times them. Goal: each under 12 s, the limit the unit test used to assert (before
 * the line scanner, several took from 10 s to several minutes).
 */
import { parseProfileText } from '../src/shared/formats'
import { CARD_BODIES, CARD_PREFIXES, PATHOLOGICAL_FILES } from '../tests/unit/shared/formats/pathological'
import { median, ms, type BenchSection } from './types'

const GOAL_MS = 12_000

export async function run(): Promise<BenchSection> {
  const inputs: [string, string][] = [
    ...PATHOLOGICAL_FILES,
    ...CARD_PREFIXES.flatMap(([where, prefix]) =>
      CARD_BODIES.map(([what, body]): [string, string] => [`${what} ${where}`, prefix + body])
    )
  ]
  const rows: string[] = []
  for (const [name, text] of inputs) {
    const time = await median(() => parseProfileText(text, 'x.md'), 3)
    rows.push(
      `| ${name} | ${text.length.toLocaleString('en')} | ${ms(time)} | ${time < GOAL_MS ? 'met' : 'missed'} |`
    )
    process.stderr.write(`  ${name}: ${ms(time)}\n`)
  }
  return {
    title: 'Importer on pathological input',
    body: [
      '`parseProfileText` on the pathological inputs of the importer tests (tests/unit/shared/formats/pathological.ts): 100,000-character lines of one construct, deep nesting, and the same lines inside a card. Medians of 3 runs after a warm-up. Goal: each under 12 s.',
      '',
      '| Input | Characters | Time | Goal |',
      '| --- | ---: | ---: | --- |',
      ...rows
    ].join('\n')
  }
}
