/**
 * Gap analysis at scale: 2,000 personas, 10,000 needs and 300 capabilities, generated
 * deterministically, analysed at all three horizons, beside one plain pass over the needs.
 * `npx tsx bench/run.ts coverage` runs only this.
 */
import { analyzeGaps, buildCoverageIndex, renderGapReport } from '../src/shared/analysis'
import { emptyWorkspace, newCapability, newCategory, newNeed, newPersona } from '../src/shared/model/defaults'
import {
  CAPABILITY_STATES,
  HORIZONS,
  PRIORITIES,
  type Capability,
  type Need,
  type PersonaCard,
  type Workspace
} from '../src/shared/model/schema'
import { ms, seededRandom, type BenchSection } from './types'

/** Median and fastest of `runs` timed calls after one warm-up: on a busy machine the fastest is the steadier figure. */
function time(fn: () => unknown, runs: number): { median: number; fastest: number } {
  fn()
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    fn()
    times.push(performance.now() - start)
  }
  times.sort((a, b) => a - b)
  return { median: times[Math.floor(times.length / 2)], fastest: times[0] }
}

const PERSONAS = 2_000
const NEEDS_PER_PERSONA = 5
const CAPABILITIES = 300
const CATEGORIES = 20
/** Distinct need texts: fewer than needs, so many needs are shared between personas. */
const NEED_TEXTS = 2_500

export function generateWorkspace(personas = PERSONAS, seed = 42): Workspace {
  const rand = seededRandom(seed)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]
  const ws = emptyWorkspace('2026-01-01T00:00:00.000Z')
  ws.categories = Array.from({ length: CATEGORIES }, (_, i) =>
    newCategory({ id: `cat-${i}`, name: `Category ${i}`, order: CATEGORIES - 1 - i })
  )
  ws.capabilities = Array.from({ length: CAPABILITIES }, (_, i): Capability =>
    newCapability({
      id: `cap-${i}`,
      name: `Capability ${i}`,
      state: pick(CAPABILITY_STATES),
      horizon: pick([null, ...HORIZONS])
    })
  )
  let needId = 0
  ws.cards = Array.from({ length: personas }, (_, p): PersonaCard => {
    const needs = Array.from({ length: NEEDS_PER_PERSONA }, (): Need => {
      const links = rand() < 0.15 ? 0 : 1 + Math.floor(rand() * 3)
      return newNeed({
        id: `need-${needId++}`,
        text: `Need number ${Math.floor(rand() * NEED_TEXTS)}: access to tools, data & devices`,
        priority: pick(PRIORITIES),
        capabilityIds: Array.from({ length: links }, () => `cap-${Math.floor(rand() * CAPABILITIES)}`),
        override:
          rand() < 0.02 ? { status: pick(['met', 'partial', 'gap'] as const), rationale: 'Checked' } : null
      })
    })
    return newPersona({
      id: `persona-${p}`,
      title: `Persona ${p}`,
      categoryId: rand() < 0.05 ? null : `cat-${Math.floor(rand() * CATEGORIES)}`,
      order: p,
      headcount: rand() < 0.5 ? 10 + Math.floor(rand() * 5_000) : null,
      needs
    })
  })
  return ws
}

export async function run(): Promise<BenchSection> {
  const ws = generateWorkspace()
  const half = generateWorkspace(PERSONAS / 2)
  const needCount = ws.cards.reduce((n, c) => n + (c.kind === 'persona' ? c.needs.length : 0), 0)

  let sink = 0
  const plainPass = time(() => {
    for (const card of ws.cards) {
      if (card.kind !== 'persona') continue
      for (const need of card.needs) sink += need.text.length + need.capabilityIds.length
    }
  }, 21)
  const allHorizons = (workspace: Workspace) => () => {
    const index = buildCoverageIndex(workspace)
    for (const h of HORIZONS) sink += analyzeGaps(index, h).rankedGaps.length
  }
  const index = time(() => buildCoverageIndex(ws), 11)
  const built = buildCoverageIndex(ws)
  const perHorizon = HORIZONS.map((h) => [h, time(() => analyzeGaps(built, h), 11)] as const)
  const all = time(allHorizons(ws), 11)
  const allHalf = time(allHorizons(half), 11)
  const reports = (['md', 'html', 'csv'] as const).map(
    (format) =>
      [format, time(() => renderGapReport(ws, format, 'now', { generatedAt: null }, built), 5)] as const
  )
  const result = analyzeGaps(built, 'now')
  if (sink < 0) throw new Error('unreachable: keeps the plain pass from being optimised away')

  const rows: [string, { median: number; fastest: number }][] = [
    ['One plain pass over the needs (baseline)', plainPass],
    ['Coverage index (resolve links, normalise texts, coverage at 3 horizons)', index],
    ...perHorizon.map(([h, t]): [string, { median: number; fastest: number }] => [
      `Analysis at ${h} (matrix, totals, ranked gaps, build first, charts)`,
      t
    ]),
    ['**Index + analysis at all three horizons**', all],
    [
      `Same at half size (${(PERSONAS / 2).toLocaleString('en')} personas, ${(needCount / 2).toLocaleString('en')} needs)`,
      allHalf
    ],
    ...reports.map(([f, t]): [string, { median: number; fastest: number }] => [
      `Render the ${f} report at now (analysis + render, index reused)`,
      t
    ])
  ]
  return {
    title: 'Gap analysis',
    body: [
      `${PERSONAS.toLocaleString('en')} personas in ${CATEGORIES} categories, ${needCount.toLocaleString('en')} needs ` +
        `(${NEED_TEXTS.toLocaleString('en')} distinct texts, 0–3 links each), ${CAPABILITIES} capabilities; ` +
        `generated with a fixed seed. At now: ${result.rankedGaps.length.toLocaleString('en')} ranked gaps, ` +
        `${result.buildFirst.length} build candidates. Wall time in one process; the half-size row shows ` +
        `the scaling (linear: about half).`,
      '',
      '| Step | Median | Fastest |',
      '| --- | ---: | ---: |',
      ...rows.map(([step, t]) => `| ${step} | ${ms(t.median)} | ${ms(t.fastest)} |`)
    ].join('\n')
  }
}
