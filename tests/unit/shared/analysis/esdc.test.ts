/**
 * The check on a real-shaped persona page: "Classification tool" (planned, medium term)
 * and "DLP tool" (in place) linked to the Management persona's two needs. It runs on our
 * ESDC-shaped fixture, and on the real ESDC seed where that is present (tests/seeds.ts).
 *
 * The seed also keeps docs/examples/esdc-gap-report.{md,html,csv} in step with the importer and
 * the renderer: the test fails when a committed example differs from a fresh render;
 * `UPDATE_EXAMPLES=1 npx vitest run tests/unit/shared/analysis/esdc.test.ts` rewrites them.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import {
  analyzeGaps,
  buildCoverageIndex,
  renderGapReport,
  type CoverageIndex
} from '../../../../src/shared/analysis'
import type { Workspace } from '../../../../src/shared/model/schema'
import { ESDC_SEED, readSeed, realSeeds } from '../../../seeds'
import { PERSONAS, readFixture } from '../formats/helpers'
import { EXAMPLES_DIR, FIXED_TIME, importPersonas, isManagement, withClassificationAndDlp } from './fixtures'

interface Scenario {
  /** The first 30 characters of the Management persona's two needs. */
  needs: [string, string]
  /** Every need of the page. */
  total: number
}

/** The scenario's checks on the workspace `load` gives (called once, before the suite's tests). */
function checkScenario(load: () => Workspace, expected: Scenario): { workspace: () => Workspace } {
  let workspace: Workspace
  let index: CoverageIndex
  beforeAll(() => {
    workspace = withClassificationAndDlp(load())
    index = buildCoverageIndex(workspace)
  })
  const managementNeeds = (horizon: 'now' | 'medium' | 'long'): [string, string][] =>
    analyzeGaps(index, horizon)
      .needs.filter((n) => isManagement({ kind: 'persona', title: n.personaTitle }))
      .map((n) => [n.text.slice(0, 30), n.coverage.status])
  const [classification, dlp] = expected.needs

  it('reads the page: Management has the two needs of the issue', () => {
    expect(managementNeeds('now').map(([text]) => text)).toEqual([classification, dlp])
  })

  it('now: one need met (DLP in place), one gap (classification only planned)', () => {
    expect(managementNeeds('now')).toEqual([
      [classification, 'gap'],
      [dlp, 'met']
    ])
  })

  it('after the medium-term plan: both met, and still after the long-term plan', () => {
    expect(managementNeeds('medium').map(([, status]) => status)).toEqual(['met', 'met'])
    expect(managementNeeds('long').map(([, status]) => status)).toEqual(['met', 'met'])
  })

  it('ranks the classification gap and the classification tool first, now only', () => {
    const now = analyzeGaps(index, 'now')
    // The page says no priority: weight 0 (priority not set) × 1 persona × headcount factor 1 (no
    // headcount on the page); the only gap, so first all the same.
    expect(
      now.rankedGaps.map((g) => [g.text.slice(0, 30), g.priority, g.weight, g.personas, g.headcount])
    ).toEqual([[classification, null, 0, 1, null]])
    expect(
      now.buildFirst.map((c) => [c.name, c.weight, c.unprioritisedReach, c.needsClosed, c.stateAt])
    ).toEqual([['Classification tool', 0, 1, 1, 'absent']])
    expect(now.notSet).toEqual({ kind: expected.total, priority: expected.total, horizon: expected.total })
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
    expect(now.totals.total).toBe(expected.total)
    expect(now.totals.unassessed).toBe(expected.total - 2)
    expect(now.categories[0].name).toMatch(/^Management/)
  })

  return { workspace: () => workspace }
}

describe('an ESDC-shaped persona page with a classification tool and a DLP tool', () => {
  checkScenario(() => importPersonas(readFixture(PERSONAS), PERSONAS, 'Staff personas'), {
    needs: ['A tool to label documents by s', 'Data loss prevention that read'],
    total: 9
  })
})

const seeds = realSeeds(import.meta.url)

describe.skipIf(seeds === null)('the real ESDC seed with a classification tool and a DLP tool', () => {
  const { workspace } = checkScenario(
    () => importPersonas(readSeed(ESDC_SEED), ESDC_SEED, 'ESDC employee profiles'),
    { needs: ['Need tool for classification. ', 'We already have a DLP tool but'], total: 12 }
  )

  it.each([
    ['esdc-gap-report.md', 'md'],
    ['esdc-gap-report.html', 'html'],
    ['esdc-gap-report.csv', 'csv']
  ] as const)('docs/examples/%s matches a fresh render', (file, format) => {
    const fresh = renderGapReport(workspace(), format, 'now', { generatedAt: FIXED_TIME })
    const path = join(EXAMPLES_DIR, file)
    if (process.env.UPDATE_EXAMPLES === '1') {
      mkdirSync(EXAMPLES_DIR, { recursive: true })
      writeFileSync(path, fresh)
    }
    expect(existsSync(path), `${path} is missing: run with UPDATE_EXAMPLES=1`).toBe(true)
    expect(readFileSync(path, 'utf8'), `${file} is stale: run with UPDATE_EXAMPLES=1`).toBe(fresh)
  })
})
