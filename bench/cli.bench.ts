/**
 * Start-up of the command line: the built CLI (out/cli/index.js, built here into a temporary
 * folder) and `npm run cli`'s way (tsx compiling the sources), each printing its help, beside a
 * bare `node -e ""` in the same run. `npx tsx bench/run.ts cli` runs only this.
 */
import { execFileSync } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { atMost, figureTable, median, type BenchSection, type Figure } from './types'

const RUNS = 7

export async function run(): Promise<BenchSection> {
  const outDir = await mkdtemp(join(tmpdir(), 'pp-bench-cli-'))
  try {
    execFileSync('npx', ['vite', 'build', '--config', 'vite.cli.config.ts', '--outDir', outDir], {
      stdio: 'ignore'
    })
    const node = (args: string[]) => () => execFileSync(process.execPath, args, { stdio: 'ignore' })
    const bare = await median(node(['-e', '']), RUNS)
    const built = await median(node([join(outDir, 'index.js'), '--help']), RUNS)
    const tsx = await median(node(['--import', 'tsx', 'src/cli/index.ts', '--help']), RUNS)
    const floor = { what: 'node -e ""', value: bare }
    const figures: Figure[] = [
      { what: 'built CLI (`node out/cli/index.js --help`)', value: built, floor, goal: atMost(built, 300) },
      { what: 'sources through tsx (`npm run cli -- --help`, without npm)', value: tsx, floor }
    ]
    return {
      title: 'Command line: start-up',
      body: [
        `Wall time of a child process printing the help, median of ${RUNS} runs after a warm-up. The built CLI is the ` +
          'way the README gives for everyday use; tsx compiles the sources on every start, for development.',
        '',
        figureTable(figures)
      ].join('\n'),
      figures
    }
  } finally {
    await rm(outDir, { recursive: true, force: true })
  }
}
