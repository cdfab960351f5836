import type { Card, Category, Workspace } from '../../../../shared/model/schema'

export interface BoardColumn {
  /** null for the Uncategorised inbox. */
  category: Category | null
  cards: Card[]
}

/** The inbox first, then categories in their order; cards in column order. */
export function boardColumns(workspace: Workspace): BoardColumn[] {
  const byCategory = new Map<string | null, Card[]>([[null, []]])
  const categories = [...workspace.categories].sort((a, b) => a.order - b.order)
  for (const category of categories) byCategory.set(category.id, [])
  for (const card of workspace.cards) (byCategory.get(card.categoryId) ?? byCategory.get(null))!.push(card)
  for (const cards of byCategory.values()) cards.sort((a, b) => a.order - b.order)
  return [
    { category: null, cards: byCategory.get(null)! },
    ...categories.map((category) => ({ category, cards: byCategory.get(category.id)! }))
  ]
}
