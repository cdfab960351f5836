/**
 * Every file format, in one list. The IPC contract's format enum, detection, the import and export
 * services, the CLI's --to list, the export dialog and docs/FORMATS.md's tables come from it: a new
 * format is its descriptor (types.ts, FormatDescriptor) and one line here.
 */
import { csvCapabilitiesFormat } from './descriptors/csv-capabilities'
import { csvCardsFormat } from './descriptors/csv-cards'
import { csvNeedsFormat } from './descriptors/csv-needs'
import { jsonFormat } from './descriptors/json'
import { mdPersonasFormat } from './descriptors/md-personas'
import { mdTaxonomyFormat } from './descriptors/md-taxonomy'

/** In the order the export dialog and the CLI list them. */
export const FORMATS = [
  jsonFormat,
  mdTaxonomyFormat,
  mdPersonasFormat,
  csvCardsFormat,
  csvCapabilitiesFormat,
  csvNeedsFormat
] as const

export type Format = (typeof FORMATS)[number]
export type FormatId = Format['id']

/** The ids, in registry order: every format reads and writes, so these are also the export formats. */
export const FORMAT_IDS = FORMATS.map((f) => f.id) as readonly FormatId[] as readonly [
  FormatId,
  ...FormatId[]
] // FORMATS is a non-empty tuple

export const isFormatId = (value: string): value is FormatId => FORMATS.some((f) => f.id === value)

/** The format of an id; also takes an alias ('csv' for 'csv-cards'). Undefined for anything else. */
export const findFormat = (idOrAlias: string): Format | undefined =>
  FORMATS.find((f) => f.id === idOrAlias) ?? FORMATS.find((f) => f.aliases.includes(idOrAlias))

/** The format of an id. */
export function formatOf(id: FormatId): Format {
  const format = findFormat(id)
  if (format === undefined) throw new Error(`No format “${id}” in the registry.`) // FormatId makes this unreachable
  return format
}
