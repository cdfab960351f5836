/**
 * The import preview's grouping of identical titles (`buildImportPreview`,
 * src/main/services/import-service.ts) on one file whose roles all share one normalised title
 * (`identicalTitles` in tests/unit/main/services/import-fixtures.ts, whose unit test checks the
 * single group, every entry in order). Goal: 50,000 identical titles in under 1 s.
 */
import { buildImportPreview } from '../src/main/services/import-service'
import { emptyWorkspace } from '../src/shared/model/defaults'
import { identicalTitles } from '../tests/unit/main/services/import-fixtures'
import { median, ms, type BenchSection } from './types'

const SIZES = [20_000, 50_000]
const GOAL = { cards: 50_000, ms: 1_000 }

export async function run(): Promise<BenchSection> {
  const workspace = emptyWorkspace('2026-01-01T00:00:00.000Z')
  const rows: string[] = []
  for (const size of SIZES) {
    const outcomes = identicalTitles(size)
    let entries = 0
    const time = await median(() => {
      entries = buildImportPreview(outcomes, workspace).duplicatesWithin[0]?.entries.length ?? 0
    }, 3)
    const goal = size === GOAL.cards ? (time < GOAL.ms ? 'met' : 'missed') : '—'
    rows.push(`| ${size.toLocaleString('en')} | ${entries.toLocaleString('en')} | ${ms(time)} | ${goal} |`)
    process.stderr.write(`  ${size} identical titles: ${ms(time)}\n`)
  }
  return {
    title: 'Import preview: identical titles',
    body: [
      '`buildImportPreview` on one file whose role cards all share one title (spelt three ways): one duplicate group holding every card. Medians of 3 runs after a warm-up. Goal: 50,000 identical titles in under 1 s.',
      '',
      '| Cards | Entries in the group | Time | Goal |',
      '| ---: | ---: | ---: | --- |',
      ...rows
    ].join('\n')
  }
}
