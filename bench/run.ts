/**
 * `npm run bench`: runs every bench/*.bench.ts module (each exports `run(): Promise<BenchSection>`)
 * and writes their sections to docs/BENCHMARKS.md. `npm run bench -- import` runs only modules
 * whose file name contains "import", and writes nothing.
 *
 * The browser benches serve the renderer in PP_RENDERER_DIR; unless it is set, the renderer is
 * built first, from the sources as they are, into a temporary folder.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { figureTable, type BenchSection } from './types'

const here = dirname(fileURLToPath(import.meta.url))
const filter = process.argv[2] ?? ''
const modules = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts') && f.includes(filter))
  .sort()

let builtRenderer: string | null = null
if (!process.env.PP_RENDERER_DIR) {
  builtRenderer = mkdtempSync(join(tmpdir(), 'pp-bench-renderer-'))
  process.stderr.write(`bench: building the renderer into ${builtRenderer}\n`)
  execFileSync('npx', ['vite', 'build', '--config', 'vite.renderer.config.ts', '--outDir', builtRenderer], {
    stdio: 'ignore'
  })
  process.env.PP_RENDERER_DIR = builtRenderer
}

const sections: BenchSection[] = []
for (const file of modules) {
  process.stderr.write(`bench: ${file}\n`)
  const mod = (await import(pathToFileURL(join(here, file)).href)) as { run: () => Promise<BenchSection> }
  const section = await mod.run()
  process.stderr.write(`${section.body}\n\n`)
  sections.push(section)
}

if (filter === '') {
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}, ${process.platform}`
  const doc = [
    '# Benchmarks',
    '',
    `Written by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)} (${machine}). Generated: do not edit by hand, rerun the bench. Each figure stands beside its floor, the same work done the simplest way, measured in the same run.`,
    '',
    '## Goals',
    '',
    'Every figure that answers to a goal, from the sections below.',
    '',
    figureTable(
      sections.flatMap((s) =>
        (s.figures ?? []).filter((f) => f.goal).map((f) => ({ ...f, what: `${s.title}: ${f.what}` }))
      )
    ),
    '',
    ...sections.flatMap((s) => [`## ${s.title}`, '', s.body, ''])
  ].join('\n')
  writeFileSync(join(here, '..', 'docs', 'BENCHMARKS.md'), doc)
  process.stderr.write('bench: wrote docs/BENCHMARKS.md\n')
}

if (builtRenderer) rmSync(builtRenderer, { recursive: true, force: true })
