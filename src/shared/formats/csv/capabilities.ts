/** The capabilities CSV: `name,description,state,horizon,owner`, one row per capability. */
import { newCapability } from '../../model/defaults'
import {
  CAPABILITY_STATES,
  HORIZONS,
  type Capability,
  type CapabilityState,
  type Horizon,
  type Workspace
} from '../../model/schema'
import { collapseSpaces } from '../../text/normalize'
import type { ParseContext } from '../context'
import { textCell } from './cards'
import { readTable, unguardFormula, writeCsv } from './table'

const CAPABILITY_COLUMNS = ['name', 'description', 'state', 'horizon', 'owner'] as const

const word = (cell: string): string =>
  collapseSpaces(cell)
    .toLowerCase()
    .replace(/[\s_]+/g, '-')

/** "in place", "In-Place", "in_place" → in-place; null for anything else. */
function readState(cell: string): CapabilityState | null {
  const w = word(cell)
  return (CAPABILITY_STATES as readonly string[]).includes(w) ? (w as CapabilityState) : null // checked just before
}

/** "now", "medium", "Medium term", "long-term" → the horizon; null for anything else. */
export function readHorizon(cell: string): Horizon | null {
  const w = word(cell).replace(/-term$/, '')
  return (HORIZONS as readonly string[]).includes(w) ? (w as Horizon) : null // checked just before
}

export function parseCapabilitiesCsv(text: string, ctx: ParseContext): Capability[] {
  const table = readTable(text, ctx)
  if (table === null) return []
  const index = new Map(table.header.map((name, i) => [name, i]))
  if (!index.has('name')) {
    ctx.error(table.headerLine, `The header has no “name” column (expected ${CAPABILITY_COLUMNS.join(',')}).`)
    return []
  }
  const capabilities: Capability[] = []
  for (const [rowIndex, row] of table.rows.entries()) {
    ctx.progress(0.5 + rowIndex / table.rows.length / 2)
    const cell = (name: string): string => {
      const i = index.get(name)
      return i === undefined ? '' : unguardFormula(row.cells[i] ?? '')
    }
    const name = collapseSpaces(cell('name'))
    if (name === '') {
      ctx.warn(row.line, 'This row has no capability name; it was skipped.')
      continue
    }
    const stateCell = cell('state')
    let state = readState(stateCell)
    if (state === null) {
      if (stateCell.trim() !== '') {
        ctx.warn(
          row.line,
          `Unknown state “${collapseSpaces(stateCell)}” (use ${CAPABILITY_STATES.join(', ')}); “${name}” is marked absent.`
        )
      }
      state = 'absent'
    }
    const horizonCell = cell('horizon')
    const horizon = readHorizon(horizonCell)
    if (horizon === null && horizonCell.trim() !== '') {
      ctx.warn(
        row.line,
        `Unknown horizon “${collapseSpaces(horizonCell)}” (use ${HORIZONS.join(', ')}); it was left empty.`
      )
    }
    ctx.created('capabilities', row.line)
    capabilities.push(
      newCapability({
        id: ctx.newId(),
        name,
        description: textCell(cell('description')),
        state,
        horizon,
        owner: collapseSpaces(cell('owner'))
      })
    )
  }
  return capabilities
}

export function serializeCapabilitiesCsv(workspace: Workspace): string {
  return writeCsv(
    CAPABILITY_COLUMNS,
    workspace.capabilities.map((c) => [
      collapseSpaces(c.name),
      c.description,
      c.state,
      c.horizon ?? '',
      collapseSpaces(c.owner)
    ])
  )
}
