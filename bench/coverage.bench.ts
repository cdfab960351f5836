/**
 * Gap analysis at scale: 2,000 personas, 10,000 needs and 300 capabilities, generated
 * deterministically, analysed at all three horizons, beside one plain pass over the needs.
 * `npx tsx bench/run.ts coverage` runs only this.
 */
import { analyzeGaps, buildCoverageIndex, renderGapReport } from '../src/shared/analysis'
import { capabilityStateAt } from '../src/shared/analysis/coverage'
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
import { figureTable, ms, seededRandom, type BenchSection, type Figure } from './types'

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

const WEIGHT = { must: 3, should: 2, could: 1 } as const
const SCORE = { absent: 0, partial: 1, 'in-place': 2 } as const
const STATUS = ['gap', 'partial', 'met'] as const

/**
 * The floor: the least an analysis at one horizon must do, in one plain pass. Resolve each need's
 * links, take its best capability's state at the horizon (or its override), group the needs by
 * their text, and rank the unmet groups by priority × personas × headcount.
 */
function singlePass(ws: Workspace, horizon: (typeof HORIZONS)[number]): number {
  const capabilities = new Map(ws.capabilities.map((c) => [c.id, c]))
  const groups = new Map<
    string,
    { weight: number; personas: Set<string>; headcount: number; unmet: boolean }
  >()
  for (const card of ws.cards) {
    if (card.kind !== 'persona') continue
    for (const need of card.needs) {
      let best = -1
      for (const id of need.capabilityIds) {
        const capability = capabilities.get(id)
        if (capability) best = Math.max(best, SCORE[capabilityStateAt(capability, horizon)])
      }
      const status = need.override?.status ?? (best < 0 ? 'unassessed' : STATUS[best])
      const key = need.text.trim().toLowerCase()
      let group = groups.get(key)
      if (!group) groups.set(key, (group = { weight: 0, personas: new Set(), headcount: 0, unmet: false }))
      group.weight = Math.max(group.weight, need.priority === null ? 0 : WEIGHT[need.priority])
      if (!group.personas.has(card.id)) group.headcount += card.headcount ?? 1
      group.personas.add(card.id)
      group.unmet ||= status === 'gap' || status === 'partial'
    }
  }
  const ranked = [...groups.values()]
    .filter((g) => g.unmet)
    .map((g) => g.weight * g.personas.size * g.headcount)
    .sort((a, b) => b - a)
  return ranked.length
}

export async function run(): Promise<BenchSection> {
  const ws = generateWorkspace()
  const half = generateWorkspace(PERSONAS / 2)
  const needCount = ws.cards.reduce((n, c) => n + (c.kind === 'persona' ? c.needs.length : 0), 0)

  let sink = 0
  const allHorizons = (workspace: Workspace) => () => {
    const index = buildCoverageIndex(workspace)
    for (const h of HORIZONS) sink += analyzeGaps(index, h).rankedGaps.length
  }
  const floors = HORIZONS.map((h) => [h, time(() => (sink += singlePass(ws, h)), 11)] as const)
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
    ...floors.map(([h, t]): [string, { median: number; fastest: number }] => [
      `Floor at ${h}: one pass (links, statuses, grouping, ranking)`,
      t
    ]),
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
  const figures: Figure[] = HORIZONS.map((h, i) => ({
    what: `index + analysis at ${h}`,
    value: index.median + perHorizon[i][1].median,
    floor: { what: 'one pass: links, statuses, grouping, ranking', value: floors[i][1].median }
  }))
  return {
    title: 'Gap analysis',
    figures,
    body: [
      `${PERSONAS.toLocaleString('en')} personas in ${CATEGORIES} categories, ${needCount.toLocaleString('en')} needs ` +
        `(${NEED_TEXTS.toLocaleString('en')} distinct texts, 0–3 links each), ${CAPABILITIES} capabilities; ` +
        `generated with a fixed seed. At now: ${result.rankedGaps.length.toLocaleString('en')} ranked gaps, ` +
        `${result.buildFirst.length} build candidates. Wall time in one process; the half-size row shows ` +
        `the scaling (linear: about half).`,
      '',
      '| Step | Median | Fastest |',
      '| --- | ---: | ---: |',
      ...rows.map(([step, t]) => `| ${step} | ${ms(t.median)} | ${ms(t.fastest)} |`),
      '',
      'Against the floor: the least an analysis must do, in one plain pass (resolve the links, the best ' +
        'state at the horizon or the override, group the needs by text, rank the unmet groups). The app also ' +
        'builds the matrix, the totals, the build-first list and the charts.',
      '',
      figureTable(figures)
    ].join('\n')
  }
}
