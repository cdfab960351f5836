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

/** Needs with the same text become one: the first keeps its fields and gains every capability link. */
function mergeNeeds(lists: Need[][]): Need[] {
  const byKey = new Map<string, Need>()
  for (const need of lists.flat()) {
    const key = itemKey(need)
    const kept = byKey.get(key)
    if (!kept) {
      byKey.set(key, need)
      continue
    }
    const capabilityIds = [...new Set([...kept.capabilityIds, ...need.capabilityIds])]
    if (capabilityIds.length !== kept.capabilityIds.length || (!kept.override && need.override)) {
      byKey.set(key, { ...kept, capabilityIds, override: kept.override ?? need.override })
    }
  }
  return [...byKey.values()]
}

/**
 * The distinct texts of the cards joined as paragraphs. With `sourceOf` and more than one distinct
 * text, each text follows a paragraph naming the card it came from, so nothing loses its source.
 */
function joinTexts(all: Card[], text: (card: Card) => string, sourceOf?: (card: Card) => string): string {
  const seen = new Set<string>()
  const kept: { card: Card; text: string }[] = []
  for (const card of all) {
    const value = text(card)
    const key = normalizeTitle(value)
    if (value.trim() === '' || seen.has(key)) continue
    seen.add(key)
    kept.push({ card, text: value })
  }
  if (!sourceOf || kept.length < 2) return kept.map((k) => k.text).join('\n\n')
  return kept.map((k) => `${sourceOf(k.card)}\n\n${k.text}`).join('\n\n')
}

/**
 * Merges cards into the survivor: it keeps its id, title and kind, and gains every distinct
 * description, tag, link, qualification and list item of the others. Cards of the other kind
 * contribute what both kinds carry. With `sourceOf`, differing descriptions and notes each keep a
 * line naming the card they came from (see {@link joinTexts}).
 */
export function mergeCardContent(survivor: Card, others: Card[], sourceOf?: (card: Card) => string): Card {
  const all = [survivor, ...others]
  const merged: Card = {
    ...survivor,
    description: joinTexts(all, (c) => c.description, sourceOf),
    notes: joinTexts(all, (c) => c.notes, sourceOf),
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
    merged.needs = mergeNeeds(personas.map((c) => c.needs))
    merged.linkedRoleIds = [...new Set(personas.flatMap((c) => c.linkedRoleIds))]
    merged.headcount = personas.find((c) => c.headcount !== null)?.headcount ?? null
  }
  return merged
}
