/**
 * Commands are pure: (workspace, command) -> next workspace, with the immer patches that redo it
 * and the inverse patches that undo it. Main applies them to the store; nothing else mutates data.
 */
import { current, enablePatches, produceWithPatches, type Draft, type Patch } from 'immer'
import type { Capability, Card, Category, Workspace } from '../model/schema'
import { AppFailure } from '../result'
import { normalizeTitle } from '../text/normalize'
import { plural } from '../text/plural'
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
  const verb = command.mode === 'replace' ? 'Replace workspace with' : 'Import'
  return merged > 0 ? `${verb} ${plural(added, 'card')}, merge ${merged}` : `${verb} ${plural(added, 'card')}`
}

function mutate(ws: Draft<Workspace>, command: Command): string {
  switch (command.type) {
    case 'workspace.update': {
      const { name, description } = command.patch
      if (name !== undefined) ws.name = name
      if (description !== undefined) ws.description = description
      if (name !== undefined) return `Rename workspace to “${name}”`
      return 'Edit workspace description'
    }
    case 'workspace.replace': {
      const { workspace } = command
      ws.name = workspace.name
      ws.description = workspace.description
      ws.categories = workspace.categories
      ws.cards = workspace.cards
      ws.capabilities = workspace.capabilities
      ws.sources = workspace.sources
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
      return `Create category “${category.name}”`
    }
    case 'category.update': {
      const category = ws.categories[findIndex(ws.categories, command.id, 'category')]
      Object.assign(category, command.patch)
      if (command.patch.name !== undefined) return `Rename category to “${command.patch.name}”`
      return command.patch.color !== undefined ? 'Recolour category' : 'Edit category'
    }
    case 'category.move': {
      findIndex(ws.categories, command.id, 'category')
      const ordered = [...ws.categories].sort((a, b) => a.order - b.order)
      const from = ordered.findIndex((c) => c.id === command.id)
      const [moved] = ordered.splice(from, 1)
      ordered.splice(Math.min(command.index, ordered.length), 0, moved)
      renumber(ordered)
      return `Move category “${moved.name}”`
    }
    case 'category.delete': {
      const i = findIndex(ws.categories, command.id, 'category')
      const [removed] = ws.categories.splice(i, 1)
      renumber([...ws.categories].sort((a, b) => a.order - b.order))
      const orphans = column(ws, removed.id)
      insertIntoColumn(ws, orphans, null)
      return `Delete category “${removed.name}”`
    }
    case 'card.create': {
      if (ws.cards.some((c) => c.id === command.card.id)) {
        throw new AppFailure('conflict', `A card with id ${command.card.id} already exists.`)
      }
      assertCategory(ws, command.categoryId)
      ws.cards.push(command.card)
      insertIntoColumn(ws, [ws.cards[ws.cards.length - 1]], command.categoryId, command.index)
      return `Create ${command.card.kind} “${command.card.title}”`
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
      Object.assign(card, command.patch)
      return `Edit “${card.title}”`
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
      return moving.length === 1 ? `Move “${moving[0].title}”` : `Move ${plural(moving.length, 'card')}`
    }
    case 'card.delete': {
      const ids = new Set(command.ids)
      for (const id of ids) findIndex(ws.cards, id, 'card')
      const columns = new Set(ws.cards.filter((c) => ids.has(c.id)).map((c) => c.categoryId))
      const title = ws.cards.find((c) => ids.has(c.id))?.title ?? ''
      ws.cards = ws.cards.filter((c) => !ids.has(c.id))
      for (const categoryId of columns) renumber(column(ws, categoryId))
      return ids.size === 1 ? `Delete “${title}”` : `Delete ${plural(ids.size, 'card')}`
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
      return `Duplicate “${original.title}”`
    }
    case 'card.merge': {
      assertCategory(ws, command.categoryId)
      const survivorIndex = findIndex(ws.cards, command.survivorId, 'card')
      const otherIds = new Set(command.ids.filter((id) => id !== command.survivorId))
      const others = [...otherIds].map((id) => ws.cards[findIndex(ws.cards, id, 'card')] as Card)
      const survivor = mergeCardContent(ws.cards[survivorIndex] as Card, others)
      const columns = new Set([survivor.categoryId, ...others.map((c) => c.categoryId)])
      ws.cards[survivorIndex] = survivor
      ws.cards = ws.cards.filter((c) => !otherIds.has(c.id))
      const kept = ws.cards.find((c) => c.id === survivor.id) as Draft<Card>
      if (kept.categoryId !== command.categoryId) insertIntoColumn(ws, [kept], command.categoryId)
      for (const categoryId of columns) renumber(column(ws, categoryId))
      return `Merge ${plural(others.length + 1, 'card')} into “${survivor.title}”`
    }
    case 'capability.create': {
      if (ws.capabilities.some((c) => c.id === command.capability.id)) {
        throw new AppFailure('conflict', `A capability with id ${command.capability.id} already exists.`)
      }
      ws.capabilities.push(command.capability)
      return `Create capability “${command.capability.name}”`
    }
    case 'capability.update': {
      const capability = ws.capabilities[findIndex(ws.capabilities, command.id, 'capability')]
      Object.assign(capability, command.patch)
      return `Edit capability “${capability.name}”`
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
      return `Delete capability “${removed.name}”`
    }
    case 'need.link': {
      const card = ws.cards[findIndex(ws.cards, command.cardId, 'card')]
      if (card.kind !== 'persona')
        throw new AppFailure('validation', `“${card.title}” is a role; only personas have needs.`)
      findIndex(ws.capabilities, command.capabilityId, 'capability')
      const need = card.needs[findIndex(card.needs, command.needId, 'need')]
      const has = need.capabilityIds.includes(command.capabilityId)
      if (command.linked && !has) need.capabilityIds.push(command.capabilityId)
      if (!command.linked && has)
        need.capabilityIds = need.capabilityIds.filter((id) => id !== command.capabilityId)
      return command.linked ? 'Link need to capability' : 'Unlink need from capability'
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
