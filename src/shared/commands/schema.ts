/** Every change to a workspace is one of these commands; the schema validates them at the IPC boundary. */
import { z } from 'zod'
import {
  CapabilitySchema,
  CardSchema,
  CategorySchema,
  DismissedDuplicateSchema,
  LinkSchema,
  ListItemSchema,
  NeedSchema,
  PersonaCardSchema,
  ProvenanceSchema,
  RoleCardSchema,
  SourceSchema,
  WorkspaceSchema,
  id
} from '../model/schema'

const index = z.number().int().nonnegative()

/** Fields of a card that `card.update` may change (never id, kind, category or order). */
const CardPatchSchema = z
  .object({
    title: z.string(),
    description: z.string(),
    tags: z.array(z.string()),
    links: z.array(LinkSchema),
    notes: z.string(),
    provenance: ProvenanceSchema.nullable(),
    qualifications: RoleCardSchema.shape.qualifications,
    occupationUri: RoleCardSchema.shape.occupationUri,
    goals: z.array(ListItemSchema),
    habits: z.array(ListItemSchema),
    needs: z.array(NeedSchema),
    problems: z.array(ListItemSchema),
    linkedRoleIds: PersonaCardSchema.shape.linkedRoleIds,
    headcount: PersonaCardSchema.shape.headcount,
    subtitle: PersonaCardSchema.shape.subtitle
  })
  .partial()
export type CardPatch = z.infer<typeof CardPatchSchema>

export const IMPORT_MODES = ['add', 'merge', 'replace'] as const
export const ImportMode = z.enum(IMPORT_MODES)
export type ImportMode = z.infer<typeof ImportMode>

export const CommandSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('workspace.update'),
    patch: z
      .object({ name: z.string().trim().min(1).max(200), description: WorkspaceSchema.shape.description })
      .partial()
  }),
  z.object({ type: z.literal('workspace.replace'), workspace: WorkspaceSchema, label: z.string() }),
  z.object({
    type: z.literal('category.create'),
    category: CategorySchema.omit({ order: true }),
    index: index.optional()
  }),
  z.object({
    type: z.literal('category.update'),
    id,
    patch: CategorySchema.pick({ name: true, description: true, color: true }).partial()
  }),
  z.object({ type: z.literal('category.move'), id, index }),
  z.object({ type: z.literal('category.delete'), id }),
  z.object({
    type: z.literal('card.create'),
    card: CardSchema,
    categoryId: id.nullable(),
    index: index.optional()
  }),
  z.object({ type: z.literal('card.update'), id, patch: CardPatchSchema }),
  z.object({
    type: z.literal('card.move'),
    ids: z.array(id).min(1),
    categoryId: id.nullable(),
    index
  }),
  z.object({ type: z.literal('card.delete'), ids: z.array(id).min(1) }),
  z.object({ type: z.literal('card.duplicate'), id, newId: id }),
  z.object({
    type: z.literal('card.merge'),
    survivorId: id,
    ids: z.array(id).min(1),
    categoryId: id.nullable(),
    /**
     * Merge the cards of each category among themselves instead (into the survivor in its own
     * category, into the first card elsewhere); `categoryId` is then not used.
     */
    perCategory: z.boolean().optional()
  }),
  /** "Not a duplicate": the duplicate search no longer links these two titles. */
  z.object({ type: z.literal('duplicates.dismiss'), pair: DismissedDuplicateSchema }),
  /** Takes a dismissed pair back: the search may link the two titles again. */
  z.object({ type: z.literal('duplicates.restore'), pair: DismissedDuplicateSchema }),
  z.object({ type: z.literal('capability.create'), capability: CapabilitySchema }),
  z.object({
    type: z.literal('capability.update'),
    id,
    patch: CapabilitySchema.omit({ id: true }).partial()
  }),
  z.object({ type: z.literal('capability.delete'), id }),
  z.object({
    type: z.literal('need.link'),
    cardId: id,
    needId: id,
    capabilityId: id,
    linked: z.boolean()
  }),
  z.object({
    type: z.literal('import.apply'),
    mode: ImportMode,
    categories: z.array(CategorySchema),
    cards: z.array(CardSchema),
    capabilities: z.array(CapabilitySchema),
    sources: z.array(SourceSchema),
    /** The first document title among the files: names the workspace when it is new or replaced. */
    title: z.string().max(200).nullable().optional(),
    /** The files' introductions: become the workspace's description, or are added to it. */
    description: z.string().optional()
  })
])
export type Command = z.infer<typeof CommandSchema>
