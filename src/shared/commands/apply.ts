/**
 * Commands are pure: (workspace, command) -> next workspace, with the immer patches that redo it
 * and the inverse patches that undo it. Main applies them to the store; nothing else mutates data.
 */
import { current, enablePatches, produceWithPatches, type Draft, type Patch } from 'immer'
import { INBOX_NAME } from '../model/defaults'
import type { Capability, Card, Category, DismissedDuplicate, Workspace } from '../model/schema'
import { AppFailure } from '../result'
import { normalizeTitle } from '../text/normalize'
import { LABELS, mergedFrom } from './labels'
import { mergeCardContent } from './merge'
import type { Command } from './schema'

enablePatches()

export interface Applied {
  next: Workspace
  patches: Patch[]
  inverse: Patch[]
  /** A short phrase for undo toasts and menus: "Move 3 cards". */
  label: string
}

function findIndex<T extends { id: string }>(list: T[], id: string, what: string): number {
  const i = list.findIndex((x) => x.id === id)
  if (i < 0) throw new AppFailure('not-found', `No ${what} with id ${id}.`)
  return i
}

function assertCategory(ws: Draft<Workspace>, categoryId: string | null): void {
  if (categoryId !== null) findIndex(ws.categories, categoryId, 'category')
}

/** Cards of one column, in board order. */
function column(ws: Draft<Workspace>, categoryId: string | null): Draft<Card>[] {
  return ws.cards.filter((c) => c.categoryId === categoryId).sort((a, b) => a.order - b.order)
}

function renumber(items: { order: number }[]): void {
  items.forEach((item, i) => {
    if (item.order !== i) item.order = i
  })
}

function insertIntoColumn(
  ws: Draft<Workspace>,
  cards: Draft<Card>[],
  categoryId: string | null,
  index?: number
): void {
  const moving = new Set(cards.map((c) => c.id))
  const target = column(ws, categoryId).filter((c) => !moving.has(c.id))
  const at = Math.min(index ?? target.length, target.length)
  for (const card of cards) card.categoryId = categoryId
  target.splice(at, 0, ...cards)
  renumber(target)
}

function uniqueId(taken: Set<string>, id: string): string {
  let candidate = id
  for (let n = 2; taken.has(candidate); n++) candidate = `${id}-${n}`
  taken.add(candidate)
  return candidate
}

function applyImport(ws: Draft<Workspace>, command: Extract<Command, { type: 'import.apply' }>): string {
  const wasEmpty = ws.categories.length + ws.cards.length + ws.capabilities.length === 0
  if (command.mode === 'replace') {
    ws.categories = []
    ws.cards = []
    ws.capabilities = []
    ws.description = ''
  }
  if (command.title && (wasEmpty || command.mode === 'replace')) ws.name = command.title
  const description = command.description?.trim() ?? ''
  if (description !== '' && !ws.description.includes(description)) {
    ws.description = ws.description === '' ? description : `${ws.description}\n\n${description}`
  }
  const taken = new Set<string>([...ws.categories, ...ws.cards, ...ws.capabilities].map((x) => x.id))

  const categoryIds = new Map<string, string>()
  const categoriesByName = new Map(ws.categories.map((c) => [normalizeTitle(c.name), c]))
  for (const incoming of [...command.categories].sort((a, b) => a.order - b.order)) {
    const existing = categoriesByName.get(normalizeTitle(incoming.name))
    if (existing) {
      categoryIds.set(incoming.id, existing.id)
      if (!existing.description && incoming.description) existing.description = incoming.description
      continue
    }
    const category: Category = { ...incoming, id: uniqueId(taken, incoming.id), order: ws.categories.length }
    categoryIds.set(incoming.id, category.id)
    categoriesByName.set(normalizeTitle(category.name), category)
    ws.categories.push(category)
  }

  const capabilityIds = new Map<string, string>()
  const capabilitiesByName = new Map(ws.capabilities.map((c) => [normalizeTitle(c.name), c]))
  for (const incoming of command.capabilities) {
    const existing = capabilitiesByName.get(normalizeTitle(incoming.name))
    if (existing) {
      capabilityIds.set(incoming.id, existing.id)
      continue
    }
    const capability: Capability = { ...incoming, id: uniqueId(taken, incoming.id) }
    capabilityIds.set(incoming.id, capability.id)
    capabilitiesByName.set(normalizeTitle(capability.name), capability)
    ws.capabilities.push(capability)
  }

  const existingByTitle = new Map<string, Draft<Card>>()
  if (command.mode === 'merge') {
    for (const card of ws.cards) existingByTitle.set(`${card.kind}:${normalizeTitle(card.title)}`, card)
  }
  let added = 0
  let merged = 0
  /** Incoming card id → its id in the workspace, so links between imported cards survive renames. */
  const cardIds = new Map<string, string>()
  const columnSizes = new Map<string | null, number>()
  for (const card of ws.cards) columnSizes.set(card.categoryId, (columnSizes.get(card.categoryId) ?? 0) + 1)
  const incomingCards = [...command.cards].sort((a, b) => a.order - b.order)
  for (const raw of incomingCards) {
    const categoryId = raw.categoryId === null ? null : (categoryIds.get(raw.categoryId) ?? null)
    const card: Card =
      raw.kind === 'persona'
        ? {
            ...raw,
            needs: raw.needs.map((n) => ({
              ...n,
              capabilityIds: n.capabilityIds
                .map((id) => capabilityIds.get(id))
                .filter((id) => id !== undefined)
            }))
          }
        : { ...raw }
    const key = `${card.kind}:${normalizeTitle(card.title)}`
    const existing = existingByTitle.get(key)
    if (existing) {
      cardIds.set(raw.id, existing.id)
      ws.cards[ws.cards.indexOf(existing)] = mergeCardContent(existing as Card, [card])
      merged++
      continue
    }
    card.id = uniqueId(taken, card.id)
    cardIds.set(raw.id, card.id)
    card.categoryId = categoryId
    card.order = columnSizes.get(categoryId) ?? 0
    columnSizes.set(categoryId, card.order + 1)
    ws.cards.push(card)
    if (command.mode === 'merge') existingByTitle.set(key, ws.cards[ws.cards.length - 1])
    added++
  }
  const imported = new Set(cardIds.values())
  const renamed = [...cardIds].some(([from, to]) => from !== to)
  for (const card of renamed ? ws.cards : []) {
    if (!imported.has(card.id)) continue // links of cards already here point at cards already here
    if (card.kind === 'persona' && card.linkedRoleIds.some((id) => cardIds.has(id))) {
      card.linkedRoleIds = card.linkedRoleIds.map((id) => cardIds.get(id) ?? id)
    }
  }
  ws.sources.push(...command.sources)
  return LABELS.importCards(command.mode === 'replace', added, merged)
}

/** A dismissed pair with its titles trimmed and in a stable order. */
function dismissedPair(pair: DismissedDuplicate): DismissedDuplicate {
  const titles = pair.titles.map((t) => t.trim()) as [string, string]
  titles.sort((a, b) => normalizeTitle(a).localeCompare(normalizeTitle(b)))
  return { kind: pair.kind, titles }
}

const samePair = (a: DismissedDuplicate, b: DismissedDuplicate): boolean =>
  a.kind === b.kind &&
  normalizeTitle(a.titles[0]) === normalizeTitle(b.titles[0]) &&
  normalizeTitle(a.titles[1]) === normalizeTitle(b.titles[1])

/**
 * Merges cards into one: into the survivor, moved to `categoryId`; or, with `perCategory`, the
 * cards of each category among themselves. Differing descriptions each keep a line naming the
 * card (and category) they came from.
 */
function applyMerge(ws: Draft<Workspace>, command: Extract<Command, { type: 'card.merge' }>): string {
  if (!command.perCategory) assertCategory(ws, command.categoryId)
  const ids = [...new Set([command.survivorId, ...command.ids])]
  const chosen = ids.map((id) => ws.cards[findIndex(ws.cards, id, 'card')] as Card)
  const categoryName = (id: string | null): string =>
    ws.categories.find((c) => c.id === id)?.name ?? INBOX_NAME
  const sourceOf = (card: Card): string => mergedFrom(card.title, categoryName(card.categoryId))
  const byColumn = new Map<string | null, Card[]>()
  for (const card of chosen) {
    const key = command.perCategory ? card.categoryId : null
    byColumn.set(key, [...(byColumn.get(key) ?? []), card])
  }
  const columns = new Set(chosen.map((c) => c.categoryId))
  const removed = new Set<string>()
  let survivorTitle = chosen[0].title
  for (const group of byColumn.values()) {
    if (group.length < 2) continue
    const survivor = group.find((c) => c.id === command.survivorId) ?? group[0]
    const others = group.filter((c) => c !== survivor)
    if (survivor.id === command.survivorId) survivorTitle = survivor.title
    ws.cards[ws.cards.findIndex((c) => c.id === survivor.id)] = mergeCardContent(survivor, others, sourceOf)
    for (const other of others) removed.add(other.id)
  }
  if (removed.size === 0) throw new AppFailure('validation', 'No two of these cards share a category.')
  ws.cards = ws.cards.filter((c) => !removed.has(c.id))
  if (!command.perCategory) {
    const kept = ws.cards.find((c) => c.id === command.survivorId) as Draft<Card>
    if (kept.categoryId !== command.categoryId) insertIntoColumn(ws, [kept], command.categoryId)
  }
  for (const categoryId of columns) renumber(column(ws, categoryId))
  return command.perCategory
    ? LABELS.mergeWithinCategories(removed.size + byColumn.size, survivorTitle)
    : LABELS.mergeCards(ids.length, survivorTitle)
}

function mutate(ws: Draft<Workspace>, command: Command): string {
  switch (command.type) {
    case 'workspace.update': {
      const { name, description } = command.patch
      if (name !== undefined) ws.name = name
      if (description !== undefined) ws.description = description
      if (name !== undefined) return LABELS.renameWorkspace(name)
      return LABELS.editWorkspaceDescription()
    }
    case 'workspace.replace': {
      const { workspace } = command
      ws.name = workspace.name
      ws.description = workspace.description
      ws.categories = workspace.categories
      ws.cards = workspace.cards
      ws.capabilities = workspace.capabilities
      ws.sources = workspace.sources
      if (workspace.dismissedDuplicates !== undefined) ws.dismissedDuplicates = workspace.dismissedDuplicates
      else delete ws.dismissedDuplicates
      return command.label
    }
    case 'category.create': {
      if (ws.categories.some((c) => c.id === command.category.id)) {
        throw new AppFailure('conflict', `A category with id ${command.category.id} already exists.`)
      }
      const ordered = [...ws.categories].sort((a, b) => a.order - b.order)
      const at = Math.min(command.index ?? ordered.length, ordered.length)
      const category = { ...command.category, order: at }
      ordered.splice(at, 0, category)
      ws.categories.push(category)
      renumber(ordered.map((c) => ws.categories.find((d) => d.id === c.id) as Draft<Category>))
      return LABELS.createCategory(category.name)
    }
    case 'category.update': {
      const category = ws.categories[findIndex(ws.categories, command.id, 'category')]
      const label = LABELS.updateCategory(category, command.patch)
      Object.assign(category, command.patch)
      return label
    }
    case 'category.move': {
      findIndex(ws.categories, command.id, 'category')
      const ordered = [...ws.categories].sort((a, b) => a.order - b.order)
      const from = ordered.findIndex((c) => c.id === command.id)
      const [moved] = ordered.splice(from, 1)
      ordered.splice(Math.min(command.index, ordered.length), 0, moved)
      renumber(ordered)
      return LABELS.moveCategory(moved.name)
    }
    case 'category.delete': {
      const i = findIndex(ws.categories, command.id, 'category')
      const [removed] = ws.categories.splice(i, 1)
      renumber([...ws.categories].sort((a, b) => a.order - b.order))
      const orphans = column(ws, removed.id)
      insertIntoColumn(ws, orphans, null)
      return LABELS.deleteCategory(removed.name)
    }
    case 'card.create': {
      if (ws.cards.some((c) => c.id === command.card.id)) {
        throw new AppFailure('conflict', `A card with id ${command.card.id} already exists.`)
      }
      assertCategory(ws, command.categoryId)
      ws.cards.push(command.card)
      insertIntoColumn(ws, [ws.cards[ws.cards.length - 1]], command.categoryId, command.index)
      return LABELS.createCard(command.card.kind, command.card.title)
    }
    case 'card.update': {
      const card = ws.cards[findIndex(ws.cards, command.id, 'card')]
      const roleOnly = ['qualifications', 'occupationUri'] as const
      const personaOnly = [
        'subtitle',
        'goals',
        'habits',
        'needs',
        'problems',
        'linkedRoleIds',
        'headcount'
      ] as const
      const wrong = card.kind === 'role' ? personaOnly : roleOnly
      const misplaced = wrong.filter((key) => key in command.patch)
      if (misplaced.length > 0) {
        throw new AppFailure('validation', `A ${card.kind} card has no ${misplaced.join(', ')}.`)
      }
      const label = LABELS.updateCard(card as Card, command.patch)
      Object.assign(card, command.patch)
      return label
    }
    case 'card.move': {
      assertCategory(ws, command.categoryId)
      const byId = new Map(ws.cards.map((c) => [c.id, c]))
      const moving = command.ids.map((id) => {
        const card = byId.get(id)
        if (!card) throw new AppFailure('not-found', `No card with id ${id}.`)
        return card
      })
      const sources = new Set(moving.map((c) => c.categoryId))
      insertIntoColumn(ws, moving, command.categoryId, command.index)
      for (const source of sources) if (source !== command.categoryId) renumber(column(ws, source))
      return LABELS.moveCards(moving.map((c) => c.title))
    }
    case 'card.delete': {
      const ids = new Set(command.ids)
      for (const id of ids) findIndex(ws.cards, id, 'card')
      const columns = new Set(ws.cards.filter((c) => ids.has(c.id)).map((c) => c.categoryId))
      const deleted = ws.cards.filter((c) => ids.has(c.id)).map((c) => c.title)
      ws.cards = ws.cards.filter((c) => !ids.has(c.id))
      for (const categoryId of columns) renumber(column(ws, categoryId))
      return LABELS.deleteCards(deleted)
    }
    case 'card.duplicate': {
      if (ws.cards.some((c) => c.id === command.newId)) {
        throw new AppFailure('conflict', `A card with id ${command.newId} already exists.`)
      }
      const original = ws.cards[findIndex(ws.cards, command.id, 'card')]
      const copy: Card = {
        ...(current(original) as Card),
        id: command.newId,
        title: `${original.title} (copy)`
      }
      ws.cards.push(copy)
      insertIntoColumn(ws, [ws.cards[ws.cards.length - 1]], original.categoryId, original.order + 1)
      return LABELS.duplicateCard(original.title)
    }
    case 'card.merge':
      return applyMerge(ws, command)
    case 'duplicates.dismiss': {
      const pair = dismissedPair(command.pair)
      const list = ws.dismissedDuplicates ?? []
      if (!list.some((p) => samePair(p, pair))) list.push(pair)
      ws.dismissedDuplicates = list
      return LABELS.dismissDuplicate(...pair.titles)
    }
    case 'duplicates.restore': {
      const pair = dismissedPair(command.pair)
      const list = ws.dismissedDuplicates ?? []
      const i = list.findIndex((p) => samePair(p, pair))
      if (i < 0) throw new AppFailure('not-found', 'That pair is not marked as “not a duplicate”.')
      list.splice(i, 1)
      return LABELS.restoreDuplicate(...pair.titles)
    }
    case 'capability.create': {
      if (ws.capabilities.some((c) => c.id === command.capability.id)) {
        throw new AppFailure('conflict', `A capability with id ${command.capability.id} already exists.`)
      }
      ws.capabilities.push(command.capability)
      return LABELS.createCapability(command.capability.name)
    }
    case 'capability.update': {
      const capability = ws.capabilities[findIndex(ws.capabilities, command.id, 'capability')]
      const label = LABELS.updateCapability(capability, command.patch)
      Object.assign(capability, command.patch)
      return label
    }
    case 'capability.delete': {
      const i = findIndex(ws.capabilities, command.id, 'capability')
      const [removed] = ws.capabilities.splice(i, 1)
      for (const card of ws.cards) {
        if (card.kind !== 'persona') continue
        for (const need of card.needs) {
          if (need.capabilityIds.includes(removed.id)) {
            need.capabilityIds = need.capabilityIds.filter((id) => id !== removed.id)
          }
        }
      }
      return LABELS.deleteCapability(removed.name)
    }
    case 'need.link': {
      const card = ws.cards[findIndex(ws.cards, command.cardId, 'card')]
      if (card.kind !== 'persona')
        throw new AppFailure('validation', `“${card.title}” is a role; only personas have needs.`)
      const capability = ws.capabilities[findIndex(ws.capabilities, command.capabilityId, 'capability')]
      const need = card.needs[findIndex(card.needs, command.needId, 'need')]
      const has = need.capabilityIds.includes(command.capabilityId)
      if (command.linked && !has) need.capabilityIds.push(command.capabilityId)
      if (!command.linked && has)
        need.capabilityIds = need.capabilityIds.filter((id) => id !== command.capabilityId)
      return LABELS.linkNeed(need.text, capability.name, command.linked)
    }
    case 'import.apply':
      return applyImport(ws, command)
  }
}

/** Applies a command; throws AppFailure (not-found, conflict, validation) and leaves `workspace` untouched. */
export function applyCommand(
  workspace: Workspace,
  command: Command,
  now = new Date().toISOString()
): Applied {
  let label = ''
  const [next, patches, inverse] = produceWithPatches(workspace, (draft) => {
    label = mutate(draft, command)
    draft.updatedAt = now
  })
  return { next, patches, inverse, label }
}
