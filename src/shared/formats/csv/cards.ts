/**
 * The cards CSV: `kind,category,title,description,goals,habits,needs,problems,qualifications`, one
 * row per card, list cells one item per line (two spaces of indent per nesting level). The four
 * lists are a persona's, `qualifications` a role's.
 */
import { CATEGORY_COLORS, newCategory, newNeed, newPersona, newRole } from '../../model/defaults'
import type { Card, Category, PersonaCard, Workspace } from '../../model/schema'
import { collapseSpaces, normalizeTitle } from '../../text/normalize'
import type { ParseContext } from '../context'
import { flattenItems } from '../markdown/text'
import { listCell, parseListCell, readTable, unguardFormula, writeCsv } from './table'

const CARD_COLUMNS = [
  'kind',
  'category',
  'title',
  'description',
  'goals',
  'habits',
  'needs',
  'problems',
  'qualifications'
] as const
const LIST_COLUMNS = ['goals', 'habits', 'needs', 'problems'] as const

export interface CardsResult {
  categories: Category[]
  cards: Card[]
}

/** Multi-line text cells: line ends normalised, outer blank space trimmed. */
export const textCell = (cell: string): string => cell.replace(/\r\n?/g, '\n').trim()

export function parseCardsCsv(text: string, ctx: ParseContext): CardsResult {
  const table = readTable(text, ctx)
  const categories: Category[] = []
  const cards: Card[] = []
  if (table === null) return { categories, cards }
  const index = new Map(table.header.map((name, i) => [name, i]))
  if (!index.has('title')) {
    ctx.error(table.headerLine, `The header has no “title” column (expected ${CARD_COLUMNS.join(',')}).`)
    return { categories, cards }
  }
  const byName = new Map<string, Category>()
  const columnSizes = new Map<string | null, number>()
  let extraReported = false
  for (const [rowIndex, row] of table.rows.entries()) {
    ctx.progress(0.5 + rowIndex / table.rows.length / 2)
    const cell = (name: string): string => {
      const i = index.get(name)
      return i === undefined ? '' : unguardFormula(row.cells[i] ?? '')
    }
    if (row.cells.length > table.header.length && !extraReported) {
      ctx.warn(
        row.line,
        `This row has ${row.cells.length} cells but the header names ${table.header.length}; the extra cells were ignored.`
      )
      extraReported = true
    }
    const lists = Object.fromEntries(
      LIST_COLUMNS.map((c) => [c, parseListCell(cell(c), ctx, row.line)])
    ) as Record<(typeof LIST_COLUMNS)[number], ReturnType<typeof parseListCell>> // built from LIST_COLUMNS just above, so every key is present
    const hasLists = LIST_COLUMNS.some((c) => lists[c].length > 0)
    const kindCell = cell('kind').trim().toLowerCase()
    let kind: Card['kind']
    if (kindCell === 'role' || kindCell === 'rôle') kind = 'role'
    else if (kindCell === 'persona') kind = 'persona'
    else {
      kind = hasLists ? 'persona' : 'role'
      if (kindCell !== '') ctx.warn(row.line, `Unknown kind “${kindCell}”; the row was read as a ${kind}.`)
    }
    let title = collapseSpaces(cell('title'))
    if (title === '') {
      title = kind === 'role' ? 'Untitled role' : 'Untitled persona'
      ctx.warn(row.line, `This row has no title; the card is called “${title}”.`)
    }
    const categoryName = collapseSpaces(cell('category'))
    let categoryId: string | null = null
    if (categoryName !== '') {
      const key = normalizeTitle(categoryName)
      let category = byName.get(key)
      if (category === undefined) {
        ctx.created('categories', row.line)
        category = newCategory({
          id: ctx.newId(),
          name: categoryName,
          order: categories.length,
          color: CATEGORY_COLORS[categories.length % CATEGORY_COLORS.length]
        })
        byName.set(key, category)
        categories.push(category)
      }
      categoryId = category.id
    }
    const order = columnSizes.get(categoryId) ?? 0
    columnSizes.set(categoryId, order + 1)
    ctx.created('cards', row.line)
    const base = {
      id: ctx.newId(),
      title,
      description: textCell(cell('description')),
      categoryId,
      order,
      tags: [],
      links: [],
      provenance: { source: ctx.fileName, line: row.line }
    }
    const qualifications = flattenItems(parseListCell(cell('qualifications'), ctx, row.line))
    if (kind === 'role') {
      if (hasLists)
        ctx.warn(row.line, `“${title}” is a role; its goals, habits, needs and problems were ignored.`)
      cards.push(newRole({ ...base, qualifications }))
    } else {
      if (qualifications.length > 0)
        ctx.warn(row.line, `“${title}” is a persona; its qualifications were ignored.`)
      cards.push(
        newPersona({
          ...base,
          goals: lists.goals,
          habits: lists.habits,
          needs: lists.needs.map((item) =>
            newNeed({ id: item.id, text: item.text, children: item.children })
          ),
          problems: lists.problems
        })
      )
    }
  }
  return { categories, cards }
}

/** Cards in board order: each category's column in category order, then the uncategorised cards. */
export function boardOrder(workspace: Workspace): { card: Card; category: Category | null }[] {
  const categories = [...workspace.categories].sort((a, b) => a.order - b.order)
  const known = new Set(categories.map((c) => c.id))
  const byOrder = (a: Card, b: Card): number => a.order - b.order
  return [
    ...categories.flatMap((category) =>
      workspace.cards
        .filter((c) => c.categoryId === category.id)
        .sort(byOrder)
        .map((card) => ({ card, category }))
    ),
    ...workspace.cards
      .filter((c) => c.categoryId === null || !known.has(c.categoryId))
      .sort(byOrder)
      .map((card) => ({ card, category: null }))
  ]
}

export function serializeCardsCsv(workspace: Workspace): string {
  const rows = boardOrder(workspace).map(({ card, category }) => {
    const persona: PersonaCard | null = card.kind === 'persona' ? card : null
    return [
      card.kind,
      category ? collapseSpaces(category.name) : '',
      collapseSpaces(card.title),
      card.description,
      persona ? listCell(persona.goals) : '',
      persona ? listCell(persona.habits) : '',
      persona ? listCell(persona.needs) : '',
      persona ? listCell(persona.problems) : '',
      card.kind === 'role'
        ? listCell(card.qualifications.map((text, i) => ({ id: `q${i}`, text, children: [] })))
        : ''
    ]
  })
  return writeCsv(CARD_COLUMNS, rows)
}
