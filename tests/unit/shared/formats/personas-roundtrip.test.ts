/**
 * Round trip of persona Markdown over what schema v2 adds (fast-check): each persona's subtitle,
 * tables in persona descriptions, and the workspace's name and description (the page's title and
 * introduction). The fields the shape carried before are checked in roundtrip.test.ts; here they
 * are checked again on the same generated workspaces, with the new fields filled.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseProfileText, serialize, type ParsedFile } from '../../../../src/shared/formats'
import { canonicalMarkdown, canonicalTable } from '../../../../src/shared/formats/markdown/blocks'
import type { PersonaCard, Workspace } from '../../../../src/shared/model/schema'
import { RUNS, line, workspace } from './arbitraries'
import { PROJECTIONS, columns, importInto, sequentialIds } from './helpers'

/** A cell from the hostile text pool. */
const cell = line(4)

/** A table block as a person types it. */
const table = fc
  .tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 0, max: 3 }))
  .chain(([width, rows]) =>
    fc.array(fc.array(cell, { minLength: width, maxLength: width }), {
      minLength: rows + 1,
      maxLength: rows + 1
    })
  )
  .map((rows) =>
    [rows[0], rows[0].map(() => '---'), ...rows.slice(1)]
      .map((cells) => `| ${cells.map((c) => c.replaceAll('|', '\\|')).join(' | ')} |`)
      .join('\n')
  )

/** A persona description: paragraphs and tables, in the form the importer gives (tables canonical). */
const personaDescription = fc
  .array(
    fc.oneof(
      line().filter((p) => p !== ''),
      table.map((t) => canonicalTable(t) ?? '')
    ),
    { maxLength: 3 }
  )
  .map((blocks) => blocks.filter((b) => b !== '').join('\n\n'))

/** A workspace description as typed in the app: Markdown of any sort, links and tables included. */
const introduction = fc
  .array(
    fc.oneof(
      line(),
      table,
      fc.constant('See the [handbook](https://example.org/handbook) - and [notes](notes.md).'),
      fc.constant('- Management - Manager and above\n- Goals: none\n  - nested: item'),
      fc.constant('### A heading - with parts: and a colon'),
      fc.constant('Goals:'),
      fc.constant('> quoted **bold** text\n\n```\ncode - here\n```')
    ),
    { maxLength: 4 }
  )
  .map((blocks) => blocks.join('\n\n'))

const withV2Fields = fc
  .tuple(
    workspace(),
    fc.array(line(6), { minLength: 8, maxLength: 8 }),
    fc.array(personaDescription, { minLength: 8, maxLength: 8 }),
    introduction
  )
  .map(([ws, subtitles, descriptions, description]): Workspace => {
    let i = 0
    return {
      ...ws,
      description,
      cards: ws.cards.map((c) => {
        if (c.kind !== 'persona') return c
        const k = i++
        return { ...c, subtitle: subtitles[k], description: descriptions[k] }
      })
    }
  })

const personaV2 = (ws: Pick<Workspace, 'categories' | 'cards'>): unknown =>
  columns(ws, (c) =>
    c.kind === 'persona' ? { subtitle: (c as PersonaCard).subtitle, description: c.description } : null
  )

function reimport(text: string): { parsed: ParsedFile; back: Workspace } {
  const parsed = parseProfileText(text, 'export.md', { newId: sequentialIds('rt') })
  return {
    parsed,
    back: { ...importInto([parsed]), name: parsed.title ?? '', description: parsed.description }
  }
}

describe('persona Markdown round trip with subtitles, tables, title and introduction (fast-check)', () => {
  it(
    'import(export(ws)) keeps them and every field the shape carried; exporting again gives the same text',
    () => {
      fc.assert(
        fc.property(withV2Fields, (ws) => {
          const text = serialize(ws, 'md-personas')
          const { parsed, back } = reimport(text)
          expect(
            parsed.diagnostics.filter(
              (d) => d.severity !== 'info' && !d.message.startsWith('No categories, cards')
            )
          ).toEqual([])
          expect(PROJECTIONS['md-personas'](back)).toEqual(PROJECTIONS['md-personas'](ws))
          expect(personaV2(back)).toEqual(personaV2(ws))
          expect(back.name).toBe(ws.name.trim() === '' ? 'Personas' : ws.name)
          const hasPersonas = ws.cards.some((c) => c.kind === 'persona')
          expect(back.description).toBe(canonicalMarkdown(ws.description, !hasPersonas))
          expect(serialize(back, 'md-personas')).toBe(text)
        }),
        { numRuns: RUNS }
      )
    },
    Math.max(30_000, RUNS * 60)
  )
})
