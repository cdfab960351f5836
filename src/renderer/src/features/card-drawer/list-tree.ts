/**
 * Edits of a nested list (a persona's goals, habits, needs, problems) as pure functions: items are
 * addressed by id and every edit returns a new tree. The top level may carry more than a ListItem
 * (a Need has kind, priority, horizon…), so moving an item to or from the top level converts it.
 */
import { MAX_LIST_DEPTH, type ListItem } from '../../../../shared/model/schema'

export interface TreeConvert<T extends ListItem> {
  /** An item arriving at the top level (a sub-item outdented, a new item). */
  toTop: (item: ListItem) => T
  /** A top-level item going under another; null when it cannot without losing data. */
  fromTop: (item: T) => ListItem | null
}

export const plainList: TreeConvert<ListItem> = { toTop: (item) => item, fromTop: (item) => item }

export type Path = readonly number[]

export interface FlatItem<T extends ListItem> {
  item: ListItem
  /** The top-level item itself when depth is 0 (with its extra fields). */
  top: T | null
  depth: number
  path: Path
}

type LevelEdit = <U extends ListItem>(list: U[], wrap: (item: ListItem) => U) => U[]

function editNested(list: ListItem[], parent: Path, edit: LevelEdit): ListItem[] {
  if (parent.length === 0) return edit(list, (item) => item)
  const [i, ...rest] = parent
  return list.map((item, j) =>
    j === i ? { ...item, children: editNested(item.children, rest, edit) } : item
  )
}

/** Applies `edit` to the list of siblings under `parent` ([] for the top level). */
function editLevel<T extends ListItem>(
  tree: T[],
  parent: Path,
  convert: TreeConvert<T>,
  edit: LevelEdit
): T[] {
  if (parent.length === 0) return edit(tree, convert.toTop)
  const [i, ...rest] = parent
  return tree.map((item, j) =>
    j === i ? { ...item, children: editNested(item.children, rest, edit) } : item
  )
}

function pathOf(tree: readonly ListItem[], id: string): Path | null {
  for (let i = 0; i < tree.length; i++) {
    if (tree[i].id === id) return [i]
    const below = pathOf(tree[i].children, id)
    if (below) return [i, ...below]
  }
  return null
}

function itemAt(tree: readonly ListItem[], path: Path): ListItem {
  const [i, ...rest] = path
  return rest.length === 0 ? tree[i] : itemAt(tree[i].children, rest)
}

export function flattenTree<T extends ListItem>(tree: readonly T[]): FlatItem<T>[] {
  const out: FlatItem<T>[] = []
  const walk = (list: readonly ListItem[], depth: number, parent: Path): void =>
    list.forEach((item, i) => {
      const path = [...parent, i]
      out.push({ item, top: depth === 0 ? tree[i] : null, depth, path })
      walk(item.children, depth + 1, path)
    })
  walk(tree, 0, [])
  return out
}

export function setText<T extends ListItem>(
  tree: T[],
  id: string,
  text: string,
  convert: TreeConvert<T>
): T[] {
  const path = pathOf(tree, id)
  if (!path) return tree
  const at = path[path.length - 1]
  return editLevel(tree, path.slice(0, -1), convert, (list) =>
    list.map((item, j) => (j === at ? { ...item, text } : item))
  )
}

/** Changes a top-level item (a need's kind, priority or horizon). */
export function updateTop<T extends ListItem>(tree: T[], id: string, edit: (item: T) => T): T[] {
  return tree.map((item) => (item.id === id ? edit(item) : item))
}

/** Inserts `item` right after `afterId` at the same level, or at the end of the top level. */
export function insertAfter<T extends ListItem>(
  tree: T[],
  afterId: string | null,
  item: ListItem,
  convert: TreeConvert<T>
): T[] {
  const path = afterId === null ? null : pathOf(tree, afterId)
  if (!path) return [...tree, convert.toTop(item)]
  const at = path[path.length - 1]
  return editLevel(tree, path.slice(0, -1), convert, (list, wrap) => [
    ...list.slice(0, at + 1),
    wrap(item),
    ...list.slice(at + 1)
  ])
}

/** Removes an item and everything under it. */
export function removeItem<T extends ListItem>(tree: T[], id: string, convert: TreeConvert<T>): T[] {
  const path = pathOf(tree, id)
  if (!path) return tree
  const at = path[path.length - 1]
  return editLevel(tree, path.slice(0, -1), convert, (list) => list.filter((_, j) => j !== at))
}

/** Swaps an item with its previous (-1) or next (+1) sibling; unchanged at either end. */
export function moveItem<T extends ListItem>(
  tree: T[],
  id: string,
  delta: -1 | 1,
  convert: TreeConvert<T>
): T[] {
  const path = pathOf(tree, id)
  if (!path) return tree
  const at = path[path.length - 1]
  return editLevel(tree, path.slice(0, -1), convert, (list) => {
    const to = at + delta
    if (to < 0 || to >= list.length) return list
    const next = [...list]
    ;[next[at], next[to]] = [next[to], next[at]]
    return next
  })
}

/** Levels in an item's subtree: 1 for an item without children. Lists are at most MAX_LIST_DEPTH deep. */
function height(item: ListItem): number {
  return 1 + item.children.reduce((most, child) => Math.max(most, height(child)), 0)
}

/** Whether an item can go under its previous sibling: not the first, and its deepest item stays within MAX_LIST_DEPTH. */
export function canIndent<T extends ListItem>(tree: T[], id: string, convert: TreeConvert<T>): boolean {
  const path = pathOf(tree, id)
  if (!path || path[path.length - 1] === 0) return false
  if (path.length + height(itemAt(tree, path)) > MAX_LIST_DEPTH) return false
  return path.length > 1 || convert.fromTop(tree[path[0]]) !== null
}

export function canOutdent(tree: readonly ListItem[], id: string): boolean {
  return (pathOf(tree, id)?.length ?? 0) > 1
}

/** Makes an item the last child of its previous sibling; null when it cannot. */
export function indentItem<T extends ListItem>(tree: T[], id: string, convert: TreeConvert<T>): T[] | null {
  const path = pathOf(tree, id)
  if (!path || !canIndent(tree, id, convert)) return null
  const at = path[path.length - 1]
  const parent = path.slice(0, -1)
  const moved = path.length === 1 ? convert.fromTop(tree[at]) : itemAt(tree, path)
  if (!moved) return null
  const removed = removeItem(tree, id, convert)
  return editLevel(removed, [...parent, at - 1], convert, (list, wrap) => [...list, wrap(moved)])
}

/** Makes an item the next sibling of its parent; null at the top level. */
export function outdentItem<T extends ListItem>(tree: T[], id: string, convert: TreeConvert<T>): T[] | null {
  const path = pathOf(tree, id)
  if (!path || path.length < 2) return null
  const moved = itemAt(tree, path)
  const parentAt = path[path.length - 2]
  const removed = removeItem(tree, id, convert)
  return editLevel(removed, path.slice(0, -2), convert, (list, wrap) => [
    ...list.slice(0, parentAt + 1),
    wrap(moved),
    ...list.slice(parentAt + 1)
  ])
}
