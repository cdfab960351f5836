/**
 * The fuzz profile: the importer fuzz properties at FUZZ_RUNS (default 10,000) cases each, in a
 * child Vitest run, reporting how many cases ran and whether any failed.
 */
import { spawnSync } from 'node:child_process'
import { readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { BenchSection } from './types'

const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000)

interface VitestReport {
  numTotalTests: number
  numPassedTests: number
  numFailedTests: number
  testResults: { assertionResults: { title: string; status: string; duration: number }[] }[]
}

export async function run(): Promise<BenchSection> {
  const out = join(tmpdir(), `pp-fuzz-${process.pid}.json`)
  const started = performance.now()
  const child = spawnSync(
    'npx',
    [
      'vitest',
      'run',
      'tests/unit/shared/formats/fuzz.test.ts',
      '--reporter=json',
      `--outputFile=${out}`,
      '--testTimeout=3600000'
    ],
    {
      env: { ...process.env, FUZZ_RUNS: String(RUNS) },
      encoding: 'utf8',
      shell: process.platform === 'win32'
    }
  )
  const seconds = (performance.now() - started) / 1000
  const report = JSON.parse(readFileSync(out, 'utf8')) as VitestReport
  rmSync(out, { force: true })
  if (child.status !== 0) process.stderr.write(child.stdout + child.stderr)
  const rows = report.testResults
    .flatMap((file) => file.assertionResults)
    .map(
      (t) =>
        `| ${t.title.replace(/\|/g, '\\|').slice(0, 90)} | ${t.status} | ${(t.duration / 1000).toFixed(1)} s |`
    )
  return {
    title: 'Importer fuzzing',
    body: [
      `\`tests/unit/shared/formats/fuzz.test.ts\` with FUZZ_RUNS=${RUNS} (fast-check cases per property; \`npm test\` runs 200): ${report.numPassedTests} of ${report.numTotalTests} passed, ${report.numFailedTests} failed, in ${seconds.toFixed(0)} s. A pass means no importer threw or hung on any case: every problem became a diagnostic.`,
      '',
      '| Property or pathological input | Result | Time |',
      '| --- | --- | ---: |',
      ...rows
    ].join('\n')
  }
}
