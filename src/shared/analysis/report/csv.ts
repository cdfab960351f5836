/**
 * The gap report as CSV for spreadsheets: one row per need, statuses at all three horizons, values
 * as the data has them ('gap', 'must'; an unset kind, priority or horizon is 'not set'). Not a backend of the report's document: a spreadsheet wants
 * this one flat table, with no limits, rather than the document's sections at one horizon.
 */
import Papa from 'papaparse'
import { HORIZONS } from '../../model/schema'
import { HORIZON_LABEL, NOT_SET_LABEL } from './common'
import type { ReportData } from './common'

export const CSV_HEADER = [
  'Category',
  'Persona',
  'Need',
  'Kind',
  'Priority',
  'Horizon',
  'Capabilities',
  ...HORIZONS.map((h) => `Status ${HORIZON_LABEL[h].toLowerCase()}`),
  'Overridden',
  'Rationale'
]

/**
 * Cells a spreadsheet would run as a formula are prefixed with `'` (and quoted). papaparse's own
 * `escapeFormulae: true` uses /^[=+\-@\t\r].*$/, which misses a multi-line cell that starts with
 * `=` because `.` stops at the first line break; this pattern tests the start only: =, +, -, @,
 * tab or CR first, or =, +, -, @ after spaces, tabs, CRs and LFs (as `guardFormula` does).
 */
export const FORMULA_START = /^(?:[=+\-@\t\r]|[ \t\r\n]+[=+\-@])/

/** A need's kind, priority or horizon that is not set, in the lower case of the other values. */
const NOT_SET = NOT_SET_LABEL.toLowerCase()

/** Separator between the names of a need's capabilities. */
const LIST_SEPARATOR = '; '

export function renderCsvReport(data: ReportData): string {
  const rows = data.analysis.needs.map((n) => [
    n.categoryName,
    n.personaTitle,
    n.text,
    n.kind ?? NOT_SET,
    n.priority ?? NOT_SET,
    n.horizon ?? NOT_SET,
    n.capabilityIds.map((id) => data.capabilityNames.get(id) ?? id).join(LIST_SEPARATOR),
    ...HORIZONS.map((h) => n.byHorizon[h].status),
    n.coverage.overridden ? 'yes' : 'no',
    n.coverage.rationale ?? ''
  ])
  return `${Papa.unparse({ fields: CSV_HEADER, data: rows }, { escapeFormulae: FORMULA_START, newline: '\r\n' })}\r\n`
}
