/**
 * `persona-planner convert <input...> --to <format> [--out FILE]`, the formats being the
 * registry's (src/shared/formats/registry.ts; `csv` is still taken for `csv-cards`).
 *
 * Reads every input (any import format, detected from the content), adds them all into one new
 * workspace (as the app's "add" import does) and writes it in the chosen format: to FILE, or to
 * stdout with nothing else on it. Diagnostics, and what the format cannot hold of this workspace,
 * go to stderr. Exit 1 when an input cannot be read (nothing is written then) or the output cannot
 * be written; exit 2 on a usage error.
 */
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { applyCommand } from '../../shared/commands/apply'
import { exportLosses, findFormat, formatOf, lossesHeading, serialize } from '../../shared/formats'
import { EXPORT_FORMATS, type ExportFormat } from '../../shared/ipc/contract'
import { emptyWorkspace } from '../../shared/model/defaults'
import type { Workspace } from '../../shared/model/schema'
import { describeFsError } from '../../main/services/fs-port'
import { exportToPath } from '../../main/services/export-service'
import {
  importCommand,
  isRefused,
  outcomeFileName,
  readProfileFiles,
  type FileOutcome
} from '../../main/services/import-service'
import { EXIT, parseCommandArgs, UsageError, userPath, type CliIo } from '../io'
import { printDiagnostics } from './validate'

export const CONVERT_USAGE = `Usage: persona-planner convert <input...> --to ${EXPORT_FORMATS.join('|')} [--out FILE]`

interface ConvertArgs {
  inputs: string[]
  to: ExportFormat
  out: string | null
}

function parseConvertArgs(args: string[]): ConvertArgs | 'help' {
  const parsed = parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: {
      to: { type: 'string', short: 't' },
      out: { type: 'string', short: 'o' },
      help: { type: 'boolean', short: 'h' }
    }
  })
  const { values, positionals } = parsed
  if (values.help) return 'help'
  if (positionals.length === 0) throw new UsageError('Name at least one file to convert.')
  const to = values.to
  if (to === undefined)
    throw new UsageError(`Choose an output format with --to (${EXPORT_FORMATS.join(', ')}).`)
  const format = findFormat(to)
  if (format === undefined) throw new UsageError(`Unknown format “${to}”: use ${EXPORT_FORMATS.join(', ')}.`)
  const out = values.out ?? null
  if (out !== null && positionals.some((p) => resolve(p) === resolve(out))) {
    throw new UsageError('--out names one of the input files; choose another file for the result.')
  }
  return { inputs: positionals, to: format.id, out }
}

/** A workspace holding every readable input, added in order; named after the first input with a title (or name). */
function combine(outcomes: FileOutcome[], now: string): Workspace {
  const workspace = emptyWorkspace(now)
  for (const outcome of outcomes) {
    if (!outcome.ok) continue
    const { title, name } = outcome.parsed.metadata
    const candidate = typeof title === 'string' ? title : typeof name === 'string' ? name : ''
    if (candidate.trim() !== '') {
      workspace.name = candidate.trim().slice(0, 200)
      break
    }
  }
  return applyCommand(workspace, importCommand(outcomes, 'add', now), now).next
}

/** What the format cannot hold of this workspace, one sentence a line, before anything is written. */
function printLosses(workspace: Workspace, format: ExportFormat, write: (text: string) => void): void {
  const losses = exportLosses(workspace, format)
  if (losses.length === 0) return
  const lines = [lossesHeading(formatOf(format).label), ...losses.map((l) => `  ${l.message}`)]
  write(lines.map((line) => `convert: ${line}\n`).join(''))
}

/** "a.json", "a.json and b.md", "a.json, b.md and c.csv". */
const listNames = (names: string[]): string =>
  names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`

export async function convert(args: string[], io: CliIo): Promise<number> {
  const options = parseCommandArgs('convert', CONVERT_USAGE, () => parseConvertArgs(args), io)
  if (typeof options === 'number') return options

  const outcomes = await readProfileFiles(options.inputs.map((input) => userPath(io, input)))
  printDiagnostics(outcomes, options.inputs, io.stderr)
  const refused = outcomes.filter(isRefused).map(outcomeFileName)
  if (refused.length > 0) {
    io.stderr(`convert: nothing was written because ${listNames(refused)} could not be read.\n`)
    return EXIT.failed
  }
  const workspace = combine(outcomes, new Date().toISOString())
  printLosses(workspace, options.to, io.stderr)
  if (options.out === null) {
    io.stdout(serialize(workspace, options.to))
    return EXIT.ok
  }
  try {
    const saved = await exportToPath(workspace, options.to, userPath(io, options.out))
    io.stderr(`convert: wrote ${saved.path} (${saved.bytes} bytes)\n`)
    return EXIT.ok
  } catch (error) {
    io.stderr(`convert: cannot write ${options.out}: ${describeFsError(error)}\n`)
    return EXIT.failed
  }
}
