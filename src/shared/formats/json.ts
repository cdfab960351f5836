/**
 * The JSON workspace document. Read with parseJsonSafely (no __proto__-style keys reach an object)
 * and migrateWorkspace (older versions migrate, newer ones are refused naming the version); what
 * the schema accepts but the app cannot use (duplicate ids, references to nothing, lists nested
 * deeper than 8) is repaired with a warning.
 */
import { migrateWorkspace } from '../model/migrations'
import {
  DEFAULT_CATEGORY_COLOR,
  WorkspaceSchema,
  type Capability,
  type Card,
  type Category,
  type ListItem,
  type Workspace
} from '../model/schema'
import { AppFailure } from '../result'
import { plural } from '../text/plural'
import { parseJsonSafely } from '../text/safe-json'
import { capListDepth, type ParseContext } from './context'

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

/** Where a JSON syntax error is, and what was found there, the same on every Node version. */
function syntaxError(text: string, fallback: string): { line: number | null; message: string } {
  const at = jsonErrorOffset(text)
  if (at < 0) return { line: null, message: `This is not valid JSON: ${fallback}` }
  let line = 1
  let lineStart = 0
  for (let i = text.indexOf('\n'); i !== -1 && i < at; i = text.indexOf('\n', i + 1)) {
    line++
    lineStart = i + 1
  }
  const found = at >= text.length ? 'the end of the file' : JSON.stringify(text[at])
  return {
    line,
    message: `This is not valid JSON: unexpected ${found} at line ${line}, column ${at - lineStart + 1}.`
  }
}

function depthOf(value: unknown): number {
  let max = 0
  const stack: [unknown, number][] = [[value, 1]]
  while (stack.length > 0) {
    const [node, depth] = stack.pop() as [unknown, number] // non-empty by the loop condition
    if (node === null || typeof node !== 'object') continue
    if (depth > max) max = depth
    if (max > MAX_JSON_DEPTH) return max
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
  let capped = 0
  const capItems = (items: ListItem[]): ListItem[] => {
    const result = capListDepth(items)
    if (result.capped) capped++
    return result.items
  }
  for (const card of cards) {
    if (card.categoryId !== null && !categoryIds.has(card.categoryId)) {
      card.categoryId = null
      orphans++
    }
    if (card.kind !== 'persona') continue
    card.goals = capItems(card.goals)
    card.habits = capItems(card.habits)
    card.problems = capItems(card.problems)
    const taken = new Set<string>()
    innerIds += uniqueIds(card.needs, ctx.newId, taken)
    for (const need of card.needs) {
      need.children = capItems(need.children)
      danglingCapabilities += need.capabilityIds.filter((id) => !capabilityIds.has(id)).length
      need.capabilityIds = [...new Set(need.capabilityIds)].filter((id) => capabilityIds.has(id))
    }
    danglingRoles += card.linkedRoleIds.filter((id) => !roleIds.has(id)).length
    card.linkedRoleIds = [...new Set(card.linkedRoleIds)].filter((id) => roleIds.has(id))
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
  if (capped > 0) {
    ctx.warn(
      null,
      `${plural(capped, 'list nests', 'lists nest')} more than 8 levels deep; deeper items were moved up to level 8.`
    )
  }

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
  for (const card of cards) columns.set(card.categoryId, [...(columns.get(card.categoryId) ?? []), card])
  for (const column of columns.values()) renumber(column)
}

export function parseWorkspaceJson(text: string, ctx: ParseContext): JsonResult {
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
    return EMPTY()
  }
  if (depthOf(raw) > MAX_JSON_DEPTH) {
    ctx.error(null, `The JSON nests more than ${MAX_JSON_DEPTH} levels deep; it is not a workspace document.`)
    return EMPTY()
  }
  let workspace: Workspace
  try {
    const migrated = migrateWorkspace(raw)
    workspace = migrated.workspace
    if (migrated.recoloured > 0) {
      ctx.warn(
        null,
        migrated.recoloured === 1
          ? `A category had a colour outside the palette; it is now ${DEFAULT_CATEGORY_COLOR}.`
          : `${plural(migrated.recoloured, 'category', 'categories')} had a colour outside the palette; they are now ${DEFAULT_CATEGORY_COLOR}.`
      )
    }
    if (migrated.fromVersion < workspace.schemaVersion) {
      ctx.info(
        null,
        `The workspace was written with schema version ${migrated.fromVersion}; it was migrated to version ${workspace.schemaVersion}.`
      )
    }
  } catch (error) {
    if (error instanceof AppFailure) {
      ctx.error(null, error.message)
      for (const detail of error.details ?? []) ctx.error(null, detail)
    } else {
      ctx.error(
        null,
        `The workspace could not be validated: ${error instanceof Error ? error.message : String(error)}`
      )
    }
    return EMPTY()
  }
  repair(workspace, ctx)
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
