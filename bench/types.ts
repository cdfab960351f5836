/** One section of docs/BENCHMARKS.md, produced by one benchmark module. */
export interface BenchSection {
  title: string
  /** Markdown: a sentence on what was measured, then a table (figureTable for figures with goals). */
  body: string
  /** The figures that answer to a goal; bench/run.ts lists them all in the summary at the top. */
  figures?: Figure[]
}

export const ms = (value: number): string => `${value.toFixed(1)} ms`

/** Runs `fn` `runs` times after one warm-up and returns the median wall time in milliseconds. */
export async function median(fn: () => unknown, runs = 5): Promise<number> {
  await fn()
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    await fn()
    times.push(performance.now() - start)
  }
  times.sort((a, b) => a - b)
  return times[Math.floor(times.length / 2)]
}

/** mulberry32: a small seeded pseudo-random generator, so every run measures the same inputs. */
export function seededRandom(seed: number): () => number {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** One measured figure, with the floor it is compared with in the same run and the goal it answers to. */
export interface Figure {
  /** What was measured, in words. */
  what: string
  /** The measurement, in milliseconds unless `unit` says otherwise. */
  value: number
  unit?: 'ms' | 'MB' | 'count'
  /** The same work done the simplest way, measured in the same run (bare parser, plain pass, JSON.parse ...). */
  floor?: { what: string; value: number }
  /** The goal in words ("≤ 3 × floor", "≤ 100 ms") and whether this run met it. */
  goal?: { text: string; met: boolean }
}

const formatValue = (value: number, unit: Figure['unit'] = 'ms'): string =>
  unit === 'ms' ? ms(value) : unit === 'MB' ? `${value.toFixed(1)} MB` : value.toLocaleString('en')

/** A goal on the ratio to the floor: met when value ≤ factor × floor. */
export const withinFactor = (
  value: number,
  floor: number,
  factor: number
): { text: string; met: boolean } => ({
  text: `≤ ${factor} × floor`,
  met: value <= factor * floor
})

/** A goal on the value itself: met when value ≤ limit. */
export const atMost = (
  value: number,
  limit: number,
  unit: Figure['unit'] = 'ms'
): { text: string; met: boolean } => ({
  text: `≤ ${formatValue(limit, unit)}`,
  met: value <= limit
})

/** Markdown table of figures: measured, floor, ratio, goal, met. */
export function figureTable(figures: readonly Figure[]): string {
  const rows = figures.map((f) => {
    const floor = f.floor ? `${formatValue(f.floor.value, f.unit)} (${f.floor.what})` : '—'
    const ratio = f.floor && f.floor.value > 0 ? `${(f.value / f.floor.value).toFixed(2)} ×` : '—'
    const goal = f.goal ? f.goal.text : '—'
    const met = f.goal ? (f.goal.met ? 'met' : '**not met**') : '—'
    return `| ${f.what} | ${formatValue(f.value, f.unit)} | ${floor} | ${ratio} | ${goal} | ${met} |`
  })
  return [
    '| What | Measured | Floor, same run | Ratio | Goal | Met |',
    '| --- | ---: | --- | ---: | --- | --- |',
    ...rows
  ].join('\n')
}
