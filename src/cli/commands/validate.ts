/**
 * `persona-planner validate <input...>`
 *
 * Reads every input as an import would and prints its diagnostics as `file:line: severity:
 * message` (GNU style), then one summary line per file. That report is the command's result, so it
 * goes to stdout and can be redirected. Exit 0 when every file is readable and has no error
 * (warnings allowed), 1 when one cannot be read or has errors, 2 on a usage error.
 */
import { parseArgs } from 'node:util'
import { FORMAT_NAMES } from '../../shared/formats'
import { plural } from '../../shared/text/plural'
import { readProfileFiles, type FileOutcome } from '../../main/services/import-service'
import { EXIT, parseCommandArgs, UsageError, userPath, type CliIo } from '../io'

export const VALIDATE_USAGE = 'Usage: persona-planner validate <input...>'

/**
 * Every diagnostic of every file, as `path:line: severity: message`, with the path as given, to
 * `write` (stderr for convert, whose stdout is the converted file; stdout for validate).
 */
export function printDiagnostics(
  outcomes: FileOutcome[],
  paths: string[],
  write: (text: string) => void
): void {
  outcomes.forEach((outcome, i) => {
    const path = paths[i]
    if (!outcome.ok) {
      write(`${path}: error: ${outcome.error.message}\n`)
      return
    }
    for (const d of outcome.parsed.diagnostics) {
      write(`${path}${d.line === null ? '' : `:${d.line}`}: ${d.severity}: ${d.message}\n`)
    }
  })
}

const hasErrors = (outcome: FileOutcome): boolean =>
  !outcome.ok || outcome.parsed.diagnostics.some((d) => d.severity === 'error')

function summary(outcome: FileOutcome, path: string): string {
  if (!outcome.ok) return `${path}: unreadable`
  const { parsed } = outcome
  const roles = parsed.cards.filter((c) => c.kind === 'role').length
  const personas = parsed.cards.length - roles
  const severities = (severity: string): number =>
    parsed.diagnostics.filter((d) => d.severity === severity).length
  return [
    `${path}: ${FORMAT_NAMES[parsed.format]}`,
    plural(parsed.categories.length, 'category', 'categories'),
    plural(roles, 'role'),
    plural(personas, 'persona'),
    `${plural(parsed.capabilities.length, 'capability', 'capabilities')}; ${plural(severities('error'), 'error')}`,
    plural(severities('warning'), 'warning')
  ].join(', ')
}

function parseValidateArgs(args: string[]): { inputs: string[] } | 'help' {
  const parsed = parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: { help: { type: 'boolean', short: 'h' } }
  })
  if (parsed.values.help) return 'help'
  if (parsed.positionals.length === 0) throw new UsageError('Name at least one file to validate.')
  return { inputs: parsed.positionals }
}

export async function validate(args: string[], io: CliIo): Promise<number> {
  const options = parseCommandArgs('validate', VALIDATE_USAGE, () => parseValidateArgs(args), io)
  if (typeof options === 'number') return options
  const { inputs } = options
  const outcomes = await readProfileFiles(inputs.map((input) => userPath(io, input)))
  printDiagnostics(outcomes, inputs, io.stdout)
  outcomes.forEach((outcome, i) => io.stdout(`${summary(outcome, inputs[i])}\n`))
  return outcomes.some(hasErrors) ? EXIT.failed : EXIT.ok
}
