/**
 * The domain model: zod schemas are the single source of both the TypeScript types and
 * runtime validation (IPC requests, imported JSON, the store file).
 */
import { z } from 'zod'

export const SCHEMA_VERSION = 2

export const id = z.string().min(1).max(200)

export interface ListItem {
  id: string
  text: string
  children: ListItem[]
}
/** Lists nest at most this many levels; importers and the workspace reader join deeper items at the deepest level. */
export const MAX_LIST_DEPTH = 8

/**
 * An item at `level` (1 for the items of a list): its children may nest down to MAX_LIST_DEPTH and
 * no further. Bounded, so no request, file or store can hold a list deep enough to overflow the
 * stack of whatever walks it (validation, immer's freeze, the renderer).
 */
function listItemAt(level: number): z.ZodType<ListItem> {
  return z.object({
    id,
    text: z.string(),
    children:
      level < MAX_LIST_DEPTH
        ? z.array(listItemAt(level + 1))
        : z.array(z.never()).max(0, { error: `Lists nest at most ${MAX_LIST_DEPTH} levels.` })
  })
}
export const ListItemSchema = listItemAt(1)

export const HORIZONS = ['now', 'medium', 'long'] as const
export const Horizon = z.enum(HORIZONS)
export type Horizon = z.infer<typeof Horizon>

export const PRIORITIES = ['must', 'should', 'could'] as const
export const Priority = z.enum(PRIORITIES)
export type Priority = z.infer<typeof Priority>

export const NEED_KINDS = ['it', 'business'] as const
export const NeedKind = z.enum(NEED_KINDS)
export type NeedKind = z.infer<typeof NeedKind>

export const COVERAGE_STATUSES = ['met', 'partial', 'gap'] as const
export const CoverageOverride = z.object({
  status: z.enum(COVERAGE_STATUSES),
  rationale: z.string()
})
export type CoverageOverride = z.infer<typeof CoverageOverride>

export const NeedSchema = z.object({
  id,
  text: z.string(),
  /** A need is an item of the needs list, so its children start at the second level. */
  children: z.array(listItemAt(2)),
  /** Kind, priority and horizon are null ("not set") when the source did not say them. */
  kind: NeedKind.nullable(),
  priority: Priority.nullable(),
  horizon: Horizon.nullable(),
  capabilityIds: z.array(id),
  override: CoverageOverride.nullable()
})
export type Need = z.infer<typeof NeedSchema>

export const LinkSchema = z.object({ label: z.string(), url: z.string() })
export type Link = z.infer<typeof LinkSchema>

export const ProvenanceSchema = z.object({ source: z.string(), line: z.number().int().nonnegative() })

const cardBase = {
  id,
  title: z.string(),
  description: z.string(),
  categoryId: id.nullable(),
  order: z.number().int().nonnegative(),
  tags: z.array(z.string()),
  links: z.array(LinkSchema),
  notes: z.string(),
  provenance: ProvenanceSchema.nullable()
}

export const RoleCardSchema = z.object({
  ...cardBase,
  kind: z.literal('role'),
  qualifications: z.array(z.string()),
  occupationUri: z.string().nullable()
})
export type RoleCard = z.infer<typeof RoleCardSchema>

export const PersonaCardSchema = z.object({
  ...cardBase,
  kind: z.literal('persona'),
  /** The profile's subtitle as written ("Manager and above"); '' when there is none. */
  subtitle: z.string(),
  goals: z.array(ListItemSchema),
  habits: z.array(ListItemSchema),
  needs: z.array(NeedSchema),
  problems: z.array(ListItemSchema),
  linkedRoleIds: z.array(id),
  headcount: z.number().int().nonnegative().nullable()
})
export type PersonaCard = z.infer<typeof PersonaCardSchema>

export const CardSchema = z.discriminatedUnion('kind', [RoleCardSchema, PersonaCardSchema])
export type Card = z.infer<typeof CardSchema>
export type CardKind = Card['kind']

/**
 * Column colours offered by the board: Mantine palette names, which the renderer puts into CSS
 * (`var(--mantine-color-<name>-6)`), so a category's colour is one of these and nothing else.
 */
export const CATEGORY_COLORS = [
  'blue',
  'teal',
  'grape',
  'orange',
  'cyan',
  'pink',
  'lime',
  'indigo',
  'yellow',
  'red',
  'green',
  'violet'
] as const
export const CategoryColor = z.enum(CATEGORY_COLORS)
export type CategoryColor = z.infer<typeof CategoryColor>
/** The colour a category of a colour outside the palette gets on reading. */
export const DEFAULT_CATEGORY_COLOR: CategoryColor = CATEGORY_COLORS[0]

export const CategorySchema = z.object({
  id,
  name: z.string(),
  description: z.string(),
  color: CategoryColor,
  order: z.number().int().nonnegative()
})
export type Category = z.infer<typeof CategorySchema>

export const CAPABILITY_STATES = ['in-place', 'partial', 'planned', 'absent'] as const
export const CapabilityState = z.enum(CAPABILITY_STATES)
export type CapabilityState = z.infer<typeof CapabilityState>

export const CapabilitySchema = z.object({
  id,
  name: z.string(),
  description: z.string(),
  state: CapabilityState,
  /** For a planned capability: the horizon from which it counts as in place. */
  horizon: Horizon.nullable(),
  owner: z.string(),
  notes: z.string()
})
export type Capability = z.infer<typeof CapabilitySchema>

export const SourceSchema = z.object({
  id,
  fileName: z.string(),
  format: z.string(),
  importedAt: z.string(),
  /** Front matter or other document-level metadata kept from the source. */
  metadata: z.record(z.string(), z.unknown())
})
export type Source = z.infer<typeof SourceSchema>

/**
 * Two titles of one kind that the user said are not duplicates: the duplicate search never links
 * them again. Kept by title (compared once normalised), so the choice survives a re-import that
 * gives the cards new ids; a renamed card is looked at afresh.
 */
export const DismissedDuplicateSchema = z.object({
  kind: z.enum(['role', 'persona']),
  titles: z.tuple([z.string().max(1000), z.string().max(1000)])
})
export type DismissedDuplicate = z.infer<typeof DismissedDuplicateSchema>

export const WorkspaceSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  name: z.string(),
  /** Markdown: the introduction (and its links) of the documents the workspace was made from, or the user's own. */
  description: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  categories: z.array(CategorySchema),
  cards: z.array(CardSchema),
  capabilities: z.array(CapabilitySchema),
  sources: z.array(SourceSchema),
  /** Pairs marked "Not a duplicate" in the Duplicates view; left out, none. */
  dismissedDuplicates: z.array(DismissedDuplicateSchema).optional()
})
export type Workspace = z.infer<typeof WorkspaceSchema>
