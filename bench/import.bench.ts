/**
 * Markdown import speed against the parser floor. Inputs are generated here, deterministically:
 * GovStack-shaped taxonomies of 1 MB, 6.8 MB and 10 MB, and an ESDC-shaped page of 2,000 personas.
 * For each, in the same run and interleaved round by round:
 * - markdown-it's `parse` of the whole text (the floor: tokens only, no tree);
 * - micromark with GFM (`fromMarkdown`), the importer's former parser, on the text cut at heading
 *   and `<details>` lines as the former importer cut it (a second reference; one run only on the
 *   large inputs, where it takes seconds);
 * - `parseProfileText`, the import (decoding excluded).
 * Goal: import ≤ 3 × markdown-it's parse at every size, and linear in size (ms per MB alike).
 */
import MarkdownIt from 'markdown-it'
import { fromMarkdown } from 'mdast-util-from-markdown'
import { gfmFromMarkdown } from 'mdast-util-gfm'
import { gfm } from 'micromark-extension-gfm'
import { parseProfileText } from '../src/shared/formats'
import { figureTable, ms, seededRandom, withinFactor, type BenchSection, type Figure } from './types'

const MB = 1024 * 1024

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
    `These profiles help [categorize employees](it-picture.md) and their *IT and business needs*.`,
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

const markdownIt = new MarkdownIt({ html: true })
const GFM = { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] }
const CUT = /^ {0,3}(?:#{1,6}(?:[ \t]|$)|<\/?(?:details|summary)(?:[\s>]|$))/i

/** The text cut before every heading and `<details>`/`<summary>` line, as the micromark importer cut it. */
function micromarkChunks(text: string): string[] {
  const lines = text.split('\n')
  const chunks: string[] = []
  let from = 0
  for (let i = 1; i <= lines.length; i++) {
    if (i === lines.length || CUT.test(lines[i])) {
      chunks.push(lines.slice(from, i).join('\n'))
      from = i
    }
  }
  return chunks
}

const timed = (fn: () => unknown): number => {
  ;(globalThis as { gc?: () => void }).gc?.()
  const start = performance.now()
  fn()
  return performance.now() - start
}

const sorted = (values: number[]): number[] => [...values].sort((a, b) => a - b)
const medianOf = (values: number[]): number => sorted(values)[Math.floor(values.length / 2)]
const minOf = (values: number[]): number => sorted(values)[0]

interface Input {
  label: string
  text: string
  rounds: number
  /** Rounds in which micromark runs too (it takes seconds on the large inputs). */
  micromarkRounds: number
}

export async function run(): Promise<BenchSection> {
  const inputs: Input[] = [
    { label: 'Taxonomy, 1 MB', text: taxonomyText(1 * MB), rounds: 5, micromarkRounds: 5 },
    { label: 'Taxonomy, 6.8 MB', text: taxonomyText(6.8 * MB), rounds: 3, micromarkRounds: 1 },
    { label: 'Taxonomy, 10 MB', text: taxonomyText(10 * MB), rounds: 3, micromarkRounds: 1 },
    { label: 'Persona page, 2,000 personas', text: personaText(2000), rounds: 3, micromarkRounds: 1 }
  ]
  // Warm-up: every code path compiled before the first measured run.
  const warm = taxonomyText(MB / 4)
  markdownIt.parse(warm, {})
  for (const chunk of micromarkChunks(warm)) fromMarkdown(chunk, GFM)
  parseProfileText(warm, 'bench.md')
  parseProfileText(personaText(100), 'bench.md')

  const rows: string[] = []
  const linearity: string[] = []
  const figures: Figure[] = []
  for (const { label, text, rounds, micromarkRounds } of inputs) {
    const floor: number[] = []
    const micromark: number[] = []
    const imported: number[] = []
    const chunks = micromarkChunks(text)
    let cards = 0
    for (let round = 0; round < rounds; round++) {
      floor.push(timed(() => markdownIt.parse(text, {})))
      if (round < micromarkRounds) {
        micromark.push(timed(() => chunks.forEach((chunk) => fromMarkdown(chunk, GFM))))
      }
      imported.push(
        timed(() => {
          cards = parseProfileText(text, 'bench.md').cards.length
        })
      )
    }
    const mb = text.length / MB
    const importMedian = medianOf(imported)
    const floorMedian = medianOf(floor)
    rows.push(
      `| ${label} | ${mb.toFixed(1)} MB | ${cards.toLocaleString('en-US')} | ${ms(floorMedian)} (min ${ms(minOf(floor))}) | ${ms(medianOf(micromark))}${micromark.length > 1 ? ` (min ${ms(minOf(micromark))})` : ', 1 run'} | ${ms(importMedian)} (min ${ms(minOf(imported))}) | ${(importMedian / floorMedian).toFixed(2)} × |`
    )
    linearity.push(`${label}: ${ms(importMedian / mb)} per MB (floor ${ms(floorMedian / mb)} per MB)`)
    figures.push({
      what: `Markdown import, ${label}`,
      value: importMedian,
      floor: { what: 'markdown-it parse', value: floorMedian },
      goal: withinFactor(importMedian, floorMedian, 3)
    })
    process.stderr.write(
      `  ${label}: markdown-it ${floor.map(ms).join(', ')}; micromark ${micromark.map(ms).join(', ')}; import ${imported.map(ms).join(', ')}\n`
    )
  }
  return {
    title: 'Import',
    body: [
      '`parseProfileText` (decoding excluded) on generated documents (bench/import.bench.ts), interleaved round by round with the floor, markdown-it’s `parse` of the same text (`html: true`; tokens only), and with micromark and GFM (`fromMarkdown`, the former parser) on the text cut at heading and `<details>` lines as the former importer cut it. Medians of 5 rounds at 1 MB, 3 above (micromark once there: it takes seconds). Goal: import ≤ 3 × markdown-it, linear in size.',
      '',
      figureTable(figures),
      '',
      '| Input | Size | Cards | markdown-it `parse` (floor) | micromark + GFM, chunked | Import | Import / floor |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
      ...rows,
      '',
      `Linearity, import time per MB: ${linearity.join('; ')}.`
    ].join('\n'),
    figures
  }
}
