/**
 * The persona-planner command line: the app's import, export and report services without
 * Electron. `main` is what tests call in-process; the process exit code is set only when this
 * file is the entry module (`npx tsx src/cli/index.ts`, or the built out/cli/index.js).
 */
import { realpathSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { FORMATS } from '../shared/formats/registry'
import { CONVERT_USAGE, convert } from './commands/convert'
import { REPORT_USAGE, report } from './commands/report'
import { VALIDATE_USAGE, validate } from './commands/validate'
import { EXIT, type CliIo } from './io'

export const USAGE = [
  'Usage: persona-planner <command> [options]',
  '',
  'Commands:',
  `  ${CONVERT_USAGE.replace('Usage: persona-planner ', '')}`,
  '      Convert profile files (taxonomy or persona Markdown, CSV, workspace JSON) into one workspace in another format.',
  '      What the format cannot hold of that workspace is listed on stderr first.',
  `  ${VALIDATE_USAGE.replace('Usage: persona-planner ', '')}`,
  '      Print the diagnostics of each file and a summary (to stdout); exit 1 when a file cannot be read or has errors.',
  `  ${REPORT_USAGE.replace('Usage: persona-planner ', '')}`,
  '      Write the gap report of a workspace.',
  '',
  'Formats (any is read; --to writes one):',
  ...FORMATS.map((f) => `  ${f.id.padEnd(18)}${f.label}. ${f.help}`),
  '',
  'Results go to stdout (or --out FILE); messages go to stderr. Relative paths are read from the folder you ran the command in.',
  'Exit codes: 0 ok, 1 a file could not be read or written (or, for validate, has errors), 2 usage error.',
  'See docs/FORMATS.md for the formats.'
].join('\n')

const COMMANDS: Record<string, (args: string[], io: CliIo) => Promise<number>> = { convert, validate, report }

export async function main(argv: string[], io: CliIo): Promise<number> {
  const [command, ...args] = argv
  if (command === '--help' || command === '-h' || command === 'help') {
    io.stdout(`${USAGE}\n`)
    return EXIT.ok
  }
  if (command === undefined) {
    io.stderr(`${USAGE}\n`)
    return EXIT.usage
  }
  const run = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined
  if (run === undefined) {
    io.stderr(`persona-planner: unknown command “${command}”.\n${USAGE}\n`)
    return EXIT.usage
  }
  return run(args, io)
}

function isEntryModule(): boolean {
  const entry = process.argv[1]
  if (entry === undefined) return false
  try {
    return realpathSync(entry) === realpathSync(fileURLToPath(import.meta.url))
  } catch {
    return false
  }
}

/**
 * The folder the user ran the command in. `npm run cli` runs in the project's folder and keeps the
 * user's own in INIT_CWD; anywhere else INIT_CWD may belong to an unrelated npm script, so it
 * counts only for our own `cli` script.
 */
export function invocationDir(env: NodeJS.ProcessEnv, cwd: string): string {
  return env.npm_lifecycle_event === 'cli' && env.INIT_CWD ? env.INIT_CWD : cwd
}

if (isEntryModule()) {
  const io: CliIo = {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    cwd: invocationDir(process.env, process.cwd())
  }
  main(process.argv.slice(2), io).then(
    (code) => {
      // exitCode rather than exit(): a large result piped to another program is flushed first.
      process.exitCode = code
    },
    (error: unknown) => {
      process.stderr.write(`persona-planner: ${error instanceof Error ? error.message : String(error)}\n`)
      process.exitCode = EXIT.failed
    }
  )
}
