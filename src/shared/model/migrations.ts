/**
 * Migrations from older workspace documents to the current schema, in order. Version 0 is the
 * unversioned draft shape: any field the v1 schema added is filled with its default.
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
          needs: needs.map((n) =>
            withDefaults(item(n), { capabilityIds: [], override: null })
          )
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
 * description, both empty.
 */
function v1ToV2(doc: Json): Json {
  const need = (n: unknown): unknown =>
    withDefaults(n, { kind: null, priority: null, horizon: null })
  return {
    description: '',
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

/**
 * Brings a parsed document to the current schema and validates it. A category colour outside the
 * palette becomes the default colour (`recoloured` counts them, for a warning). Throws an
 * AppFailure that names what is wrong: a newer version, a non-object, or each field that fails
 * validation.
 */
export function migrateWorkspace(raw: unknown): {
  workspace: Workspace
  fromVersion: number
  recoloured: number
} {
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
  const { doc: recolouredDoc, recoloured } = recolour(doc)
  const parsed = WorkspaceSchema.safeParse(recolouredDoc)
  if (!parsed.success) {
    const details = parsed.error.issues
      .slice(0, 20)
      .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
    throw new AppFailure('validation', 'The workspace document does not match the schema.', details)
  }
  return { workspace: parsed.data, fromVersion: declared, recoloured }
}
