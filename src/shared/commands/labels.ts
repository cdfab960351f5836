/**
 * The labels of commands: what undo and redo say ("Undone: Edit description of “Management”").
 * Each is a whole phrase built here and nowhere else, so that it can be translated later.
 */
import type { Capability, Card, Category, Need } from '../model/schema'
import { plural } from '../text/plural'
import type { CardPatch } from './schema'

/** A long name cut to a readable length for a label: "Need tool for classification…". */
export function short(text: string, max = 40): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`
}

const q = (text: string): string => `“${short(text)}”`

/** The fields of a card, in words: "Edit <field> of “Title”". */
const CARD_FIELDS: Record<string, string> = {
  description: 'description',
  tags: 'tags',
  links: 'links',
  notes: 'notes',
  provenance: 'source',
  qualifications: 'qualifications',
  occupationUri: 'occupation',
  goals: 'goals',
  habits: 'habits',
  needs: 'needs',
  problems: 'problems',
  linkedRoleIds: 'linked roles',
  headcount: 'headcount',
  subtitle: 'subtitle'
}

const NEED_FIELDS: Record<string, string> = {
  text: 'text',
  children: 'details',
  kind: 'kind',
  priority: 'priority',
  horizon: 'horizon',
  capabilityIds: 'capabilities',
  override: 'status'
}

const CAPABILITY_FIELDS: Record<string, string> = {
  description: 'description',
  state: 'state',
  horizon: 'arrival',
  owner: 'owner',
  notes: 'notes'
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b)

/** The keys of `patch` whose values differ from `before`'s. */
export function changedKeys(before: object, patch: object): string[] {
  const old = before as Record<string, unknown>
  return Object.entries(patch)
    .filter(([key, value]) => value !== undefined && !same(old[key], value))
    .map(([key]) => key)
}

/** What a change of a persona's needs list did, naming the need when one need changed. */
function needsLabel(card: string, before: Need[], after: Need[]): string {
  const oldById = new Map(before.map((n) => [n.id, n]))
  const newIds = new Set(after.map((n) => n.id))
  const added = after.filter((n) => !oldById.has(n.id))
  const removed = before.filter((n) => !newIds.has(n.id))
  const changed = after.filter((n) => {
    const old = oldById.get(n.id)
    return old !== undefined && !same(old, n)
  })
  if (added.length + removed.length + changed.length === 0) return `Reorder needs of ${q(card)}`
  if (added.length === 1 && removed.length + changed.length === 0)
    return `Add need ${q(added[0].text)} to ${q(card)}`
  if (removed.length === 1 && added.length + changed.length === 0)
    return `Remove need ${q(removed[0].text)} from ${q(card)}`
  if (changed.length === 1 && added.length + removed.length === 0) {
    const need = changed[0]
    const old = oldById.get(need.id) as Need
    const fields = changedKeys(old, need)
    if (fields.length === 1 && fields[0] === 'text') return `Edit text of need ${q(old.text)}`
    if (fields.length === 1) return `Edit ${NEED_FIELDS[fields[0]] ?? fields[0]} of need ${q(need.text)}`
    return `Edit need ${q(need.text)}`
  }
  return `Edit needs of ${q(card)}`
}

export const LABELS = {
  renameWorkspace: (name: string) => `Rename workspace to ${q(name)}`,
  editWorkspaceDescription: () => 'Edit workspace description',
  createCategory: (name: string) => `Create category ${q(name)}`,
  /** `before` is the category as it was; `patch` what changed. */
  updateCategory: (before: Category, patch: Partial<Category>): string => {
    const fields = changedKeys(before, patch)
    if (fields.length === 1 && fields[0] === 'name')
      return `Rename category ${q(before.name)} to ${q(patch.name ?? '')}`
    if (fields.length === 1 && fields[0] === 'color') return `Recolour category ${q(before.name)}`
    if (fields.length === 1 && fields[0] === 'description')
      return `Edit description of category ${q(before.name)}`
    return `Edit category ${q(before.name)}`
  },
  moveCategory: (name: string) => `Move category ${q(name)}`,
  deleteCategory: (name: string) => `Delete category ${q(name)}`,
  createCard: (kind: Card['kind'], title: string) => `Create ${kind} ${q(title)}`,
  /** `before` is the card as it was; `patch` what the update sets. */
  updateCard: (before: Card, patch: CardPatch): string => {
    const fields = changedKeys(before, patch)
    if (fields.length !== 1) return `Edit ${q(before.title)}`
    const [field] = fields
    if (field === 'title') return `Rename ${q(before.title)} to ${q(patch.title ?? '')}`
    if (field === 'needs' && before.kind === 'persona' && patch.needs)
      return needsLabel(before.title, before.needs, patch.needs)
    return `Edit ${CARD_FIELDS[field] ?? field} of ${q(before.title)}`
  },
  moveCards: (titles: string[]) =>
    titles.length === 1 ? `Move ${q(titles[0])}` : `Move ${plural(titles.length, 'card')}`,
  deleteCards: (titles: string[]) =>
    titles.length === 1 ? `Delete ${q(titles[0])}` : `Delete ${plural(titles.length, 'card')}`,
  duplicateCard: (title: string) => `Duplicate ${q(title)}`,
  mergeCards: (count: number, title: string) => `Merge ${plural(count, 'card')} into ${q(title)}`,
  mergeWithinCategories: (count: number, title: string) =>
    `Merge ${plural(count, 'card')} like ${q(title)} within each category`,
  createCapability: (name: string) => `Create capability ${q(name)}`,
  updateCapability: (before: Capability, patch: Partial<Capability>): string => {
    const fields = changedKeys(before, patch)
    if (fields.length === 1 && fields[0] === 'name')
      return `Rename capability ${q(before.name)} to ${q(patch.name ?? '')}`
    if (fields.length === 1)
      return `Edit ${CAPABILITY_FIELDS[fields[0]] ?? fields[0]} of capability ${q(before.name)}`
    return `Edit capability ${q(before.name)}`
  },
  deleteCapability: (name: string) => `Delete capability ${q(name)}`,
  linkNeed: (need: string, capability: string, linked: boolean) =>
    linked
      ? `Link need ${q(need)} to capability ${q(capability)}`
      : `Unlink need ${q(need)} from capability ${q(capability)}`,
  importCards: (replace: boolean, added: number, merged: number) => {
    const verb = replace ? 'Replace workspace with' : 'Import'
    return merged > 0
      ? `${verb} ${plural(added, 'card')}, merge ${merged}`
      : `${verb} ${plural(added, 'card')}`
  },
  dismissDuplicate: (a: string, b: string) =>
    a === b ? `Mark cards titled ${q(a)} as not duplicates` : `Mark ${q(a)} and ${q(b)} as not duplicates`,
  restoreDuplicate: (a: string, b: string) =>
    a === b ? `Look again for duplicates titled ${q(a)}` : `Look again for duplicates of ${q(a)} and ${q(b)}`
}

/** The paragraph that names where a merged description came from: "From “Project manager” (Top management):". */
export const mergedFrom = (title: string, category: string): string => `From “${title}” (${category}):`
