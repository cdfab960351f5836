import type { Card, Link, ListItem, Need } from '../model/schema'
import { normalizeTitle } from '../text/normalize'

function unionBy<T>(lists: T[][], key: (item: T) => string): T[] {
  const seen = new Set<string>()
  const out: T[] = []
  for (const list of lists) {
    for (const item of list) {
      const k = key(item)
      if (seen.has(k)) continue
      seen.add(k)
      out.push(item)
    }
  }
  return out
}

const itemKey = (item: ListItem | Need): string => normalizeTitle(item.text)
const distinctText = (texts: string[]): string[] =>
  unionBy(
    texts.map((t) => [t]).filter(([t]) => t.trim() !== ''),
    (t) => normalizeTitle(t)
  )

/**
 * Merges cards into the survivor: it keeps its id, title and kind, and gains every distinct
 * description, tag, link, qualification and list item of the others. Cards of the other kind
 * contribute what both kinds carry.
 */
export function mergeCardContent(survivor: Card, others: Card[]): Card {
  const all = [survivor, ...others]
  const merged: Card = {
    ...survivor,
    description: distinctText(all.map((c) => c.description)).join('\n\n'),
    notes: distinctText(all.map((c) => c.notes)).join('\n\n'),
    tags: unionBy(
      all.map((c) => c.tags),
      (t) => t.toLowerCase()
    ),
    links: unionBy<Link>(
      all.map((c) => c.links),
      (l) => l.url
    )
  }
  if (merged.kind === 'role') {
    const roles = all.filter((c) => c.kind === 'role')
    merged.qualifications = unionBy(
      roles.map((c) => c.qualifications),
      (q) => normalizeTitle(q)
    )
    merged.occupationUri = roles.find((c) => c.occupationUri)?.occupationUri ?? null
  } else {
    const personas = all.filter((c) => c.kind === 'persona')
    merged.goals = unionBy(
      personas.map((c) => c.goals),
      itemKey
    )
    merged.habits = unionBy(
      personas.map((c) => c.habits),
      itemKey
    )
    merged.problems = unionBy(
      personas.map((c) => c.problems),
      itemKey
    )
    merged.needs = unionBy(
      personas.map((c) => c.needs),
      itemKey
    )
    merged.linkedRoleIds = [...new Set(personas.flatMap((c) => c.linkedRoleIds))]
    merged.headcount = personas.find((c) => c.headcount !== null)?.headcount ?? null
  }
  return merged
}
