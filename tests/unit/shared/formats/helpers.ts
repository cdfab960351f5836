/** Shared test helpers for the formats: fixtures, encodings, deterministic ids, projections per export shape. */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { expect } from 'vitest'
import { applyCommand } from '../../../../src/shared/commands/apply'
import { parseProfileText, serialize, type ParsedFile } from '../../../../src/shared/formats'
import type { ExportFormat } from '../../../../src/shared/ipc/contract'
import { emptyWorkspace } from '../../../../src/shared/model/defaults'
import type { Card, ListItem, PersonaCard, RoleCard, Workspace } from '../../../../src/shared/model/schema'
import { collapseSpaces } from '../../../../src/shared/text/normalize'

export const REPO_ROOT = fileURLToPath(new URL('../../../..', import.meta.url))
export const FIXTURES = resolve(REPO_ROOT, 'tests/fixtures/formats')
/** Our own documents in the shape of the GovStack taxonomy and the ESDC persona page (the seeds). */
export const TAXONOMY = 'govstack-like-taxonomy.md'
export const PERSONAS = 'esdc-like-personas.md'
export const FIXED_TIME = '2026-01-15T09:30:00.000Z'

export const readFixture = (name: string): string => readFileSync(resolve(FIXTURES, name), 'utf8')

/** Ids id-1, id-2 ... so two parses of the same content compare equal. */
export function sequentialIds(prefix = 'id'): () => string {
  let n = 0
  return () => `${prefix}-${++n}`
}

export const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text)
export const utf8Bom = (text: string): Uint8Array => new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)])

export function utf16(text: string, endian: 'le' | 'be', bom = true): Uint8Array {
  const out = new Uint8Array((bom ? 2 : 0) + text.length * 2)
  let i = 0
  if (bom) {
    out[i++] = endian === 'le' ? 0xff : 0xfe
    out[i++] = endian === 'le' ? 0xfe : 0xff
  }
  for (let k = 0; k < text.length; k++) {
    const code = text.charCodeAt(k)
    out[i++] = endian === 'le' ? code & 0xff : code >> 8
    out[i++] = endian === 'le' ? code >> 8 : code & 0xff
  }
  return out
}

/** Windows-1252's 0x80–0x9F, from the WHATWG encoding index (the rest of 0x00–0xFF is ISO-8859-1). */
const CP1252 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ'

/** Windows-1252 encoding. Throws for a character 1252 lacks. */
export function windows1252(text: string): Uint8Array {
  const table = new Map<string, number>()
  for (let b = 0; b < 256; b++)
    table.set(b >= 0x80 && b < 0xa0 ? CP1252[b - 0x80] : String.fromCharCode(b), b)
  return new Uint8Array(
    [...text].map((ch) => {
      const byte = table.get(ch)
      if (byte === undefined) throw new Error(`“${ch}” has no Windows-1252 byte`)
      return byte
    })
  )
}

export const crlf = (text: string): string => text.replace(/\r?\n/g, '\r\n')

/** The workspace an import of these parsed files ("add" by default) into an empty workspace gives. */
export function importInto(
  parsed: Pick<ParsedFile, 'categories' | 'cards' | 'capabilities'>[],
  base = emptyWorkspace(FIXED_TIME),
  mode: 'add' | 'merge' = 'add'
): Workspace {
  let ws = base
  for (const p of parsed) {
    ws = applyCommand(
      ws,
      {
        type: 'import.apply',
        mode,
        categories: p.categories,
        cards: p.cards,
        capabilities: p.capabilities,
        sources: []
      },
      FIXED_TIME
    ).next
  }
  return ws
}

/** A ParsedFile without what differs between encodings of the same content (ids are made sequential by the caller). */
export const content = (p: ParsedFile): Omit<ParsedFile, 'fileName'> => {
  const { fileName: _fileName, ...rest } = p
  return rest
}

type Tree = { text: string; children: Tree[] }
export const tree = (items: ListItem[]): Tree[] =>
  items.map((i) => ({ text: i.text, children: tree(i.children) }))

/** Cards of a workspace grouped by column (category name, or null), in board order. */
export function columns<T>(
  ws: Pick<Workspace, 'categories' | 'cards'>,
  pick: (card: Card) => T | null
): [string | null, T[]][] {
  const ordered = [...ws.categories].sort((a, b) => a.order - b.order)
  const column = (id: string | null): T[] =>
    ws.cards
      .filter((c) => c.categoryId === id)
      .sort((a, b) => a.order - b.order)
      .flatMap((c) => {
        const value = pick(c)
        return value === null ? [] : [value]
      })
  const known = new Set(ordered.map((c) => c.id))
  const orphans = ws.cards.filter((c) => c.categoryId !== null && !known.has(c.categoryId))
  if (orphans.length > 0) throw new Error('a card points at a missing category')
  return [...ordered.map((c): [string | null, T[]] => [c.name, column(c.id)]), [null, column(null)]]
}

export const roleFields = (c: Card): Record<string, unknown> | null =>
  c.kind === 'role'
    ? {
        title: c.title,
        description: c.description,
        qualifications: (c as RoleCard).qualifications,
        occupationUri: c.occupationUri,
        links: c.links
      }
    : null

export const personaFields = (c: Card): Record<string, unknown> | null =>
  c.kind === 'persona'
    ? {
        title: c.title,
        description: c.description,
        goals: tree(c.goals),
        habits: tree(c.habits),
        needs: tree((c as PersonaCard).needs),
        problems: tree(c.problems),
        links: c.links
      }
    : null

export const categoryFields = (ws: Pick<Workspace, 'categories'>): { name: string; description: string }[] =>
  [...ws.categories]
    .sort((a, b) => a.order - b.order)
    .map((c) => ({ name: c.name, description: c.description }))

/** What each export shape carries, as plain data to compare. */
export const PROJECTIONS: Record<ExportFormat, (ws: Workspace) => unknown> = {
  json: (ws) => ({ categories: ws.categories, cards: ws.cards, capabilities: ws.capabilities }),
  'md-taxonomy': (ws) => ({ categories: categoryFields(ws), roles: columns(ws, roleFields) }),
  'md-personas': (ws) => ({
    // The profile list holds a group's description on one line.
    categories: categoryFields(ws).map((c) => ({ ...c, description: collapseSpaces(c.description) })),
    personas: columns(ws, personaFields)
  }),
  'csv-cards': (ws) => ({
    // Categories travel as the names in the cards' category cells: the ones holding cards.
    categories: categoryFields(ws)
      .filter((c) =>
        ws.cards.some((card) => ws.categories.find((k) => k.id === card.categoryId)?.name === c.name)
      )
      .map((c) => c.name),
    cards: columns(ws, (c: Card) =>
      c.kind === 'role'
        ? { kind: c.kind, title: c.title, description: c.description }
        : {
            kind: c.kind,
            title: c.title,
            description: c.description,
            goals: tree(c.goals),
            habits: tree(c.habits),
            needs: tree(c.needs),
            problems: tree(c.problems)
          }
    ).filter(([category, cards]) => category === null || cards.length > 0)
  }),
  'csv-capabilities': (ws) =>
    ws.capabilities.map(({ name, description, state, horizon, owner }) => ({
      name,
      description,
      state,
      horizon,
      owner
    })),
  'csv-needs': (ws) => {
    const names = new Map(ws.capabilities.map((c) => [c.id, c.name]))
    return columns(ws, (c) =>
      c.kind === 'persona' && c.needs.length > 0
        ? {
            title: c.title,
            needs: (c as PersonaCard).needs.map((n) => ({
              text: n.text,
              kind: n.kind,
              priority: n.priority,
              horizon: n.horizon,
              capabilities: n.capabilityIds.map((id) => names.get(id))
            }))
          }
        : null
    ).flatMap(([, personas]) => personas)
  }
}

export const SHAPES = Object.keys(PROJECTIONS) as ExportFormat[]

/** Export, import the export into an empty workspace of the same name, and return both. */
export function roundTrip(ws: Workspace, format: ExportFormat): { text: string; back: Workspace } {
  const text = serialize(ws, format)
  const parsed = parseProfileText(
    text,
    `export.${format.startsWith('csv') ? 'csv' : format === 'json' ? 'json' : 'md'}`,
    {
      newId: sequentialIds('rt')
    }
  )
  expect(
    parsed.diagnostics.filter((d) => d.severity !== 'info' && !d.message.startsWith('No categories, cards'))
  ).toEqual([])
  if (format === 'json')
    return {
      text,
      back: { ...ws, categories: parsed.categories, cards: parsed.cards, capabilities: parsed.capabilities }
    }
  return { text, back: importInto([parsed], { ...emptyWorkspace(FIXED_TIME), name: ws.name }) }
}
