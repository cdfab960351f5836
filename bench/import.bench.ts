/**
 * Import speed against the bare Markdown parse. Inputs are generated here, deterministically:
 * GovStack-shaped taxonomies of about 1 MB and 10 MB, and an ESDC-shaped page of 2,000 personas.
 * For each, the time of `parseProfileText` (decode excluded) is printed beside the time of a bare
 * `fromMarkdown` parse of the same text in the same run (CommonMark, no extensions; the importer
 * switches GFM on only for chunks that use it). Goal: import ≤ 1.5 × the bare parse.
 */
import { fromMarkdown } from 'mdast-util-from-markdown'
import { parseProfileText } from '../src/shared/formats'
import { median, ms, seededRandom, type BenchSection } from './types'

const WORDS =
  'government service digital data security policy manager officer citizen platform cloud network design research training budget project quality information system analyst developer architect evaluation monitoring procurement strategy'.split(
    ' '
  )

function sentence(next: () => number, words: number): string {
  const out: string[] = []
  for (let i = 0; i < words; i++) out.push(WORDS[Math.floor(next() * WORDS.length)])
  out[0] = out[0][0].toUpperCase() + out[0].slice(1)
  return `${out.join(' ')}.`
}

/** A GovStack-shaped taxonomy of about `bytes` characters: <details> categories of ### roles with descriptions. */
export function taxonomyText(bytes: number, seed = 1): string {
  const next = seededRandom(seed)
  const parts = ['# Generated user profiles taxonomy', '']
  let size = 0
  for (let c = 0; size < bytes; c++) {
    parts.push(
      '<details>',
      '',
      `<summary>Category ${c} &amp; ${sentence(next, 2)}</summary>`,
      '',
      sentence(next, 20),
      ''
    )
    for (let r = 0; r < 20 && size < bytes; r++) {
      const title = `Role ${c}.${r} ${sentence(next, 3)}`
      const heading =
        r % 4 === 0 ? `[${title}](http://data.europa.eu/esco/occupation/${c}-${r})` : `${title}&#x20;`
      const block = [
        `### ${heading}`,
        '',
        `${sentence(next, 40)} M\\&E \\[or donor] ${sentence(next, 30)}`,
        '',
        ...(r % 3 === 0
          ? ['**Qualifications**', '', `- ${sentence(next, 6)}`, `- ${sentence(next, 8)}`, '']
          : [])
      ].join('\n')
      parts.push(block)
      size += block.length
    }
    parts.push('</details>', '')
  }
  return parts.join('\n')
}

/** An ESDC-shaped page of `count` personas with goals, habits, nested needs and problems. */
export function personaText(count: number, seed = 2): string {
  const next = seededRandom(seed)
  const groups = ['Management', 'Power users', 'Client services', 'General users', 'Special needs']
  const parts = [
    '---',
    'title: Generated profiles',
    '---',
    '',
    '## Employee Profiles',
    '',
    '### Profiles',
    ''
  ]
  for (const g of groups) parts.push(`- ${g} - ${sentence(next, 4)}`)
  parts.push('')
  const list = (n: number, nested: boolean): string[] => {
    const out: string[] = []
    for (let i = 0; i < n; i++) {
      out.push(`- ${sentence(next, 8)}`)
      if (nested && i % 2 === 1) out.push(`  - ${sentence(next, 5)}`, `  - ${sentence(next, 5)}`)
    }
    return out
  }
  for (let p = 0; p < count; p++) {
    parts.push(`#### ${groups[p % groups.length]} - ${sentence(next, 4)} - Persona ${p}`, '')
    parts.push('Goals:', '', ...list(3, false), '', 'Habits:', '', ...list(3, false), '')
    parts.push('Needs:', '', ...list(5, true), '', 'Problems:', '', ...list(6, false), '')
  }
  return parts.join('\n')
}

/** The median of `runs` runs, or a single run's time when one run already takes over 5 s (the bare parse of the persona page). */
async function measure(fn: () => unknown, runs: number): Promise<number> {
  const start = performance.now()
  await fn()
  const once = performance.now() - start
  return once > 5000 ? once : median(fn, runs)
}

export async function run(): Promise<BenchSection> {
  const inputs: [string, string, number][] = [
    ['Taxonomy, 1 MB', taxonomyText(1_000_000), 5],
    ['Taxonomy, 10 MB', taxonomyText(10_000_000), 1],
    ['Persona page, 2,000 personas', personaText(2000), 3]
  ]
  const rows: string[] = []
  for (const [label, text, runs] of inputs) {
    let cards = 0
    const bare = await measure(() => fromMarkdown(text), runs)
    const imported = await measure(() => {
      cards = parseProfileText(text, 'bench.md').cards.length
    }, runs)
    const mb = (text.length / 1024 / 1024).toFixed(1)
    rows.push(
      `| ${label} | ${mb} MB | ${cards} | ${ms(bare)} | ${ms(imported)} | ${(imported / bare).toFixed(2)} × |`
    )
    process.stderr.write(`  ${label}: bare ${ms(bare)}, import ${ms(imported)}\n`)
  }
  return {
    title: 'Import',
    body: [
      '`parseProfileText` on generated documents (bench/import.bench.ts) beside a bare `fromMarkdown(text)` of the same text in the same run; medians (a single run where one run takes over 5 s). The importer cuts the text at headings and `<details>` blocks and parses the pieces, which also avoids the parser’s slowdown on long documents. Goal: import ≤ 1.5 × bare parse.',
      '',
      '| Input | Size | Cards | Bare `fromMarkdown` | Import | Import / bare |',
      '| --- | --- | --- | --- | --- | --- |',
      ...rows
    ].join('\n')
  }
}
