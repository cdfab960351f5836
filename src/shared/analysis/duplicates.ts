/**
 * Near-duplicate grouping of cards by title: pure, framework-free, and explainable. Two cards of
 * the same kind are duplicates when
 *
 * 1. their normalised titles are equal (`exact`), or, for a `near` match,
 * 2. their word sets are equal once plurals and filler words go ("Data protection officers" and
 *    "Data protection officer"),
 * 3. one alternative of a slashed title is the other title ("Software/systems developer" reads as
 *    "software developer" or "systems developer", so it matches "Software developer"),
 * 4. their word sets overlap by at least {@link JACCARD_THRESHOLD} (Jaccard), or
 * 5. the titles are spelled alike (Levenshtein ratio at least {@link SPELLING_THRESHOLD}) and
 *    carry the same numbers, so typos group but "Level 2 analyst" and "Level 3 analyst" do not.
 *
 * Groups are the connected components of these pairs. Candidate pairs come from an index of
 * shared words and title prefixes, so a large workspace is not compared pair by pair.
 */
import { normalizeTitle } from '../text/normalize'

const JACCARD_THRESHOLD = 0.75
const SPELLING_THRESHOLD = 0.85
/** Words shared by more titles than this (such as "manager") do not make candidate pairs on their own. */
const COMMON_WORD_LIMIT = 200

const FILLER_WORDS = new Set(['a', 'an', 'and', 'the', 'of', 'or', 'for', 'in', 'on', 'to', 'with'])

export interface DuplicateCandidate {
  id: string
  kind: string
  title: string
}

export type DuplicateMatch = 'exact' | 'near'

export interface DuplicateGroup {
  /** Stable while the group's first card stays: the kind and the first card's id. */
  key: string
  /** Card ids in the order the cards were given. */
  ids: string[]
  match: DuplicateMatch
}

/** A crude English singular: enough to make "developers" and "developer" one word. */
function singular(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1)
  return word
}

/** The meaningful words of a normalised phrase, singular, without filler words. */
function words(normalised: string): string[] {
  return normalised
    .split(' ')
    .filter((w) => w !== '' && !FILLER_WORDS.has(w))
    .map(singular)
}

const wordKey = (list: readonly string[]): string => [...new Set(list)].sort().join(' ')

/**
 * The readings of a slashed title: "Software/systems developer" gives "software developer" and
 * "systems developer"; "Commercial manager/ procurement manager" gives both managers. A title
 * without a slash has no alternatives.
 */
export function titleAlternatives(title: string): string[] {
  if (!title.includes('/')) return []
  const parts = title
    .split('/')
    .map((part) => normalizeTitle(part))
    .filter((part) => part !== '')
  if (parts.length < 2) return []
  const tail = parts[parts.length - 1].split(' ').slice(1).join(' ')
  return parts.map((part) => (!part.includes(' ') && tail !== '' ? `${part} ${tail}` : part))
}

/** Edit distance, giving up (returning `max + 1`) once it must exceed `max`. */
function levenshtein(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const row = [i]
    let rowMin = i
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      const value = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost)
      row.push(value)
      if (value < rowMin) rowMin = value
    }
    if (rowMin > max) return max + 1
    previous = row
  }
  return previous[b.length]
}

/** 1 for equal strings, 0 for nothing alike: 1 − distance / length of the longer. */
export function spellingRatio(a: string, b: string): number {
  const longer = Math.max(a.length, b.length)
  if (longer === 0) return 1
  const max = Math.floor(longer * (1 - SPELLING_THRESHOLD))
  return 1 - levenshtein(a, b, max) / longer
}

export function jaccard(a: readonly string[], b: readonly string[]): number {
  const left = new Set(a)
  const right = new Set(b)
  let shared = 0
  for (const w of left) if (right.has(w)) shared++
  const union = left.size + right.size - shared
  return union === 0 ? 0 : shared / union
}

/** One distinct title (by word set) within one kind; cards with equal word sets share it. */
interface Title {
  normalised: string
  words: string[]
  key: string
  alternatives: string[]
  numbers: string
  ids: string[]
}

function describe(normalised: string, alternatives: string[]): Omit<Title, 'ids'> {
  const list = words(normalised)
  return {
    normalised,
    words: list,
    key: wordKey(list),
    alternatives: alternatives.map((alt) => wordKey(words(alt))),
    numbers: list.filter((w) => /^\d+$/.test(w)).join(' ')
  }
}

/** Whether two distinct titles are near-matches (rules 3 to 5 of the module comment). */
export function isNearMatch(a: string, b: string): boolean {
  const left = describe(normalizeTitle(a), titleAlternatives(a))
  const right = describe(normalizeTitle(b), titleAlternatives(b))
  return left.key === right.key || near(left, right)
}

function near(a: Omit<Title, 'ids'>, b: Omit<Title, 'ids'>): boolean {
  if (a.alternatives.includes(b.key) || b.alternatives.includes(a.key)) return true
  if (jaccard(a.words, b.words) >= JACCARD_THRESHOLD) return true
  return (
    a.numbers === b.numbers &&
    Math.min(a.normalised.length, b.normalised.length) >= 5 &&
    spellingRatio(a.normalised, b.normalised) >= SPELLING_THRESHOLD
  )
}

class UnionFind {
  private readonly parent: number[]
  constructor(size: number) {
    this.parent = Array.from({ length: size }, (_, i) => i)
  }
  find(i: number): number {
    while (this.parent[i] !== i) {
      this.parent[i] = this.parent[this.parent[i]]
      i = this.parent[i]
    }
    return i
  }
  union(a: number, b: number): void {
    const ra = this.find(a)
    const rb = this.find(b)
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb)
  }
}

/** Candidate pairs of titles: those sharing an uncommon word, a title prefix or an alternative. */
function candidatePairs(titles: Title[]): [number, number][] {
  const buckets = new Map<string, number[]>()
  const add = (bucket: string, i: number): void => {
    const list = buckets.get(bucket)
    if (!list) buckets.set(bucket, [i])
    else if (list[list.length - 1] !== i) list.push(i)
  }
  titles.forEach((title, i) => {
    for (const word of new Set(title.words)) add(`w:${word}`, i)
    add(`p:${title.normalised.slice(0, 3)}`, i)
    for (const alternative of title.alternatives) add(`w:${alternative}`, i)
    add(`w:${title.key}`, i)
  })
  const seen = new Set<number>()
  const pairs: [number, number][] = []
  for (const members of buckets.values()) {
    if (members.length < 2 || members.length > COMMON_WORD_LIMIT) continue
    for (let x = 0; x < members.length; x++) {
      for (let y = x + 1; y < members.length; y++) {
        const id = members[x] * titles.length + members[y]
        if (seen.has(id)) continue
        seen.add(id)
        pairs.push([members[x], members[y]])
      }
    }
  }
  return pairs
}

function groupKind(cards: DuplicateCandidate[]): DuplicateGroup[] {
  const byKey = new Map<string, Title>()
  const exactTitles = new Map<string, string>()
  for (const card of cards) {
    const normalised = normalizeTitle(card.title)
    exactTitles.set(card.id, normalised)
    const described = describe(normalised, titleAlternatives(card.title))
    const existing = byKey.get(described.key)
    if (existing) existing.ids.push(card.id)
    else byKey.set(described.key, { ...described, ids: [card.id] })
  }
  const titles = [...byKey.values()].filter((t) => t.key !== '')
  const sets = new UnionFind(titles.length)
  for (const [a, b] of candidatePairs(titles)) {
    if (sets.find(a) !== sets.find(b) && near(titles[a], titles[b])) sets.union(a, b)
  }
  const components = new Map<number, Set<string>>()
  titles.forEach((title, i) => {
    const root = sets.find(i)
    const ids = components.get(root) ?? new Set<string>()
    for (const id of title.ids) ids.add(id)
    components.set(root, ids)
  })
  const groups: DuplicateGroup[] = []
  for (const members of components.values()) {
    if (members.size < 2) continue
    const ids = cards.map((c) => c.id).filter((id) => members.has(id))
    const isExact = new Set(ids.map((id) => exactTitles.get(id))).size === 1
    groups.push({ key: '', ids, match: isExact ? 'exact' : 'near' })
  }
  return groups
}

/**
 * Groups cards of the same kind whose titles match or nearly match, in the order of each group's
 * first card. Cards with an empty title never group.
 */
export function findDuplicateGroups(cards: readonly DuplicateCandidate[]): DuplicateGroup[] {
  const position = new Map(cards.map((c, i) => [c.id, i]))
  const byKind = new Map<string, DuplicateCandidate[]>()
  for (const card of cards) {
    const list = byKind.get(card.kind) ?? []
    list.push(card)
    byKind.set(card.kind, list)
  }
  const groups = [...byKind.entries()].flatMap(([kind, list]) =>
    groupKind(list).map((group) => ({ ...group, key: `${kind}:${group.ids[0]}` }))
  )
  return groups.sort((a, b) => (position.get(a.ids[0]) ?? 0) - (position.get(b.ids[0]) ?? 0))
}

/** The ids of every card that is in some group. */
export const duplicateIds = (groups: readonly DuplicateGroup[]): Set<string> =>
  new Set(groups.flatMap((g) => g.ids))
