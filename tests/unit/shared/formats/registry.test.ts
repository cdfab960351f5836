/**
 * The format registry (src/shared/formats/registry.ts) and what derives from it: the IPC
 * contract's enum, detection, serialize, and docs/FORMATS.md's two tables, which this test
 * checks against the registry (`UPDATE_DOCS=1 npx vitest run tests/unit/shared/formats/registry.test.ts`
 * rewrites them).
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { format as prettier, resolveConfig } from 'prettier'
import { describe, expect, it } from 'vitest'
import {
  DETECTION,
  FORMATS,
  FORMAT_IDS,
  FORMAT_NAMES,
  detectFormat,
  findFormat,
  lossWords,
  serialize
} from '../../../../src/shared/formats'
import { EXPORT_FORMATS, ExportFormat } from '../../../../src/shared/ipc/contract'
import { REPO_ROOT } from './helpers'
import { richWorkspace } from './rich-workspace'

const DOC = resolve(REPO_ROOT, 'docs/FORMATS.md')

type Table = string[][]

const markdownTable = (table: Table): string =>
  [table[0], table[0].map(() => '---'), ...table.slice(1)].map((row) => `| ${row.join(' | ')} |`).join('\n')

/** The formats table of docs/FORMATS.md's "The formats" section. */
const formatsTable = (): string =>
  markdownTable([
    ['Id (`--to`)', 'Format', 'Files', 'Saved as'],
    ...FORMATS.map((f) => [
      [f.id, ...f.aliases].map((id) => `\`${id}\``).join(' or '),
      f.label,
      f.extensions.map((e) => `\`.${e}\``).join(', '),
      `\`${f.fileName}\``
    ])
  ])

/** What each format cannot hold, whatever the workspace: one item per format. */
const lossesList = (): string =>
  FORMATS.map(
    (f) =>
      `- **${f.label}**: ${f.drops.length === 0 ? 'nothing; it holds the whole workspace.' : `${lossWords(f.drops).join('; ')}.`}`
  ).join('\n')

/** The detection table: every format's rules in rank order. */
const detectionTable = (): string =>
  markdownTable([['Content', 'Read as'], ...DETECTION.map((rule) => [rule.when, FORMAT_NAMES[rule.format]])])

const BLOCKS: Record<string, () => string> = {
  formats: formatsTable,
  losses: lossesList,
  detection: detectionTable
}

const markers = (name: string): [string, string] => [
  `<!-- registry:${name} -->`,
  `<!-- /registry:${name} -->`
]

/** A block as compared: table padding and line wrapping do not count. */
const normalise = (block: string): string =>
  block
    .split('\n')
    .map((line) => (/^\|[\s|:-]+\|$/.test(line) ? '|---|' : line.replace(/\s+/g, ' ').trim()))
    .filter((line) => line !== '')
    .join('\n')
    .replace(/\n(?![-|])/g, ' ')

/** The text between a pair of markers. */
function blockInDoc(doc: string, name: string): string {
  const [start, end] = markers(name)
  const from = doc.indexOf(start)
  const to = doc.indexOf(end)
  expect([name, from >= 0 && to > from]).toEqual([name, true])
  return doc.slice(from + start.length, to)
}

describe('the format registry', () => {
  it('ids and aliases are unique; detection ranks are unique', () => {
    const names = FORMATS.flatMap((f) => [f.id, ...f.aliases])
    expect(new Set(names).size).toBe(names.length)
    const ranks = DETECTION.map((r) => r.rank)
    expect(new Set(ranks).size).toBe(ranks.length)
  })

  it('is where the IPC contract’s export formats come from', () => {
    expect([...EXPORT_FORMATS]).toEqual(FORMATS.map((f) => f.id))
    expect([...FORMAT_IDS]).toEqual(FORMATS.map((f) => f.id))
    expect(ExportFormat.safeParse('csv-cards').success).toBe(true)
    expect(ExportFormat.safeParse('docx').success).toBe(false)
  })

  it('every format proposes a file name with its own extension, and detects its own export', () => {
    const ws = richWorkspace()
    for (const format of FORMATS) {
      expect(format.extensions).toContain(format.fileName.replace(/^.*\./, ''))
      const text = serialize(ws, format.id)
      expect([format.id, detectFormat(text, format.fileName)]).toEqual([format.id, format.id])
    }
  })

  it('“csv”, the cards CSV’s old id, still names it', () => {
    expect(findFormat('csv')?.id).toBe('csv-cards')
    expect(findFormat('docx')).toBeUndefined()
    const ws = richWorkspace()
    expect(serialize(ws, 'csv')).toBe(serialize(ws, 'csv-cards'))
  })
})

describe('docs/FORMATS.md tells what the registry holds', () => {
  it.each(Object.keys(BLOCKS))('the %s block', async (name) => {
    let doc = readFileSync(DOC, 'utf8')
    const expected = BLOCKS[name]()
    if (process.env.UPDATE_DOCS === '1') {
      const [start, end] = markers(name)
      doc = `${doc.slice(0, doc.indexOf(start) + start.length)}\n\n${expected}\n\n${doc.slice(doc.indexOf(end))}`
      writeFileSync(DOC, await prettier(doc, { ...(await resolveConfig(DOC)), filepath: DOC }))
      doc = readFileSync(DOC, 'utf8')
    }
    expect(normalise(blockInDoc(doc, name))).toBe(normalise(expected))
  })
})
