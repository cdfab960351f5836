/**
 * The needs CSV: `persona,need,kind,priority,horizon,capabilities`, one row per need, the
 * capabilities cell one name per line. It reads into persona cards (title = persona) holding those
 * needs, and capabilities for the names (absent, as nothing more is known), so that a merge import
 * attaches the needs to the personas already in the workspace.
 *
 * A kind, priority or horizon the file does not say stays unset (null): an empty cell (or one that
 * says "not set", as the gap report's CSV writes it) reads as unset without a word; an unknown
 * value warns with its line and stays unset, never a default. Export writes an empty cell for unset.
 */
import { newCapability, newNeed, newPersona } from '../../model/defaults'
import {
  HORIZONS,
  NEED_KINDS,
  PRIORITIES,
  type Capability,
  type NeedKind,
  type PersonaCard,
  type Priority,
  type Workspace
} from '../../model/schema'
import { collapseSpaces, normalizeTitle } from '../../text/normalize'
import type { ParseContext } from '../context'
import { readHorizon } from './capabilities'
import { boardOrder, textCell } from './cards'
import { readTable, unguardFormula, writeCsv } from './table'

const NEED_COLUMNS = ['persona', 'need', 'kind', 'priority', 'horizon', 'capabilities'] as const

export interface NeedsResult {
  cards: PersonaCard[]
  capabilities: Capability[]
}

function readKind(cell: string): NeedKind | null {
  const w = collapseSpaces(cell).toLowerCase()
  return (NEED_KINDS as readonly string[]).includes(w) ? (w as NeedKind) : null // checked just before
}

function readPriority(cell: string): Priority | null {
  const w = collapseSpaces(cell).toLowerCase()
  return (PRIORITIES as readonly string[]).includes(w) ? (w as Priority) : null // checked just before
}

/** An empty cell, or one saying "not set": the value is not set, and that is no error. */
const isUnset = (cell: string): boolean => {
  const w = collapseSpaces(cell).toLowerCase()
  return w === '' || w === 'not set'
}

export function parseNeedsCsv(text: string, ctx: ParseContext): NeedsResult {
  const table = readTable(text, ctx)
  const cards: PersonaCard[] = []
  const capabilities: Capability[] = []
  if (table === null) return { cards, capabilities }
  const index = new Map(table.header.map((name, i) => [name, i]))
  const missing = ['persona', 'need'].filter((c) => !index.has(c))
  if (missing.length > 0) {
    ctx.error(
      table.headerLine,
      `The header has no ${missing.map((c) => `“${c}”`).join(' or ')} column (expected ${NEED_COLUMNS.join(',')}).`
    )
    return { cards, capabilities }
  }
  const personas = new Map<string, PersonaCard>()
  const capabilityByName = new Map<string, Capability>()
  for (const [rowIndex, row] of table.rows.entries()) {
    ctx.progress(0.5 + rowIndex / table.rows.length / 2)
    const cell = (name: string): string => {
      const i = index.get(name)
      return i === undefined ? '' : unguardFormula(row.cells[i] ?? '')
    }
    const title = collapseSpaces(cell('persona'))
    const text = textCell(cell('need'))
    if (title === '' || text === '') {
      ctx.warn(
        row.line,
        title === ''
          ? 'This row names no persona; it was skipped.'
          : 'This row has no need text; it was skipped.'
      )
      continue
    }
    let persona = personas.get(normalizeTitle(title))
    if (persona === undefined) {
      ctx.created('cards', row.line)
      persona = newPersona({
        id: ctx.newId(),
        title,
        order: cards.length,
        tags: [],
        links: [],
        provenance: { source: ctx.fileName, line: row.line }
      })
      personas.set(normalizeTitle(title), persona)
      cards.push(persona)
    }
    /** The cell's value; null (not set) for an empty cell, and for an unknown one after a warning. */
    const choose = <T>(
      column: string,
      read: (c: string) => T | null,
      allowed: readonly string[]
    ): T | null => {
      const raw = cell(column)
      const value = read(raw)
      if (value !== null || isUnset(raw)) return value
      ctx.warn(
        row.line,
        `Unknown ${column} “${collapseSpaces(raw)}” (use ${allowed.join(', ')}, or leave the cell empty); it was left not set.`
      )
      return null
    }
    const capabilityIds: string[] = []
    for (const rawName of cell('capabilities').split('\n')) {
      const name = collapseSpaces(rawName)
      if (name === '') continue
      let capability = capabilityByName.get(normalizeTitle(name))
      if (capability === undefined) {
        ctx.created('capabilities', row.line)
        capability = newCapability({ id: ctx.newId(), name })
        capabilityByName.set(normalizeTitle(name), capability)
        capabilities.push(capability)
      }
      if (!capabilityIds.includes(capability.id)) capabilityIds.push(capability.id)
    }
    ctx.created('items', row.line)
    persona.needs.push(
      newNeed({
        id: ctx.newId(),
        text,
        kind: choose('kind', readKind, NEED_KINDS),
        priority: choose('priority', readPriority, PRIORITIES),
        horizon: choose('horizon', readHorizon, HORIZONS),
        capabilityIds
      })
    )
  }
  return { cards, capabilities }
}

export function serializeNeedsCsv(workspace: Workspace): string {
  const names = new Map(workspace.capabilities.map((c) => [c.id, collapseSpaces(c.name)]))
  const rows: string[][] = []
  for (const { card } of boardOrder(workspace)) {
    if (card.kind !== 'persona') continue
    for (const need of card.needs) {
      rows.push([
        collapseSpaces(card.title),
        need.text,
        need.kind ?? '',
        need.priority ?? '',
        need.horizon ?? '',
        need.capabilityIds.flatMap((id) => names.get(id) ?? []).join('\n')
      ])
    }
  }
  return writeCsv(NEED_COLUMNS, rows)
}
