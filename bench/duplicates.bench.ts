/**
 * Duplicate detection (`findDuplicateGroups`, src/shared/analysis/duplicates.ts) at scale, on
 * numbered role titles that share their words (`numberedRoles` in tests/unit/shared/analysis/
 * fixtures.ts, whose unit test checks that none of them is grouped). Goal: 10,000 cards in under
 * 3 s, the limit the unit test used to assert.
 */
import { findDuplicateGroups } from '../src/shared/analysis/duplicates'
import { numberedRoles } from '../tests/unit/shared/analysis/fixtures'
import { median, ms, type BenchSection } from './types'

const SIZES = [2_000, 10_000, 50_000]
const GOAL = { cards: 10_000, ms: 3_000 }

export async function run(): Promise<BenchSection> {
  const rows: string[] = []
  for (const size of SIZES) {
    const cards = numberedRoles(size)
    let groups = 0
    const time = await median(() => {
      groups = findDuplicateGroups(cards).length
    })
    const goal = size === GOAL.cards ? (time < GOAL.ms ? 'met' : 'missed') : '—'
    rows.push(`| ${size.toLocaleString('en')} | ${groups} | ${ms(time)} | ${goal} |`)
    process.stderr.write(`  ${size} cards: ${ms(time)}\n`)
  }
  return {
    title: 'Duplicate detection',
    body: [
      '`findDuplicateGroups` on role cards whose titles share their words and differ by a number ("Data officer 0", "Cloud officer 1", …): no two are duplicates, though each title shares its words with a quarter of the others. Medians of 5 runs after a warm-up. Goal: 10,000 cards in under 3 s.',
      '',
      '| Cards | Groups | Time | Goal |',
      '| ---: | ---: | ---: | --- |',
      ...rows
    ].join('\n')
  }
}
