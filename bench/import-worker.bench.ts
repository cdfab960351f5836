/**
 * Parsing an import in the worker thread (src/main/services/parse-worker.ts) against parsing it in
 * main's own thread, on generated cards CSVs of 10 MB and 40 MB and a 10 MB Markdown taxonomy: the
 * parse time of each, and main's event-loop delay meanwhile (perf_hooks monitorEventLoopDelay, 10 ms
 * resolution, started before the work), beside its delay while idle for as long (the machine's own
 * noise). In-process, the loop is blocked for the whole parse; with the worker it should stay near
 * the idle figure. The worker's entry is bundled with esbuild here, as electron-vite bundles it.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { parseOutcome } from '../src/main/services/import-service'
import { parseInWorker } from '../src/main/services/parse-worker'
import { taxonomyText } from './import.bench'
import { atMost, figureTable, ms, seededRandom, type BenchSection, type Figure } from './types'

const here = fileURLToPath(new URL('.', import.meta.url))

/** A cards CSV of about `bytes`: roles in 20 categories, each with a description of about 900 characters. */
function cardsCsv(bytes: number): { data: Uint8Array; cards: number } {
  const next = seededRandom(7)
  const words = 'plan deliver review service partner data budget policy team report citizen platform'.split(
    ' '
  )
  const rows = ['kind,category,title,description']
  let size = 0
  let cards = 0
  while (size < bytes) {
    const description = Array.from({ length: 130 }, () => words[Math.floor(next() * words.length)]).join(' ')
    const row = `role,Category ${cards % 20},Role ${cards},"${description}."`
    rows.push(row)
    size += row.length + 1
    cards++
  }
  return { data: new TextEncoder().encode(rows.join('\n')), cards }
}

/** Runs `work` with main's event-loop delay recorded; returns its time and the worst and p99 delay. */
async function measured(work: () => Promise<unknown>): Promise<{ time: number; max: number; p99: number }> {
  // The garbage of an earlier run is collected before, not during, this one (with node --expose-gc).
  ;(globalThis as { gc?: () => void }).gc?.()
  const histogram = monitorEventLoopDelay({ resolution: 10 })
  histogram.enable()
  // The monitor's first tick only starts its clock: let two pass before the work starts.
  await new Promise((done) => setTimeout(done, 25))
  const started = performance.now()
  await work()
  // Let the monitor's timer fire once after a blocking parse, so the block is recorded.
  const time = performance.now() - started
  await new Promise((done) => setTimeout(done, 25))
  histogram.disable()
  return { time, max: histogram.max / 1e6, p99: histogram.percentile(99) / 1e6 }
}

/** The median run of `runs` (after one warm-up), by time. */
async function medianRun(
  runs: number,
  work: () => Promise<unknown>
): Promise<{ time: number; max: number; p99: number }> {
  await measured(work)
  const results = []
  for (let i = 0; i < runs; i++) results.push(await measured(work))
  results.sort((a, b) => a.time - b.time)
  return results[Math.floor(results.length / 2)]
}

export async function run(): Promise<BenchSection> {
  const dir = await mkdtemp(join(tmpdir(), 'persona-planner-worker-bench-'))
  try {
    const workerPath = join(dir, 'parse-worker.cjs')
    await build({
      entryPoints: [resolve(here, '../src/main/parse-worker-entry.ts')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      outfile: workerPath,
      logLevel: 'warning'
    })
    const inputs: { label: string; name: string; data: Uint8Array }[] = [10, 40].map((mb) => {
      const { data, cards } = cardsCsv(mb * 1024 * 1024)
      return {
        label: `${mb} MB cards CSV, ${cards.toLocaleString('en-US')} cards`,
        name: `cards-${mb}mb.csv`,
        data
      }
    })
    inputs.push({
      label: '10 MB Markdown taxonomy',
      name: 'taxonomy-10mb.md',
      data: new TextEncoder().encode(taxonomyText(10 * 1024 * 1024))
    })
    const lines: string[] = []
    const figures: Figure[] = []
    for (const { label, name, data } of inputs) {
      let cards = 0
      const inProcess = await medianRun(3, async () => {
        const outcome = parseOutcome(data, name)
        if (!outcome.ok) throw new Error('in-process parse failed')
        cards = outcome.parsed.cards.length
      })
      let progressEvents = 0
      const inWorker = await medianRun(3, async () => {
        progressEvents = 0
        const result = await parseInWorker(
          { fileName: name, data },
          { workerPath, onProgress: () => progressEvents++ }
        )
        if (result.kind !== 'done' || !result.outcome.ok || result.outcome.parsed.cards.length !== cards)
          throw new Error('worker parse failed')
      })
      // The floor: main doing nothing for as long, on this (shared, loaded) machine.
      const idle = await medianRun(3, () => new Promise((done) => setTimeout(done, inWorker.time)))
      lines.push(
        `| ${label} | ${ms(inProcess.time)} | ${ms(inWorker.time)} | ${(inWorker.time / inProcess.time).toFixed(2)} × | ${ms(inProcess.max)} | ${ms(inWorker.max)} | ${ms(inWorker.p99)} | ${ms(idle.max)} | ${progressEvents} |`
      )
      if (name.endsWith('.md')) {
        figures.push({
          what: `main’s worst event-loop delay while the worker imports a ${label}`,
          value: inWorker.max,
          floor: { what: 'main idle as long', value: idle.max },
          goal: atMost(inWorker.max, 100)
        })
      }
    }
    return {
      title: 'Import parsing in a worker thread',
      body: [
        'A generated cards CSV (roles with 900-character descriptions) and a generated Markdown taxonomy (as in the Import section) parsed in main’s own thread (`parseOutcome`) and in the import worker (`parseInWorker`: a fresh worker thread, the bytes copied to it, the parsed file cloned back in pieces), in the same run (bench/import-worker.bench.ts); medians of 3 runs. Beside each, main’s event-loop delay meanwhile (`monitorEventLoopDelay`, 10 ms resolution), and, as its floor, main’s delay while it does nothing for as long (what the machine’s load alone costs). In its own thread the parse blocks main for its whole length; in the worker, main only handles the progress events and, at the end, takes the parsed file back (structured clones of 2,000 cards at a time, its event loop running between them). Goal: main’s worst delay during a worker parse under a quarter of the in-process one, and at most 100 ms for the Markdown taxonomy; the worker’s own start (about 0.2 s to load its bundle) is the price of that.',
        '',
        figureTable(figures),
        '',
        '| File | In-process | In the worker | Worker / in-process | Main’s worst delay, in-process | Main’s worst delay, worker | Main’s p99 delay, worker | Main’s worst delay, idle as long | Progress events |',
        '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
        ...lines
      ].join('\n'),
      figures
    }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
