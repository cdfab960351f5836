/**
 * The check on real data: the ESDC seed, plus "Classification tool" (planned, medium term)
 * and "DLP tool" (in place) linked to the Management persona's two needs. Also keeps
 * docs/examples/esdc-gap-report.{md,html,csv} in step with the renderer (and the importer, once it
 * exists: see loadEsdcWorkspace): the test fails when a
 * committed example differs from a fresh render; `UPDATE_EXAMPLES=1 npx vitest run
 * tests/unit/analysis/esdc.test.ts` rewrites them.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { analyzeGaps, buildCoverageIndex, renderGapReport } from '../../../src/shared/analysis'
import { EXAMPLES_DIR, FIXED_TIME, isManagement, loadEsdcWorkspace, withEsdcCapabilities } from './fixtures'

const { workspace: seed, builtBy } = await loadEsdcWorkspace()
const workspace = withEsdcCapabilities(seed)
const index = buildCoverageIndex(workspace)

const managementNeeds = (horizon: 'now' | 'medium' | 'long'): [string, string][] =>
  analyzeGaps(index, horizon)
    .needs.filter((n) => isManagement({ kind: 'persona', title: n.personaTitle }))
    .map((n) => [n.text.slice(0, 30), n.coverage.status])

describe(`ESDC seed (${builtBy === 'importer' ? 'imported' : 'built by hand'}) with a classification tool and a DLP tool`, () => {
  it('reads the seed: Management has the two needs of the issue', () => {
    expect(managementNeeds('now').map(([text]) => text)).toEqual([
      'Need tool for classification. ',
      'We already have a DLP tool but'
    ])
  })

  it('now: one need met (DLP in place), one gap (classification only planned)', () => {
    expect(managementNeeds('now')).toEqual([
      ['Need tool for classification. ', 'gap'],
      ['We already have a DLP tool but', 'met']
    ])
  })

  it('after the medium-term plan: both met, and still after the long-term plan', () => {
    expect(managementNeeds('medium').map(([, status]) => status)).toEqual(['met', 'met'])
    expect(managementNeeds('long').map(([, status]) => status)).toEqual(['met', 'met'])
  })

  it('ranks the classification gap and the classification tool first, now only', () => {
    const now = analyzeGaps(index, 'now')
    // should (2) × 1 persona × headcount factor 1 (no headcount in the seed)
    expect(now.rankedGaps.map((g) => [g.text.slice(0, 28), g.weight, g.personas, g.headcount])).toEqual([
      ['Need tool for classification', 2, 1, null]
    ])
    expect(now.buildFirst.map((c) => [c.name, c.weight, c.needsClosed, c.stateAt])).toEqual([
      ['Classification tool', 2, 1, 'absent']
    ])
    const medium = analyzeGaps(index, 'medium')
    expect(medium.rankedGaps).toEqual([])
    expect(medium.buildFirst).toEqual([])
    expect(medium.charts.byHorizon.map((h) => [h.horizon, h.met, h.gap, h.closed])).toEqual([
      ['now', 1, 1, 0],
      ['medium', 2, 0, 1],
      ['long', 2, 0, 0]
    ])
  })

  it('leaves every other need unassessed and groups personas by profile group', () => {
    const now = analyzeGaps(index, 'now')
    expect(now.totals.unassessed).toBe(now.totals.total - 2)
    expect(now.totals.total).toBeGreaterThan(10)
    expect(now.categories[0].name).toMatch(/^Management/)
  })
})

describe('docs/examples', () => {
  const examples = [
    ['esdc-gap-report.md', 'md'],
    ['esdc-gap-report.html', 'html'],
    ['esdc-gap-report.csv', 'csv']
  ] as const

  it.each(examples)('%s matches a fresh render', (file, format) => {
    const fresh = renderGapReport(workspace, format, 'now', { generatedAt: FIXED_TIME }, index)
    const path = join(EXAMPLES_DIR, file)
    if (process.env.UPDATE_EXAMPLES === '1') {
      mkdirSync(EXAMPLES_DIR, { recursive: true })
      writeFileSync(path, fresh)
    }
    expect(existsSync(path), `${path} is missing: run with UPDATE_EXAMPLES=1`).toBe(true)
    expect(readFileSync(path, 'utf8'), `${file} is stale: run with UPDATE_EXAMPLES=1`).toBe(fresh)
  })
})
