/**
 * Importing an export gives back the same workspace for every field the shape carries: on our
 * GovStack- and ESDC-shaped fixtures (the real seeds in seeds.test.ts), and on generated
 * workspaces (fast-check). What each shape carries is PROJECTIONS in helpers.ts; docs/FORMATS.md
 * says the same in words.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseProfileText, serialize } from '../../../../src/shared/formats'
import { WorkspaceSchema, type Workspace } from '../../../../src/shared/model/schema'
import { RUNS, workspace } from './arbitraries'
import {
  PERSONAS,
  PROJECTIONS,
  SHAPES,
  TAXONOMY,
  importInto,
  readFixture,
  roundTrip,
  sequentialIds
} from './helpers'

function fixtureWorkspace(): Workspace {
  const files = [TAXONOMY, PERSONAS].map((name) =>
    parseProfileText(readFixture(name), name, { newId: sequentialIds(name) })
  )
  const v2 = parseProfileText(readFixture('govstack-taxonomy-v2.md'), 'v2.md', { newId: sequentialIds('v2') })
  const csv = parseProfileText(readFixture('capabilities.csv'), 'c.csv', { newId: sequentialIds('c') })
  const needs = parseProfileText(readFixture('needs.csv'), 'n.csv', { newId: sequentialIds('n') })
  // The needs CSV names two of the personas: merged into them, as a planner would import it.
  return importInto([needs], importInto([...files, v2, csv]), 'merge')
}

describe('round trip on the GovStack- and ESDC-shaped fixtures', () => {
  const ws = fixtureWorkspace()

  it('the fixtures make a valid workspace', () => {
    expect(WorkspaceSchema.safeParse(ws).success).toBe(true)
    expect(ws.cards.length).toBe(28 + 6 + 4)
    expect(ws.capabilities).toHaveLength(4)
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
