/**
 * The import preview's grouping of identical titles (`buildImportPreview`,
 * src/main/services/import-service.ts) on one file whose roles all share one normalised title
 * (`identicalTitles` in tests/unit/main/services/import-fixtures.ts, whose unit test checks the
 * single group, every entry in order). Goal: 50,000 identical titles in under 1 s.
 */
import { buildImportPreview } from '../src/main/services/import-service'
import { emptyWorkspace } from '../src/shared/model/defaults'
import { identicalTitles } from '../tests/unit/main/services/import-fixtures'
import { atMost, figureTable, median, type BenchSection, type Figure } from './types'

const SIZES = [20_000, 50_000]
const GOAL = { cards: 50_000, ms: 1_000 }

export async function run(): Promise<BenchSection> {
  const workspace = emptyWorkspace('2026-01-01T00:00:00.000Z')
  const figures: Figure[] = []
  for (const size of SIZES) {
    const outcomes = identicalTitles(size)
    const cards = outcomes.flatMap((o) => (o.ok ? o.parsed.cards : []))
    // The floor: group the cards by their lower-cased, trimmed title in a Map, nothing more.
    const floor = await median(() => {
      const groups = new Map<string, string[]>()
      for (const card of cards) {
        const key = card.title.trim().toLowerCase()
        const group = groups.get(key)
        if (group) group.push(card.id)
        else groups.set(key, [card.id])
      }
      return groups.size
    }, 3)
    let entries = 0
    const time = await median(() => {
      entries = buildImportPreview(outcomes, workspace).duplicatesWithin[0]?.entries.length ?? 0
    }, 3)
    figures.push({
      what: `${size.toLocaleString('en')} identical titles, ${entries.toLocaleString('en')} entries in the group`,
      value: time,
      floor: { what: 'group by lower-cased title in a Map', value: floor },
      goal: size === GOAL.cards ? atMost(time, GOAL.ms) : undefined
    })
    process.stderr.write(`  ${size} identical titles: ${time.toFixed(1)} ms\n`)
  }
  return {
    title: 'Import preview: identical titles',
    body: [
      '`buildImportPreview` on one file whose role cards all share one title (spelt three ways): one duplicate group holding every card. Medians of 3 runs after a warm-up. Goal: 50,000 identical titles in under 1 s.',
      '',
      figureTable(figures)
    ].join('\n'),
    figures
  }
}
