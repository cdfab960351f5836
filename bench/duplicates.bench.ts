/**
 * Duplicate detection (`findDuplicates`, src/shared/analysis/duplicates.ts) at scale, beside its
 * floor in the same run: one plain pass normalising every title (`normalizeTitle`), the least any
 * search by normalised title must do. Three families of titles (tests/unit/shared/analysis/
 * duplicate-families.ts): realistic job titles in families of spellings; adversarial titles whose
 * every word is shared by 200 titles (the most that still makes candidate pairs); anagram titles
 * that the quick test cannot tell apart, so the per-title limit and the budget do the bounding.
 * The search runs in a worker in the app; the goal is the issue's: bounded work at 50,000 titles,
 * linear-ish: each figure within GOAL_FACTOR × its floor.
 */
import { COMPARISON_BUDGET, findDuplicates } from '../src/shared/analysis/duplicates'
import { normalizeTitle } from '../src/shared/text/normalize'
import {
  adversarialTitles,
  anagramTitles,
  realisticFamilies,
  type TitleCard
} from '../tests/unit/shared/analysis/duplicate-families'
import { median, ms, withinFactor, type BenchSection, type Figure } from './types'

/** The goal: linear-ish, within this factor of one pass normalising every title. */
const GOAL_FACTOR = 10

const CASES: { family: string; make: (n: number) => TitleCard[]; sizes: number[] }[] = [
  { family: 'realistic', make: realisticFamilies, sizes: [1_000, 5_000, 20_000, 50_000] },
  { family: 'adversarial', make: adversarialTitles, sizes: [5_000, 20_000, 50_000] },
  { family: 'anagrams', make: anagramTitles, sizes: [5_000, 20_000, 50_000] }
]

export async function run(): Promise<BenchSection> {
  const rows: string[] = []
  const figures: Figure[] = []
  for (const { family, make, sizes } of CASES) {
    for (const size of sizes) {
      const cards = make(size)
      let result = findDuplicates(cards)
      const floor = await median(() => {
        for (const card of cards) normalizeTitle(card.title)
      }, 3)
      const time = await median(() => {
        result = findDuplicates(cards)
      }, 3)
      const rss = process.memoryUsage().rss / 2 ** 20
      rows.push(
        `| ${family} | ${size.toLocaleString('en')} | ${result.groups.length.toLocaleString('en')} | ${result.comparisons.toLocaleString('en')} | ${result.capped ? 'yes' : 'no'} | ${ms(time)} | ${ms(floor)} | ${(time / floor).toFixed(0)}x | ${rss.toFixed(0)} MB |`
      )
      figures.push({
        what: `${family} titles, ${size.toLocaleString('en')}`,
        value: time,
        floor: { what: 'normalise every title', value: floor },
        goal: withinFactor(time, floor, GOAL_FACTOR)
      })
      process.stderr.write(`  ${family} ${size}: ${ms(time)} (floor ${ms(floor)})\n`)
    }
  }
  return {
    title: 'Duplicate detection',
    body: [
      `\`findDuplicates\` on three families of role titles (tests/unit/shared/analysis/duplicate-families.ts): realistic job titles, a quarter of them in families of two to four spellings; adversarial titles whose every word is shared by 200 titles; anagram titles (every word an order of "abcdef") that pass the quick test, so the limits do the bounding (32 candidates a title, ${COMPARISON_BUDGET.toLocaleString('en')} comparisons in all). Floor: one plain pass normalising every title, in the same run. Medians of 3 runs after a warm-up; the process's resident memory after the row. In the app the search runs in a worker: the board never waits for it.`,
      '',
      '| Titles | Count | Groups | Comparisons | Capped | Time | Floor (normalise) | Ratio | Memory |',
      '| --- | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: |',
      ...rows
    ].join('\n'),
    figures
  }
}
