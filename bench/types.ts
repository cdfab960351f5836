/** One section of docs/BENCHMARKS.md, produced by one benchmark module. */
export interface BenchSection {
  title: string
  /** Markdown: a sentence on what was measured, then a table. */
  body: string
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
