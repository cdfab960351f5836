/**
 * Migrations from older workspace documents to the current schema, in order. Version 0 is the
 * unversioned draft shape: any field the v1 schema added is filled with its default. At every
 * version, optional fields a hand edit left out (OPTIONAL_FIELDS) read as their defaults.
 */
import { AppFailure } from '../result'
import {
  CATEGORY_COLORS,
  DEFAULT_CATEGORY_COLOR,
  SCHEMA_VERSION,
  WorkspaceSchema,
  type Workspace
} from './schema'

type Json = Record<string, unknown>
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const withDefaults = (value: unknown, defaults: Json): unknown =>
  isObject(value) ? { ...defaults, ...value } : value

function v0ToV1(doc: Json): Json {
  const now = new Date(0).toISOString()
  const list = (key: string): unknown[] => (Array.isArray(doc[key]) ? (doc[key] as unknown[]) : [])
  const item = (value: unknown): unknown =>
    isObject(value)
      ? { ...value, children: Array.isArray(value.children) ? value.children.map(item) : [] }
      : value
  return {
    name: 'Imported workspace',
    createdAt: now,
    updatedAt: now,
    ...doc,
    schemaVersion: 1,
    categories: list('categories').map((c, i) =>
      withDefaults(c, { description: '', color: DEFAULT_CATEGORY_COLOR, order: i })
    ),
    cards: list('cards').map((c, i) => {
      const base = withDefaults(c, {
        description: '',
        categoryId: null,
        order: i,
        tags: [],
        links: [],
        notes: '',
        provenance: null
      })
      if (!isObject(base)) return base
      if (base.kind === 'persona') {
        const needs = Array.isArray(base.needs) ? base.needs : []
        return {
          linkedRoleIds: [],
          headcount: null,
          ...base,
          goals: Array.isArray(base.goals) ? base.goals.map(item) : [],
          habits: Array.isArray(base.habits) ? base.habits.map(item) : [],
          problems: Array.isArray(base.problems) ? base.problems.map(item) : [],
          needs: needs.map((n) => withDefaults(item(n), { capabilityIds: [], override: null }))
        }
      }
      return { qualifications: [], occupationUri: null, ...base }
    }),
    capabilities: list('capabilities').map((c) =>
      withDefaults(c, { description: '', state: 'absent', horizon: null, owner: '', notes: '' })
    ),
    sources: list('sources')
  }
}

/**
 * Version 2: a need's kind, priority and horizon may be unset (null), which a document that left
 * them out now reads as instead of an invented value; personas gain a subtitle and the workspace a
 * description, both empty, and a list of dismissed duplicate pairs, none.
 */
function v1ToV2(doc: Json): Json {
  const need = (n: unknown): unknown => withDefaults(n, { kind: null, priority: null, horizon: null })
  return {
    description: '',
    dismissedDuplicates: [],
    ...doc,
    schemaVersion: 2,
    cards: Array.isArray(doc.cards)
      ? doc.cards.map((c: unknown) =>
          isObject(c) && c.kind === 'persona'
            ? { subtitle: '', ...c, needs: Array.isArray(c.needs) ? c.needs.map(need) : c.needs }
            : c
        )
      : doc.cards
  }
}

const MIGRATIONS: ReadonlyArray<(doc: Json) => Json> = [v0ToV1, v1ToV2]

/**
 * What a document of the current version may leave out, per kind of object: the value such a field
 * reads as. A hand edit that drops a capability's `notes` or a card's `tags` is read, not refused.
 * Arrays are copied on use.
 */
export const OPTIONAL_FIELDS: Readonly<Record<string, Json>> = {
  workspace: { description: '' },
  category: { description: '', color: DEFAULT_CATEGORY_COLOR },
  card: { description: '', tags: [], links: [], notes: '', provenance: null },
  role: { qualifications: [], occupationUri: null },
  persona: {
    subtitle: '',
    goals: [],
    habits: [],
    problems: [],
    needs: [],
    linkedRoleIds: [],
    headcount: null
  },
  need: { children: [], kind: null, priority: null, horizon: null, capabilityIds: [], override: null },
  item: { children: [] },
  capability: { description: '', horizon: null, owner: '', notes: '' }
}

/** OPTIONAL_FIELDS' entries per kind, listed once: fillOptional runs for every object of a large file. */
const OPTIONAL_ENTRIES = new Map(
  Object.entries(OPTIONAL_FIELDS).map(([kind, fields]) => [kind, Object.entries(fields)])
)

/** Fills the optional fields an object lacks; counts each filled field as "<kind> <field>". */
function fillOptional(value: unknown, kind: string, filled: Map<string, number>): unknown {
  if (!isObject(value)) return value
  let out = value
  for (const [key, fallback] of OPTIONAL_ENTRIES.get(kind) ?? []) {
    if (Object.hasOwn(value, key)) continue
    if (out === value) out = { ...value }
    out[key] = Array.isArray(fallback) ? [] : fallback
    const label = `${kind} ${key}`
    filled.set(label, (filled.get(label) ?? 0) + 1)
  }
  return out
}

/** `list.map(fn)`, or `list` itself when `fn` returned every item unchanged. */
function mapSame(list: unknown[], fn: (value: unknown) => unknown): unknown[] {
  let out: unknown[] | null = null
  for (let i = 0; i < list.length; i++) {
    const next = fn(list[i])
    if (next !== list[i] && out === null) out = list.slice(0, i)
    if (out !== null) out.push(next)
  }
  return out ?? list
}

/** `{ ...value, [key]: next }`, or `value` itself when `next` is what it holds. */
const withField = (value: Json, key: string, next: unknown): Json =>
  value[key] === next ? value : { ...value, [key]: next }

/**
 * The current version's defaults, filled in wherever a field was left out (after any migration).
 * Copies only what it changes: a document that lacks nothing comes back as it is, so reading the
 * app's own file does not copy every card.
 */
function fillDefaults(doc: Json, filled: Map<string, number>): Json {
  const each = (value: Json, key: string, fill: (value: unknown) => unknown): Json =>
    Array.isArray(value[key]) ? withField(value, key, mapSame(value[key], fill)) : value
  const items = (list: unknown): unknown =>
    Array.isArray(list)
      ? mapSame(list, (i) => {
          const item = fillOptional(i, 'item', filled)
          return isObject(item) ? withField(item, 'children', items(item.children)) : item
        })
      : list
  const card = (value: unknown): unknown => {
    const base = fillOptional(value, 'card', filled)
    if (!isObject(base)) return base
    if (base.kind === 'role') return fillOptional(base, 'role', filled)
    if (base.kind !== 'persona') return base
    let persona = fillOptional(base, 'persona', filled) as Json // an object in, an object out
    const need = (n: unknown): unknown => {
      const filledNeed = fillOptional(n, 'need', filled)
      return isObject(filledNeed) ? withField(filledNeed, 'children', items(filledNeed.children)) : filledNeed
    }
    for (const key of ['goals', 'habits', 'problems']) persona = withField(persona, key, items(persona[key]))
    return Array.isArray(persona.needs) ? withField(persona, 'needs', mapSame(persona.needs, need)) : persona
  }
  let workspace = fillOptional(doc, 'workspace', filled) as Json // an object in, an object out
  workspace = each(workspace, 'categories', (c) => fillOptional(c, 'category', filled))
  workspace = each(workspace, 'cards', card)
  return each(workspace, 'capabilities', (c) => fillOptional(c, 'capability', filled))
}

const PALETTE: ReadonlySet<unknown> = new Set(CATEGORY_COLORS)

/**
 * Gives every category whose colour is not in the palette the default colour, so that one odd
 * colour does not refuse the whole document. Returns the document and how many changed.
 */
function recolour(doc: Json): { doc: Json; recoloured: number } {
  if (!Array.isArray(doc.categories)) return { doc, recoloured: 0 }
  let recoloured = 0
  const categories = doc.categories.map((c: unknown) => {
    if (!isObject(c) || PALETTE.has(c.color)) return c
    recoloured++
    return { ...c, color: DEFAULT_CATEGORY_COLOR }
  })
  return { doc: { ...doc, categories }, recoloured }
}

/** A document brought to the current version, not yet validated. */
export interface MigratedDocument {
  doc: Json
  fromVersion: number
  /** Categories whose colour was outside the palette and is now the default. */
  recoloured: number
  /** Optional fields left out and filled with their defaults, by "<kind> <field>" (e.g. "capability notes"). */
  filled: Map<string, number>
}

/**
 * Brings a parsed document to the current version: each migration step in order, then the
 * current version's defaults for fields left out, then the palette for category colours. Throws an
 * AppFailure for a non-object, an invalid schemaVersion ('validation') or a newer one
 * ('unsupported'). The result still has to be validated (WorkspaceSchema).
 */
export function migrateDocument(raw: unknown): MigratedDocument {
  if (!isObject(raw)) throw new AppFailure('validation', 'The workspace document is not a JSON object.')
  const declared = raw.schemaVersion ?? 0
  if (typeof declared !== 'number' || !Number.isInteger(declared) || declared < 0) {
    throw new AppFailure(
      'validation',
      `The workspace has an invalid schemaVersion: ${JSON.stringify(declared)}.`
    )
  }
  if (declared > SCHEMA_VERSION) {
    throw new AppFailure(
      'unsupported',
      `The workspace was written with schema version ${declared}; this version of Persona Planner reads up to version ${SCHEMA_VERSION}. Update the app to open it.`
    )
  }
  let doc = raw
  for (let version = declared; version < SCHEMA_VERSION; version++) doc = MIGRATIONS[version](doc)
  const filled = new Map<string, number>()
  const { doc: recolouredDoc, recoloured } = recolour(fillDefaults(doc, filled))
  return { doc: recolouredDoc, fromVersion: declared, recoloured, filled }
}

/**
 * migrateDocument, then validation. Throws an AppFailure that names what is wrong: a newer
 * version, a non-object, or each field that fails validation. The readers of files use
 * readWorkspaceJson (src/shared/formats/json.ts), which also says where each field is.
 */
export function migrateWorkspace(raw: unknown): {
  workspace: Workspace
  fromVersion: number
  recoloured: number
} {
  const { doc, fromVersion, recoloured } = migrateDocument(raw)
  const parsed = WorkspaceSchema.safeParse(doc)
  if (!parsed.success) {
    const details = parsed.error.issues.map(
      (issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`
    )
    throw new AppFailure('validation', 'The workspace document does not match the schema.', details)
  }
  return { workspace: parsed.data, fromVersion, recoloured }
}
