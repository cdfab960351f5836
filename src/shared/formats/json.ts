/**
 * The JSON workspace document, and readWorkspaceJson: the one reader of workspace JSON, for the
 * importer (parseWorkspaceJson) and the store's file (src/main/services/workspace-store-file.ts).
 * It reads with parseJsonSafely (no __proto__-style keys reach an object) and migrateDocument
 * (older versions migrate, optional fields left out take their defaults, newer versions are
 * refused naming the version); lists nested deeper than 8 levels are capped; the schema decides,
 * each error naming its line and column; what the schema accepts but the app cannot use
 * (duplicate ids, references to nothing) is repaired with a warning.
 */
import type { z } from 'zod'
import { migrateDocument, type MigratedDocument } from '../model/migrations'
import {
  DEFAULT_CATEGORY_COLOR,
  SCHEMA_VERSION,
  WorkspaceSchema,
  type Capability,
  type Card,
  type Category,
  type Workspace
} from '../model/schema'
import { AppFailure } from '../result'
import { plural } from '../text/plural'
import { parseJsonSafely } from '../text/safe-json'
import { MAX_LIST_DEPTH, type ParseContext } from './context'

export interface JsonResult {
  categories: Category[]
  cards: Card[]
  capabilities: Capability[]
  metadata: Record<string, unknown>
  title?: string | null
  description?: string
}

/** Deeper JSON is refused before validation: no workspace nests this deep. */
const MAX_JSON_DEPTH = 64
/** An invalid document nested deeper than this is refused without locating its errors. */
const MAX_LOCATED_DEPTH = 1000

const EMPTY = (): JsonResult => ({ categories: [], cards: [], capabilities: [], metadata: {} })

/**
 * The offset of the first syntax error in a JSON text, found by a small scanner (JSON.parse says
 * where only on Node 22+). Iterative, so deep nesting cannot exhaust the stack.
 */
export function jsonErrorOffset(text: string): number {
  const n = text.length
  const stack: string[] = []
  let i = 0
  const skip = (): void => {
    while (i < n && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++
  }
  const string = (): boolean => {
    i++ // the opening quote
    while (i < n) {
      const c = text.charCodeAt(i)
      if (c === 0x22) {
        i++
        return true
      }
      if (c < 0x20) return false
      if (c === 0x5c) {
        const e = text[i + 1]
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return false
          i += 6
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) {
          i += 2
        } else {
          return false
        }
      } else {
        i++
      }
    }
    return false
  }
  let state: 'value' | 'after' | 'key' = 'value'
  for (;;) {
    skip()
    if (state === 'value') {
      const c = text[i]
      if (c === '{' || c === '[') {
        stack.push(c)
        i++
        skip()
        if (text[i] === (c === '{' ? '}' : ']')) {
          stack.pop()
          i++
          state = 'after'
        } else {
          state = c === '{' ? 'key' : 'value'
        }
      } else if (c === '"') {
        if (!string()) return i
        state = 'after'
      } else {
        const token = /^(?:-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)/.exec(
          text.slice(i, i + 400)
        )
        if (!token) return i
        i += token[0].length
        state = 'after'
      }
    } else if (state === 'key') {
      if (text[i] !== '"' || !string()) return i
      skip()
      if (text[i] !== ':') return i
      i++
      state = 'value'
    } else {
      const top = stack[stack.length - 1]
      if (top === undefined) return i < n ? i : -1
      if (text[i] === ',') {
        i++
        state = top === '{' ? 'key' : 'value'
      } else if (text[i] === (top === '{' ? '}' : ']')) {
        stack.pop()
        i++
      } else {
        return i
      }
    }
  }
}

/** Line and column (1-based) of offsets in a text; builds its table of line starts once. */
function lineColumns(text: string): (offset: number) => { line: number; column: number } {
  const starts = [0]
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1)
  return (offset) => {
    let lo = 0
    let hi = starts.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (starts[mid] <= offset) lo = mid
      else hi = mid - 1
    }
    return { line: lo + 1, column: offset - starts[lo] + 1 }
  }
}

/** Where a JSON syntax error is, and what was found there, the same on every Node version. */
function syntaxError(text: string, fallback: string): { line: number | null; message: string } {
  const at = jsonErrorOffset(text)
  if (at < 0) return { line: null, message: `This is not valid JSON: ${fallback}` }
  const { line, column } = lineColumns(text)(at)
  const found = at >= text.length ? 'the end of the file' : JSON.stringify(text[at])
  return {
    line,
    message: `This is not valid JSON: unexpected ${found} at line ${line}, column ${column}.`
  }
}

type JsonPath = readonly PropertyKey[]
const pathKey = (path: JsonPath): string => path.map(String).join('\u0000')

/**
 * The offset at which each wanted value starts in a valid JSON text, by pathKey. One pass, no
 * recursion; only paths in `wanted` are kept.
 */
export function locateJsonValues(text: string, wanted: ReadonlySet<string>): Map<string, number> {
  const found = new Map<string, number>()
  const path: (string | number)[] = []
  const containers: string[] = []
  const n = text.length
  let i = 0
  const skip = (): void => {
    while (i < n && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++
  }
  const stringEnd = (from: number): number => {
    let k = from + 1
    while (k < n && text[k] !== '"') k += text[k] === '\\' ? 2 : 1
    return k + 1
  }
  const key = (): string => {
    const end = stringEnd(i)
    const name = JSON.parse(text.slice(i, end)) as string // a JSON string literal, valid by the caller's contract
    i = end
    skip()
    i++ // the colon
    skip()
    return name
  }
  skip()
  for (;;) {
    // At the start of a value.
    if (found.size < wanted.size) {
      const k = pathKey(path)
      if (wanted.has(k) && !found.has(k)) found.set(k, i)
    }
    const c = text[i]
    let opened = false
    if (c === '{' || c === '[') {
      i++
      skip()
      if (text[i] === (c === '{' ? '}' : ']')) {
        i++
      } else {
        containers.push(c)
        path.push(c === '{' ? key() : 0)
        opened = true
      }
    } else if (c === '"') {
      i = stringEnd(i)
    } else {
      while (i < n && !',]} \t\n\r'.includes(text[i])) i++
    }
    if (opened) continue
    // After a value: a comma starts the next, closers end containers.
    for (;;) {
      skip()
      if (containers.length === 0 || i >= n) return found
      if (text[i] === ',') {
        i++
        skip()
        if (containers[containers.length - 1] === '{') path[path.length - 1] = key()
        else path[path.length - 1] = (path[path.length - 1] as number) + 1
        break
      }
      i++ // } or ]
      containers.pop()
      path.pop()
    }
  }
}

/** How deep `value` nests, counted until it passes `limit`. */
function depthOf(value: unknown, limit = MAX_JSON_DEPTH): number {
  let max = 0
  const stack: [unknown, number][] = [[value, 1]]
  while (stack.length > 0) {
    const [node, depth] = stack.pop() as [unknown, number] // non-empty by the loop condition
    if (node === null || typeof node !== 'object') continue
    if (depth > max) max = depth
    if (max > limit) return max
    for (const child of Object.values(node)) stack.push([child, depth + 1])
  }
  return max
}

/** Gives later duplicates of an id a fresh one; returns how many were changed. */
function uniqueIds<T extends { id: string }>(
  items: T[],
  newId: () => string,
  taken = new Set<string>()
): number {
  let changed = 0
  for (const item of items) {
    if (taken.has(item.id)) {
      item.id = newId()
      changed++
    }
    taken.add(item.id)
  }
  return changed
}

/** Short lists are checked for repeats in place; a longer one goes through a Set. */
const SHORT_LIST = 16

/**
 * `ids` with repeats and ids that `known` lacks left out, and how many it lacked. The list itself
 * when it needs neither, as the app's own files do: a large workspace is read without copying
 * every need's links.
 */
function knownOnce(ids: string[], known: ReadonlySet<string>): [string[], number] {
  let dangling = 0
  let clean = ids.length <= SHORT_LIST
  for (let i = 0; i < ids.length; i++) {
    if (!known.has(ids[i])) dangling++
    else if (clean && ids.indexOf(ids[i]) !== i) clean = false
  }
  if (clean && dangling === 0) return [ids, 0]
  return [[...new Set(ids)].filter((id) => known.has(id)), dangling]
}

/** Duplicate ids get new ones, references to nothing are dropped, orders become positions. */
function repair(workspace: Workspace, ctx: ParseContext): void {
  const { categories, cards, capabilities } = workspace
  const dupCategories = uniqueIds(categories, ctx.newId)
  const dupCards = uniqueIds(cards, ctx.newId)
  const dupCapabilities = uniqueIds(capabilities, ctx.newId)
  for (const [count, one, many] of [
    [dupCategories, 'category', 'categories'],
    [dupCards, 'card', 'cards'],
    [dupCapabilities, 'capability', 'capabilities']
  ] as const) {
    if (count > 0) ctx.warn(null, `${plural(count, one, many)} repeated an id already used and got a new id.`)
  }

  const categoryIds = new Set(categories.map((c) => c.id))
  const capabilityIds = new Set(capabilities.map((c) => c.id))
  const roleIds = new Set(cards.filter((c) => c.kind === 'role').map((c) => c.id))
  let orphans = 0
  let danglingCapabilities = 0
  let danglingRoles = 0
  let innerIds = 0
  for (const card of cards) {
    if (card.categoryId !== null && !categoryIds.has(card.categoryId)) {
      card.categoryId = null
      orphans++
    }
    if (card.kind !== 'persona') continue
    const taken = new Set<string>()
    innerIds += uniqueIds(card.needs, ctx.newId, taken)
    for (const need of card.needs) {
      const [ids, dangling] = knownOnce(need.capabilityIds, capabilityIds)
      need.capabilityIds = ids
      danglingCapabilities += dangling
    }
    const [ids, dangling] = knownOnce(card.linkedRoleIds, roleIds)
    card.linkedRoleIds = ids
    danglingRoles += dangling
  }
  if (orphans > 0) {
    ctx.warn(
      null,
      `${plural(orphans, 'card names', 'cards name')} a category that does not exist: now uncategorised.`
    )
  }
  if (danglingCapabilities > 0) {
    ctx.warn(
      null,
      `${plural(danglingCapabilities, 'link', 'links')} from needs to capabilities that do not exist dropped.`
    )
  }
  if (danglingRoles > 0) {
    ctx.warn(
      null,
      `${plural(danglingRoles, 'link', 'links')} from personas to roles that do not exist dropped.`
    )
  }
  if (innerIds > 0)
    ctx.warn(null, `${plural(innerIds, 'need', 'needs')} repeated an id within a persona and got a new id.`)

  // Orders become positions: 0, 1, 2 ... per column, and for the categories.
  const renumber = <T extends { order: number }>(list: T[]): void => {
    list
      .map((item, i) => ({ item, i }))
      .sort((a, b) => a.item.order - b.item.order || a.i - b.i)
      .forEach(({ item }, position) => {
        item.order = position
      })
  }
  renumber(categories)
  const columns = new Map<string | null, Card[]>()
  for (const card of cards) {
    const column = columns.get(card.categoryId)
    if (column) column.push(card)
    else columns.set(card.categoryId, [card])
  }
  for (const column of columns.values()) renumber(column)
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * Caps every list of a persona in a document not yet validated at MAX_LIST_DEPTH levels (a need is
 * an item of its list), as capListDepth does: whatever hangs below the deepest level joins it, in
 * document order. Returns how many lists were capped.
 */
function capRawLists(doc: Record<string, unknown>): number {
  let capped = false
  const flatten = (children: unknown[]): unknown[] => {
    const out: unknown[] = []
    const stack = [...children].reverse()
    while (stack.length > 0) {
      const item = stack.pop()
      if (!isObject(item) || !Array.isArray(item.children) || item.children.length === 0) {
        out.push(item)
        continue
      }
      capped = true
      out.push({ ...item, children: [] })
      for (let k = item.children.length - 1; k >= 0; k--) stack.push(item.children[k])
    }
    return out
  }
  // Copies only what it changes: the lists of a document within the limit come back as they are.
  const visit = (list: unknown, level: number): unknown => {
    if (!Array.isArray(list)) return list
    let out: unknown[] | null = null
    list.forEach((item, i) => {
      if (!isObject(item) || !Array.isArray(item.children) || item.children.length === 0) return
      const children = level + 1 >= MAX_LIST_DEPTH ? flatten(item.children) : visit(item.children, level + 1)
      if (children === item.children) return
      out ??= [...list]
      out[i] = { ...item, children }
    })
    return out ?? list
  }
  if (!Array.isArray(doc.cards)) return 0
  let lists = 0
  doc.cards = doc.cards.map((card: unknown) => {
    if (!isObject(card) || card.kind !== 'persona') return card
    let copy = card
    for (const key of ['goals', 'habits', 'problems', 'needs']) {
      capped = false
      const list = visit(card[key], 1)
      if (list !== card[key]) copy = { ...copy, [key]: list }
      if (capped) lists++
    }
    return copy
  })
  return lists
}

/** One schema error, with where it is: the value's line and column, or its object's when it is missing. */
function schemaErrors(text: string, issues: readonly z.core.$ZodIssue[], ctx: ParseContext): void {
  const prefixes = (path: JsonPath): JsonPath[] =>
    Array.from({ length: path.length + 1 }, (_, k) => path.slice(0, path.length - k))
  const wanted = new Set(issues.flatMap((issue) => prefixes(issue.path).map(pathKey)))
  const offsets = locateJsonValues(text, wanted)
  const position = lineColumns(text)
  for (const issue of issues) {
    const name = issue.path.map(String).join('.') || '(root)'
    const exact = offsets.get(pathKey(issue.path))
    if (exact !== undefined) {
      const { line, column } = position(exact)
      ctx.error(line, `${name}: ${issue.message} (line ${line}, column ${column}).`)
      continue
    }
    const parent = prefixes(issue.path)
      .map((p) => offsets.get(pathKey(p)))
      .find((offset) => offset !== undefined)
    if (parent === undefined) {
      ctx.error(null, `${name}: ${issue.message}.`)
      continue
    }
    const { line, column } = position(parent)
    ctx.error(line, `${name} is missing: ${issue.message} (in the object at line ${line}, column ${column}).`)
  }
}

/** What readWorkspaceJson made of a text; its diagnostics went to the ParseContext. */
export type WorkspaceRead =
  | { kind: 'ok'; workspace: Workspace; fromVersion: number }
  /** Written by a newer version; `preview` is the document read as the current version, when it reads. */
  | { kind: 'newer'; preview: Workspace | null }
  /** Not JSON, not a workspace, or not valid: nothing can be taken from it. */
  | { kind: 'refused' }

export interface ReadWorkspaceOptions {
  /**
   * Refuse JSON nested more than 64 levels before reading it (an imported file). The store's own
   * file is read without this limit, so that no file the app wrote is ever called damaged for it.
   */
  refuseDeepNesting: boolean
}

/**
 * The one reader of workspace JSON (the importer and the store): JSON without __proto__-style keys,
 * migration to the current version, defaults for optional fields left out, lists capped at 8
 * levels, validation naming the line and column of each error, then repair of duplicate ids and
 * references to nothing. Every message goes to `ctx`, except the note that an older version was
 * migrated, which each caller words for itself. Never throws.
 */
export function readWorkspaceJson(
  text: string,
  ctx: ParseContext,
  options: ReadWorkspaceOptions
): WorkspaceRead {
  let raw: unknown
  try {
    const parsed = parseJsonSafely(text)
    raw = parsed.value
    if (parsed.dropped.length > 0) {
      const names = [...new Set(parsed.dropped)].join(', ')
      ctx.warn(
        null,
        `${parsed.dropped.length} keys named ${names} were dropped: they are never read from a file.`
      )
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    if (error instanceof SyntaxError) {
      const { line, message: what } = syntaxError(text, message)
      ctx.error(line, what)
    } else {
      ctx.error(null, `This JSON could not be read: ${message}`)
    }
    return { kind: 'refused' }
  }
  if (options.refuseDeepNesting && depthOf(raw) > MAX_JSON_DEPTH) {
    ctx.error(null, `The JSON nests more than ${MAX_JSON_DEPTH} levels deep; it is not a workspace document.`)
    return { kind: 'refused' }
  }
  if (options.refuseDeepNesting) countRaw(raw, ctx)
  // The app's own files: a document of the current version that the schema accepts as it is needs
  // no migration, no defaults, no cut nesting and no new colours, because each of those is a field
  // the schema would refuse (migrations.test.ts checks that every field the reader fills in is one
  // the schema requires). So the schema checks it first, and anything it refuses takes the full path.
  if (isObject(raw) && raw.schemaVersion === SCHEMA_VERSION) {
    const direct = WorkspaceSchema.safeParse(raw)
    if (direct.success) {
      repair(direct.data, ctx)
      return { kind: 'ok', workspace: direct.data, fromVersion: SCHEMA_VERSION }
    }
  }
  let migrated: MigratedDocument
  try {
    migrated = migrateDocument(raw)
  } catch (error) {
    if (!(error instanceof AppFailure)) {
      // e.g. RangeError from absurdly deep nesting: still refused, never a crash.
      const message = error instanceof Error ? error.message : String(error)
      ctx.error(null, `The workspace could not be checked: ${message}`)
      return { kind: 'refused' }
    }
    ctx.error(null, error.message)
    return error.code === 'unsupported' ? { kind: 'newer', preview: previewNewer(raw) } : { kind: 'refused' }
  }
  const { doc, fromVersion, recoloured, filled } = migrated
  const capped = capRawLists(doc)
  const checked = WorkspaceSchema.safeParse(doc)
  // Locating each error takes time in proportion to the depth of every value; absurd nesting
  // (which JSON.parse accepts) would stall it, and no workspace nests anywhere near this deep.
  if (!checked.success && depthOf(raw, MAX_LOCATED_DEPTH) > MAX_LOCATED_DEPTH) {
    ctx.error(
      null,
      `The JSON nests more than ${MAX_LOCATED_DEPTH} levels deep; it is not a workspace document.`
    )
    return { kind: 'refused' }
  }
  if (!checked.success) {
    ctx.error(null, 'The workspace document does not match the schema.')
    schemaErrors(text, checked.error.issues, ctx)
    return { kind: 'refused' }
  }
  const workspace = checked.data
  if (recoloured > 0) {
    ctx.warn(
      null,
      recoloured === 1
        ? `A category had a colour outside the palette; it is now ${DEFAULT_CATEGORY_COLOR}.`
        : `${plural(recoloured, 'category', 'categories')} had a colour outside the palette; they are now ${DEFAULT_CATEGORY_COLOR}.`
    )
  }
  const total = [...filled.values()].reduce((a, b) => a + b, 0)
  if (total > 0) {
    const fields = [...filled.keys()].join(', ')
    ctx.info(
      null,
      total === 1
        ? `A field left out of the file was read with its default (${fields}).`
        : `${total} fields left out of the file were read with their defaults (${fields}).`
    )
  }
  if (capped > 0) {
    ctx.warn(
      null,
      `${plural(capped, 'list nests', 'lists nest')} more than ${MAX_LIST_DEPTH} levels deep; deeper items were moved up to level ${MAX_LIST_DEPTH}.`
    )
  }
  repair(workspace, ctx)
  return { kind: 'ok', workspace, fromVersion }
}

/** Counts an imported document's cards, categories, capabilities and needs against the file's limits, before any check. */
function countRaw(raw: unknown, ctx: ParseContext): void {
  if (!isObject(raw)) return
  const length = (value: unknown): number => (Array.isArray(value) ? value.length : 0)
  ctx.created('cards', null, length(raw.cards))
  ctx.created('categories', null, length(raw.categories))
  ctx.created('capabilities', null, length(raw.capabilities))
  if (!Array.isArray(raw.cards)) return
  for (const card of raw.cards) if (isObject(card)) ctx.created('items', null, length(card.needs))
}

/** A newer document that only adds fields still reads as the current schema: that much can be shown. */
function previewNewer(value: unknown): Workspace | null {
  if (!isObject(value)) return null
  const parsed = WorkspaceSchema.safeParse({ ...value, schemaVersion: SCHEMA_VERSION })
  return parsed.success ? parsed.data : null
}

/** The importer's reading of a workspace JSON: readWorkspaceJson; a newer or invalid one gives nothing. */
export function parseWorkspaceJson(text: string, ctx: ParseContext): JsonResult {
  const read = readWorkspaceJson(text, ctx, { refuseDeepNesting: true })
  if (read.kind !== 'ok') return EMPTY()
  const { workspace, fromVersion } = read
  if (fromVersion < workspace.schemaVersion) {
    ctx.info(
      null,
      `The workspace was written with schema version ${fromVersion}; it was migrated to version ${workspace.schemaVersion}.`
    )
  }
  return {
    categories: workspace.categories,
    cards: workspace.cards,
    capabilities: workspace.capabilities,
    metadata: { name: workspace.name },
    title: workspace.name,
    description: workspace.description
  }
}

/** The workspace as JSON, its keys in schema order (validation rebuilds each object in that order). */
export function serializeJson(workspace: Workspace): string {
  const checked = WorkspaceSchema.safeParse(workspace)
  return `${JSON.stringify(checked.success ? checked.data : workspace, null, 2)}\n`
}
