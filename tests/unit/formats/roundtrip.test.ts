/**
 * Importing an export gives back the same workspace for every field the shape carries: on the
 * seeds, and on generated workspaces (fast-check). Each shape's projection below is the list of
 * what it carries; docs/FORMATS.md says the same in words.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseProfileText, serialize } from '../../../src/shared/formats'
import type { ExportFormat } from '../../../src/shared/ipc/contract'
import { emptyWorkspace } from '../../../src/shared/model/defaults'
import {
  WorkspaceSchema,
  type Card,
  type PersonaCard,
  type Workspace
} from '../../../src/shared/model/schema'
import { collapseSpaces } from '../../../src/shared/text/normalize'
import { RUNS, workspace } from './arbitraries'
import {
  ESDC,
  FIXED_TIME,
  GOVSTACK,
  categoryFields,
  columns,
  importInto,
  personaFields,
  readFixture,
  readSeed,
  roleFields,
  sequentialIds,
  tree
} from './helpers'

/** What each export shape carries, as plain data to compare. */
const PROJECTIONS: Record<ExportFormat, (ws: Workspace) => unknown> = {
  json: (ws) => ({ categories: ws.categories, cards: ws.cards, capabilities: ws.capabilities }),
  'md-taxonomy': (ws) => ({ categories: categoryFields(ws), roles: columns(ws, roleFields) }),
  'md-personas': (ws) => ({
    // The profile list holds a group's description on one line.
    categories: categoryFields(ws).map((c) => ({ ...c, description: collapseSpaces(c.description) })),
    personas: columns(ws, personaFields)
  }),
  csv: (ws) => ({
    // Categories travel as the names in the cards' category cells: the ones holding cards.
    categories: categoryFields(ws)
      .filter((c) =>
        ws.cards.some((card) => ws.categories.find((k) => k.id === card.categoryId)?.name === c.name)
      )
      .map((c) => c.name),
    cards: columns(ws, (c: Card) =>
      c.kind === 'role'
        ? { kind: c.kind, title: c.title, description: c.description }
        : {
            kind: c.kind,
            title: c.title,
            description: c.description,
            goals: tree(c.goals),
            habits: tree(c.habits),
            needs: tree(c.needs),
            problems: tree(c.problems)
          }
    ).filter(([category, cards]) => category === null || cards.length > 0)
  }),
  'csv-capabilities': (ws) =>
    ws.capabilities.map(({ name, description, state, horizon, owner }) => ({
      name,
      description,
      state,
      horizon,
      owner
    })),
  'csv-needs': (ws) => {
    const names = new Map(ws.capabilities.map((c) => [c.id, c.name]))
    return columns(ws, (c) =>
      c.kind === 'persona' && c.needs.length > 0
        ? {
            title: c.title,
            needs: (c as PersonaCard).needs.map((n) => ({
              text: n.text,
              kind: n.kind,
              priority: n.priority,
              horizon: n.horizon,
              capabilities: n.capabilityIds.map((id) => names.get(id))
            }))
          }
        : null
    ).flatMap(([, personas]) => personas)
  }
}

const SHAPES = Object.keys(PROJECTIONS) as ExportFormat[]

/** Export, import the export into an empty workspace of the same name, and return both. */
function roundTrip(ws: Workspace, format: ExportFormat): { text: string; back: Workspace } {
  const text = serialize(ws, format)
  const parsed = parseProfileText(
    text,
    `export.${format.startsWith('csv') ? 'csv' : format === 'json' ? 'json' : 'md'}`,
    {
      newId: sequentialIds('rt')
    }
  )
  expect(
    parsed.diagnostics.filter((d) => d.severity !== 'info' && !d.message.startsWith('No categories, cards'))
  ).toEqual([])
  if (format === 'json')
    return {
      text,
      back: { ...ws, categories: parsed.categories, cards: parsed.cards, capabilities: parsed.capabilities }
    }
  return { text, back: importInto([parsed], { ...emptyWorkspace(FIXED_TIME), name: ws.name }) }
}

function seedWorkspace(): Workspace {
  const files = [GOVSTACK, ESDC].map((name) =>
    parseProfileText(readSeed(name), name, { newId: sequentialIds(name) })
  )
  const v2 = parseProfileText(readFixture('govstack-taxonomy-v2.md'), 'v2.md', { newId: sequentialIds('v2') })
  const csv = parseProfileText(readFixture('capabilities.csv'), 'c.csv', { newId: sequentialIds('c') })
  const needs = parseProfileText(readFixture('needs.csv'), 'n.csv', { newId: sequentialIds('n') })
  // The needs CSV names ESDC personas: merged into them, as a planner would import it.
  return importInto([needs], importInto([...files, v2, csv]), 'merge')
}

describe('round trip on the seeds', () => {
  const ws = seedWorkspace()

  it('the seeds make a valid workspace', () => {
    expect(WorkspaceSchema.safeParse(ws).success).toBe(true)
    expect(ws.cards.length).toBe(53 + 6 + 4)
  })

  it.each(SHAPES)('%s', (format) => {
    const { text, back } = roundTrip(ws, format)
    expect(PROJECTIONS[format](back)).toEqual(PROJECTIONS[format](ws))
    expect(serialize(back, format)).toBe(text)
  })
})

describe('round trip on generated workspaces (fast-check)', () => {
  it('the generator makes valid workspaces', () => {
    fc.assert(
      fc.property(workspace(), (ws) => {
        expect(WorkspaceSchema.safeParse(ws).success).toBe(true)
      }),
      { numRuns: 50 }
    )
  })

  it.each(SHAPES)(
    '%s: import(export(ws)) carries the same fields, and exporting again gives the same text',
    (format) => {
      fc.assert(
        fc.property(workspace({ distinctPersonas: format === 'csv-needs' }), (ws) => {
          const { text, back } = roundTrip(ws, format)
          expect(PROJECTIONS[format](back)).toEqual(PROJECTIONS[format](ws))
          expect(serialize(back, format)).toBe(text)
        }),
        { numRuns: RUNS }
      )
    },
    Math.max(30_000, RUNS * 40)
  )
})
