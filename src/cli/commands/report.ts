/**
 * `persona-planner report <workspace.json> --format md|html|csv [--horizon now|medium|long] [--out FILE]`
 *
 * Reads a workspace JSON document and writes its gap report to stdout (the report and nothing
 * else) or to FILE. Exit 1 when the workspace cannot be read or is not a valid workspace, or the
 * output cannot be written; exit 2 on a usage error. The report's date is now, or
 * SOURCE_DATE_EPOCH (seconds) when that is set, for reproducible output.
 */
import { promises as fs } from 'node:fs'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { TEXT_REPORT_FORMATS, type TextReportFormat } from '../../shared/analysis'
import { decodeText, detectFormat, FORMAT_NAMES, ImportError } from '../../shared/formats'
import { ParseContext } from '../../shared/formats/context'
import { readWorkspaceJson } from '../../shared/formats/json'
import { HORIZONS, type Horizon, type Workspace } from '../../shared/model/schema'
import { plural } from '../../shared/text/plural'
import { renderReport, writeReport } from '../../main/services/report-service'
import { EXIT, parseCommandArgs, UsageError, userPath, type CliIo } from '../io'

export const REPORT_USAGE =
  'Usage: persona-planner report <workspace.json> --format md|html|csv [--horizon now|medium|long] [--out FILE]'

interface ReportArgs {
  file: string
  format: TextReportFormat
  horizon: Horizon
  out: string | null
}

const isOneOf = <T extends string>(list: readonly T[], value: string): value is T =>
  (list as readonly string[]).includes(value)

function parseReportArgs(args: string[]): ReportArgs | 'help' {
  const parsed = parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: {
      format: { type: 'string', short: 'f' },
      horizon: { type: 'string' },
      out: { type: 'string', short: 'o' },
      help: { type: 'boolean', short: 'h' }
    }
  })
  const { values, positionals } = parsed
  if (values.help) return 'help'
  if (positionals.length === 0) throw new UsageError('Name the workspace JSON file to report on.')
  if (positionals.length > 1) throw new UsageError(`Unexpected argument “${positionals[1]}”.`)
  const format = values.format
  if (format === undefined) throw new UsageError('Choose a format with --format md, html or csv.')
  if (format === 'pdf') {
    throw new UsageError('The PDF report is made by the desktop app; use --format html and print it.')
  }
  if (!isOneOf(TEXT_REPORT_FORMATS, format)) {
    throw new UsageError(`Unknown format “${format}”: use md, html or csv.`)
  }
  const horizon = values.horizon ?? 'now'
  if (!isOneOf(HORIZONS, horizon)) {
    throw new UsageError(`Unknown horizon “${horizon}”: use now, medium or long.`)
  }
  const file = positionals[0]
  const out = values.out ?? null
  if (out !== null && resolve(out) === resolve(file)) {
    throw new UsageError('--out names the workspace file itself; choose another file for the report.')
  }
  return { file, format, horizon, out }
}

const FS_ERRORS: Record<string, string> = {
  ENOENT: 'the file or folder does not exist',
  EACCES: 'permission was denied',
  EPERM: 'the operation was not permitted',
  EISDIR: 'the path is a folder',
  ENOTDIR: 'a part of the path is not a folder',
  ENOSPC: 'the disk is full',
  EROFS: 'the disk is read-only'
}

function describe(error: unknown): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : null
  if (typeof code === 'string') return `${FS_ERRORS[code] ?? 'the file system reported an error'} (${code})`
  return error instanceof Error ? error.message : String(error)
}

/**
 * Reads the workspace as the importer and the store do (readWorkspaceJson). On failure, writes why
 * to stderr in one line (a file that is not a workspace says so; an invalid one names its first
 * error with line and column) and returns null.
 */
async function readWorkspace(file: string, io: CliIo): Promise<Workspace | null> {
  let text: string
  try {
    text = decodeText(await fs.readFile(userPath(io, file)), file)
  } catch (error) {
    const why = error instanceof ImportError ? error.message : describe(error)
    io.stderr(`report: cannot read ${file}: ${why}\n`)
    return null
  }
  const clean = text.replace(/\r\n?/g, '\n')
  const format = detectFormat(clean, file)
  if (format !== 'json') {
    io.stderr(
      `report: ${file} is not a workspace: it reads as ${FORMAT_NAMES[format]}. Make one with “persona-planner convert ${file} --to json --out workspace.json”.\n`
    )
    return null
  }
  const ctx = new ParseContext(file)
  const read = readWorkspaceJson(clean, ctx, { refuseDeepNesting: true })
  if (read.kind === 'ok') return read.workspace
  const errors = ctx.finish().filter((d) => d.severity === 'error')
  // A schema failure is a heading, then one error per field: name the first field.
  const fields = errors.length > 1 ? errors.slice(1) : errors
  const first = fields[0]?.message ?? 'It is not a workspace.'
  const more = fields.length - 1
  io.stderr(
    more === 0
      ? `report: ${file} is not a valid workspace: ${first}\n`
      : `report: ${file} is not a valid workspace: ${first} ${plural(more, 'more error')}: “persona-planner validate ${file}” lists them.\n`
  )
  return null
}

function generatedAt(): string {
  const epoch = Number(process.env.SOURCE_DATE_EPOCH)
  return process.env.SOURCE_DATE_EPOCH && Number.isFinite(epoch)
    ? new Date(epoch * 1000).toISOString()
    : new Date().toISOString()
}

export async function report(args: string[], io: CliIo): Promise<number> {
  const options = parseCommandArgs('report', REPORT_USAGE, () => parseReportArgs(args), io)
  if (typeof options === 'number') return options

  const workspace = await readWorkspace(options.file, io)
  if (workspace === null) return EXIT.failed

  const reportOptions = { generatedAt: generatedAt() }
  if (options.out === null) {
    io.stdout(renderReport(workspace, options.format, options.horizon, reportOptions))
    return EXIT.ok
  }
  try {
    const saved = await writeReport(
      workspace,
      options.format,
      options.horizon,
      userPath(io, options.out),
      reportOptions
    )
    io.stderr(`report: wrote ${saved.path} (${saved.bytes} bytes)\n`)
    return EXIT.ok
  } catch (error) {
    io.stderr(`report: cannot write ${options.out}: ${describe(error)}\n`)
    return EXIT.failed
  }
}
