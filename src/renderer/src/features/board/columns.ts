import { INBOX_NAME } from '../../../../shared/model/defaults'
import type { Card, Category } from '../../../../shared/model/schema'

/** The key of the "Uncategorised" inbox column; category ids never start with a colon. */
export const INBOX_KEY = ':inbox'
export const columnKey = (categoryId: string | null): string => categoryId ?? INBOX_KEY
export const categoryIdOf = (key: string): string | null => (key === INBOX_KEY ? null : key)

export interface BoardColumn {
  key: string
  /** null for the Uncategorised inbox. */
  category: Category | null
  cards: Card[]
}

export const columnName = (column: Pick<BoardColumn, 'category'>): string =>
  column.category?.name ?? INBOX_NAME

/** The inbox first, then categories in their order; cards in column order. */
export function boardColumns(unordered: readonly Category[], cards: readonly Card[]): BoardColumn[] {
  const byCategory = new Map<string | null, Card[]>([[null, []]])
  const categories = [...unordered].sort((a, b) => a.order - b.order)
  for (const category of categories) byCategory.set(category.id, [])
  for (const card of cards) {
    const list = byCategory.get(card.categoryId) ?? byCategory.get(null)
    list?.push(card)
  }
  for (const list of byCategory.values()) list.sort((a, b) => a.order - b.order)
  return [
    { key: INBOX_KEY, category: null, cards: byCategory.get(null) ?? [] },
    ...categories.map((category) => ({
      key: category.id,
      category,
      cards: byCategory.get(category.id) ?? []
    }))
  ]
}

const sameCards = (a: readonly Card[], b: readonly Card[]): boolean =>
  a.length === b.length && a.every((card, i) => card === b[i])

/**
 * `next`, with each column that shows the same category and the same cards as in `previous`
 * replaced by the previous object, so a change to one column (a move, an edit) re-renders that
 * column only.
 */
export function keepUnchanged(previous: readonly BoardColumn[], next: BoardColumn[]): BoardColumn[] {
  const before = new Map(previous.map((c) => [c.key, c]))
  return next.map((column) => {
    const old = before.get(column.key)
    return old && old.category === column.category && sameCards(old.cards, column.cards) ? old : column
  })
}
