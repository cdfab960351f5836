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
 *    carry the same numbers, so typos group but "Level 2 analyst" and "Level 3 analyst" do not
 *    (titles of up to {@link SPELLING_LENGTH_LIMIT} characters).
 *
 * Groups are the connected components of these pairs. Candidate pairs come from an index of
 * shared words and title prefixes, so a large workspace is not compared pair by pair; and the work
 * is bounded whatever the titles (a limit per title and in all, see {@link findDuplicates}), with
 * `capped` saying when a limit left pairs uncompared.
 */
import { normalizeTitle } from '../text/normalize'

const JACCARD_THRESHOLD = 0.75
const SPELLING_THRESHOLD = 0.85
/** Words shared by more titles than this (such as "manager") do not make candidate pairs on their own. */
const COMMON_WORD_LIMIT = 200

/** Titles longer than this (normalised) match by words only: comparing their spelling costs the square of their length. */
const SPELLING_LENGTH_LIMIT = 120
/** Index entries per title at most, the rarest kept: a title of hundreds of words meets no more candidates than one of 24. */
const ENTRIES_PER_TITLE = 24

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

/** The distinct words of a list, in increasing order. */
function sortedDistinct(list: readonly string[]): string[] {
  const sorted = [...list].sort()
  let kept = 0
  for (const word of sorted) if (kept === 0 || sorted[kept - 1] !== word) sorted[kept++] = word
  sorted.length = kept
  return sorted
}

const wordKey = (list: readonly string[]): string => sortedDistinct(list).join(' ')

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

/** Two rows of the edit-distance table, reused from call to call (grown as needed). */
let rows = [new Int32Array(64), new Int32Array(64)]

/** Where each ASCII character stands in the pattern of {@link bitParallelDistance}, one bit a position. */
const positions = new Int32Array(128)

/**
 * Edit distance when `pattern` has 1 to 32 characters, a column of the table at a time in the
 * bits of two numbers (Myers' bit-parallel algorithm, Hyyrö's form): a few operations a
 * character of `text` instead of a cell each. Most titles are that short.
 */
function bitParallelDistance(pattern: string, text: string): number {
  const m = pattern.length
  for (let k = 0; k < m; k++) {
    const c = pattern.charCodeAt(k)
    if (c < 128) positions[c] |= 1 << k
  }
  const last = 1 << (m - 1)
  let plus = m === 32 ? -1 : (1 << m) - 1
  let minus = 0
  let distance = m
  for (let j = 0; j < text.length; j++) {
    const c = text.charCodeAt(j)
    let equal = 0
    if (c < 128) equal = positions[c]
    else for (let k = 0; k < m; k++) if (pattern.charCodeAt(k) === c) equal |= 1 << k
    const vertical = equal | minus
    const horizontal = (((equal & plus) + plus) ^ plus) | equal | 0
    let up = minus | ~(horizontal | plus)
    let down = plus & horizontal
    if (up & last) distance++
    if (down & last) distance--
    up = (up << 1) | 1
    down = down << 1
    plus = down | ~(vertical | up)
    minus = up & vertical
  }
  for (let k = 0; k < m; k++) {
    const c = pattern.charCodeAt(k)
    if (c < 128) positions[c] = 0
  }
  return distance
}

/**
 * Edit distance, giving up (returning `max + 1`) once it must exceed `max`. Only the band of
 * cells within `max` of the diagonal can stay within `max`, so only those are computed.
 */
function levenshtein(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1
  if (a.length >= 1 && a.length <= 32) return Math.min(bitParallelDistance(a, b), max + 1)
  if (b.length >= 1 && b.length <= 32) return Math.min(bitParallelDistance(b, a), max + 1)
  if (rows[0].length <= b.length) rows = [new Int32Array(b.length + 1), new Int32Array(b.length + 1)]
  const over = max + 1
  let [previous, row] = rows
  for (let j = 0; j <= b.length; j++) previous[j] = j <= max ? j : over
  for (let i = 1; i <= a.length; i++) {
    const from = Math.max(1, i - max)
    const to = Math.min(b.length, i + max)
    row[0] = i <= max ? i : over
    if (from > 1) row[from - 1] = over
    let rowMin = row[0]
    for (let j = from; j <= to; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1
      const above = j <= i - 1 + max ? previous[j] : over
      const value = Math.min(above + 1, row[j - 1] + 1, previous[j - 1] + cost, over)
      row[j] = value
      if (value < rowMin) rowMin = value
    }
    if (to < b.length) row[to + 1] = over
    if (rowMin > max) return over
    ;[previous, row] = [row, previous]
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

export const jaccard = (a: readonly string[], b: readonly string[]): number =>
  jaccardOfSorted(sortedDistinct(a), sortedDistinct(b))

/** Jaccard of two lists of distinct words in increasing order, in one merge. */
function jaccardOfSorted(left: readonly string[], right: readonly string[]): number {
  let shared = 0
  for (let l = 0, r = 0; l < left.length && r < right.length;) {
    if (left[l] === right[r]) {
      shared++
      l++
      r++
    } else if (left[l] < right[r]) l++
    else r++
  }
  const union = left.length + right.length - shared
  return union === 0 ? 0 : shared / union
}

/** One distinct title (by word set) within one kind; cards with equal word sets share it. */
interface Title {
  normalised: string
  words: string[]
  /** The distinct words, in increasing order: arrays, not sets, as a workspace holds tens of thousands of titles. */
  distinct: string[]
  key: string
  alternatives: string[]
  numbers: string
  /** Which letters and digits the title holds, one bit each: titles spelt alike hold nearly the same. */
  letters: number
  ids: string[]
}

/** Bits 0–25 for a–z, 26–30 for digits (two each), 31 for anything else. */
function letterMask(text: string): number {
  let mask = 0
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k)
    if (c === 32) continue
    if (c >= 97 && c <= 122) mask |= 1 << (c - 97)
    else if (c >= 48 && c <= 57) mask |= 1 << (26 + ((c - 48) >> 1))
    else mask |= 1 << 31
  }
  return mask
}

/** How many bits are set. */
function bitCount(value: number): number {
  let v = value - ((value >>> 1) & 0x55555555)
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333)
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff
}

function describe(normalised: string, alternatives: string[], ids: string[] = []): Title {
  const list = words(normalised)
  const distinct = sortedDistinct(list)
  return {
    normalised,
    words: list,
    distinct,
    key: distinct.join(' '),
    alternatives: alternatives.map((alt) => wordKey(words(alt))),
    // Most titles hold no digit: no need to look at their words one by one.
    numbers: /\d/.test(normalised) ? list.filter((w) => /^\d+$/.test(w)).join(' ') : '',
    letters: letterMask(normalised),
    ids
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
  if (jaccardOfSorted(a.distinct, b.distinct) >= JACCARD_THRESHOLD) return true
  return (
    a.numbers === b.numbers &&
    Math.min(a.normalised.length, b.normalised.length) >= 5 &&
    Math.max(a.normalised.length, b.normalised.length) <= SPELLING_LENGTH_LIMIT &&
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

/**
 * How many candidates each title is compared with at most: the best {@link PER_TITLE_LIMIT} of
 * those that pass the quick test ({@link nearFilter}), by shared index entries and letters. The
 * quick test leaves only a few candidates to a title of a realistic workspace (a family of a
 * handful of spellings, none cut in our 1,000 to 50,000-title benches); 32 leaves room for a
 * large family while bounding the work to 32 comparisons a title when titles are built to pass
 * the quick test (anagrams: tests/unit/shared/analysis/duplicates-limits.test.ts).
 */
export const PER_TITLE_LIMIT = 32
/**
 * How many near-match comparisons one search makes at most, the most alike pairs first: a few
 * seconds of work at worst (long titles cost more, see `Budget`), off the UI thread.
 */
export const COMPARISON_BUDGET = 1_000_000

export interface DuplicateSearchOptions {
  /** Candidates per title; {@link PER_TITLE_LIMIT} unless given (Infinity: every candidate). */
  perTitle?: number
  /** Near-match comparisons in all; {@link COMPARISON_BUDGET} unless given (Infinity: no limit). */
  budget?: number
  /** Pairs of titles marked "Not a duplicate": never linked (see {@link splitDismissed}). */
  dismissed?: readonly DismissedPair[]
}

/** Two titles of one kind that the user said are not duplicates (Workspace.dismissedDuplicates). */
export interface DismissedPair {
  kind: string
  titles: readonly [string, string]
}

/** Groups larger than this are not split by dismissed pairs: comparing every two of their cards would cost too much. */
export const DISMISSED_SPLIT_LIMIT = 400

const pairKey = (kind: string, a: string, b: string): string =>
  a < b ? `${kind}\u0000${a}\u0000${b}` : `${kind}\u0000${b}\u0000${a}`

/**
 * The groups once dismissed pairs no longer link their titles: a group that holds a dismissed
 * pair is regrouped from the links between its own cards (equal or near titles) without that
 * pair, so it splits when the pair was its only link. Groups above {@link DISMISSED_SPLIT_LIMIT}
 * cards stay as they are.
 */
function splitDismissed(
  groups: DuplicateGroup[],
  cards: readonly DuplicateCandidate[],
  dismissed: readonly DismissedPair[]
): DuplicateGroup[] {
  const pairs = new Set(
    dismissed.map((p) => pairKey(p.kind, normalizeTitle(p.titles[0]), normalizeTitle(p.titles[1])))
  )
  const named = new Set(dismissed.flatMap((p) => p.titles.map((t) => `${p.kind}\u0000${normalizeTitle(t)}`)))
  const byId = new Map(cards.map((c) => [c.id, c]))
  return groups.flatMap((group) => {
    const members = group.ids.flatMap((id) => byId.get(id) ?? [])
    const titles = members.map((c) => normalizeTitle(c.title))
    const kind = members[0]?.kind ?? ''
    if (members.length > DISMISSED_SPLIT_LIMIT || !titles.some((t) => named.has(`${kind}\u0000${t}`)))
      return [group]
    const described = new Map<string, Omit<Title, 'ids'>>()
    const look = (i: number): Omit<Title, 'ids'> => {
      let title = described.get(titles[i])
      if (!title) {
        title = describe(titles[i], titleAlternatives(members[i].title))
        described.set(titles[i], title)
      }
      return title
    }
    const sets = new UnionFind(members.length)
    for (let i = 0; i < members.length; i++) {
      for (let j = i + 1; j < members.length; j++) {
        if (sets.find(i) === sets.find(j) || pairs.has(pairKey(kind, titles[i], titles[j]))) continue
        const a = look(i)
        const b = look(j)
        if (a.key === b.key || near(a, b)) sets.union(i, j)
      }
    }
    const components = new Map<number, number[]>()
    members.forEach((_, i) => components.set(sets.find(i), [...(components.get(sets.find(i)) ?? []), i]))
    return [...components.values()]
      .filter((list) => list.length > 1)
      .map((list) => ({
        key: `${kind}:${members[list[0]].id}`,
        ids: list.map((i) => members[i].id),
        match: new Set(list.map((i) => titles[i])).size === 1 ? ('exact' as const) : ('near' as const)
      }))
  })
}

export interface DuplicateSearch {
  groups: DuplicateGroup[]
  /** True when a limit left some candidate pairs uncompared: some near matches may be missing. Exact matches never are. */
  capped: boolean
  /** Near-match comparisons made, for the tests and the bench. */
  comparisons: number
  /** Candidate pairs left uncompared because of a limit. */
  skipped: number
}

/** The work shared by the kinds of one search. */
interface Budget {
  perTitle: number
  /** Comparisons left: one costs 1 and 1 more for every 32 words of the two titles. */
  left: number
  /** Whether some title's index entries were cut to the rarest {@link ENTRIES_PER_TITLE}. */
  entriesCut: boolean
  comparisons: number
  skipped: number
}

/** Lists of numbers as one flat array: list `i` is `items[starts[i] .. starts[i + 1])`. */
interface FlatLists {
  starts: Int32Array
  items: Int32Array
}

function flatten(lists: readonly (readonly number[])[]): FlatLists {
  const starts = new Int32Array(lists.length + 1)
  lists.forEach((list, i) => (starts[i + 1] = starts[i] + list.length))
  const items = new Int32Array(starts[lists.length])
  lists.forEach((list, i) => items.set(list, starts[i]))
  return { starts, items }
}

/**
 * The index: every title's entries (its uncommon words, its first three letters, its alternatives
 * and its own word key), keeping only entries shared by 2 to {@link COMMON_WORD_LIMIT} titles,
 * and the rarest {@link ENTRIES_PER_TITLE} of a title (`cut` says whether some title had more);
 * every entry's titles; each title's words as entry numbers, in increasing order; and the words of
 * each title that other titles have but that are not among its entries. Entries are numbers
 * from here on: the search compares integers, never strings.
 */
function buildIndex(titles: Title[]): {
  entries: FlatLists
  members: FlatLists
  cut: boolean
  isWord: Uint8Array
  words: FlatLists
  unindexed: FlatLists
} {
  // Words, alternatives and word keys share one name space, prefixes have their own. Entries are
  // numbered in the order first met: ties between equally rare entries go to the lower number.
  const named = new Map<string, number>()
  const prefixes = new Map<string, number>()
  const lists: number[][] = []
  const add = (names: Map<string, number>, name: string, i: number): number => {
    let entry = names.get(name)
    if (entry === undefined) {
      entry = lists.length
      names.set(name, entry)
      lists.push([])
    }
    const list = lists[entry]
    if (list[list.length - 1] !== i) list.push(i)
    return entry
  }
  const wordLists = titles.map((title, i) => {
    // In the order of the title's words, so entries are numbered as they are first met.
    const own: number[] = []
    for (const word of title.words) own.push(add(named, word, i))
    add(prefixes, title.normalised.slice(0, 3), i)
    for (const alternative of title.alternatives) add(named, alternative, i)
    add(named, title.key, i)
    own.sort((a, b) => a - b)
    return own.filter((entry, k) => k === 0 || own[k - 1] !== entry)
  })
  const perTitle: number[][] = titles.map(() => [])
  lists.forEach((list, entry) => {
    if (list.length < 2 || list.length > COMMON_WORD_LIMIT) return
    for (const i of list) perTitle[i].push(entry)
  })
  let cut = false
  for (const list of perTitle) {
    if (list.length <= ENTRIES_PER_TITLE) continue
    list.sort((a, b) => lists[a].length - lists[b].length || a - b)
    list.length = ENTRIES_PER_TITLE
    cut = true
  }
  const entries = flatten(perTitle)
  // Whether each kept entry is one of the title's words, and the words other titles have that are
  // not among its entries (too common, or cut).
  const isWord = new Uint8Array(entries.items.length)
  const unindexed = wordLists.map((own, i) => {
    const outside: number[] = []
    for (const entry of own) {
      const at = perTitle[i].indexOf(entry)
      if (at >= 0) isWord[entries.starts[i] + at] = 1
      else if (lists[entry].length >= 2) outside.push(entry)
    }
    return outside
  })
  return {
    entries,
    members: flatten(lists),
    cut,
    isWord,
    words: flatten(wordLists),
    unindexed: flatten(unindexed)
  }
}

/** Whether `value` is in the increasing run `items[from .. to)`. */
function holds(items: Int32Array, from: number, to: number, value: number): boolean {
  while (from < to) {
    const middle = (from + to) >> 1
    if (items[middle] < value) from = middle + 1
    else if (items[middle] > value) to = middle
    else return true
  }
  return false
}

/**
 * A quick test that two titles can be near matches at all (rules 3 to 5), given how many of the
 * first title's word entries hold the second: false only when {@link near} would be false, so
 * leaving such pairs out changes no group and cuts nothing. The cheapest checks come first: it
 * runs for every title that shares an entry with another, hundreds of times a title.
 *
 * - Rule 3 is checked as it is: a slashed title's alternatives against the other's words.
 * - Rule 4 needs shared words s ≥ 0.75 · (|A| + |B| − s), that is s ≥ 3 (|A| + |B|) / 7; the
 *   shared words are at most the first title's word entries that hold the second, plus the first
 *   title's words outside its entries that the second has.
 * - Rule 5 needs the same numbers, lengths 5 to {@link SPELLING_LENGTH_LIMIT} within the allowed
 *   distance of each other, and as many edits as the letters one title has more of than the
 *   other (an edit removes at most one and adds at most one), and as half the pairs of
 *   neighbouring characters one title has and the other lacks (an edit breaks at most two).
 */
function nearFilter(
  titles: Title[],
  words: FlatLists,
  unindexed: FlatLists
): (i: number, j: number, commonWords: number) => boolean {
  const numberIds = new Map<string, number>()
  const numbers = Int32Array.from(titles, (t) => {
    const known = numberIds.get(t.numbers)
    if (known !== undefined) return known
    numberIds.set(t.numbers, numberIds.size)
    return numberIds.size - 1
  })
  const lengths = Int32Array.from(titles, (t) => t.normalised.length)
  const sizes = Int32Array.from(titles, (t) => t.distinct.length)
  const slashed = Uint8Array.from(titles, (t) => (t.alternatives.length > 0 ? 1 : 0))
  const letters = Int32Array.from(titles, (t) => t.letters)
  // How many of each letter (a–z, digits two by two, anything else) each title holds, 32 a title.
  const counts = new Uint8Array(titles.length * 32)
  const quads = new Int32Array(counts.buffer)
  // Which pairs of neighbouring characters each title holds, hashed to 64 bits (two numbers a title).
  const pairs = new Int32Array(titles.length * 2)
  titles.forEach((t, i) => {
    if (t.normalised.length > SPELLING_LENGTH_LIMIT) return
    for (let k = 0; k < t.normalised.length; k++) {
      const c = t.normalised.charCodeAt(k)
      if (k > 0) {
        const bit = (t.normalised.charCodeAt(k - 1) * 31 + c) & 63
        pairs[2 * i + (bit >> 5)] |= 1 << (bit & 31)
      }
      if (c === 32) continue
      const slot = c >= 97 && c <= 122 ? c - 97 : c >= 48 && c <= 57 ? 26 + ((c - 48) >> 1) : 31
      counts[i * 32 + slot]++
    }
  })
  /**
   * At least this many edits turn one title into the other as far as their pairs of neighbouring
   * characters tell: a pair one title holds and the other lacks must be broken, and an edit breaks
   * at most two.
   */
  const pairEdits = (i: number, j: number): number => {
    const lacking = (a: number, b: number): number =>
      bitCount(pairs[2 * a] & ~pairs[2 * b]) + bitCount(pairs[2 * a + 1] & ~pairs[2 * b + 1])
    return (Math.max(lacking(i, j), lacking(j, i)) + 1) >> 1
  }
  /** At least this many edits turn one title into the other: every surplus letter must go, every missing one come. */
  const fewestEdits = (i: number, j: number): number => {
    let surplus = 0
    let missing = 0
    // Four counts at a time first: titles spelt alike hold mostly the same counts.
    for (let w = 0; w < 8; w++) {
      if (quads[i * 8 + w] === quads[j * 8 + w]) continue
      for (let k = 4 * w; k < 4 * w + 4; k++) {
        const d = counts[i * 32 + k] - counts[j * 32 + k]
        if (d > 0) surplus += d
        else missing -= d
      }
    }
    return Math.max(surplus, missing)
  }
  /** The words of `i` outside its entries that `j` has too (all of them counted when there are many). */
  const sharedOutside = (i: number, j: number): number => {
    const from = unindexed.starts[i]
    const to = unindexed.starts[i + 1]
    if (to - from > 8) return to - from
    let count = 0
    for (let k = from; k < to; k++) {
      if (holds(words.items, words.starts[j], words.starts[j + 1], unindexed.items[k])) count++
    }
    return count
  }
  /** The edits `i` and `j` may differ by if they can be spelt alike at all (rule 5 but the letter counts), else -1. */
  const allowedEdits = (i: number, j: number): number => {
    if (numbers[i] !== numbers[j]) return -1
    const shorter = Math.min(lengths[i], lengths[j])
    const longer = Math.max(lengths[i], lengths[j])
    if (shorter < 5 || longer > SPELLING_LENGTH_LIMIT) return -1
    const allowed = Math.floor(longer * (1 - SPELLING_THRESHOLD))
    return longer - shorter <= allowed && (bitCount(letters[i] ^ letters[j]) + 1) >> 1 <= allowed
      ? allowed
      : -1
  }
  return (i, j, commonWords) => {
    if (slashed[i] === 1 && titles[i].alternatives.includes(titles[j].key)) return true
    if (slashed[j] === 1 && titles[j].alternatives.includes(titles[i].key)) return true
    const needed = 3 * (sizes[i] + sizes[j])
    const outside = unindexed.starts[i + 1] - unindexed.starts[i]
    if (7 * (commonWords + outside) >= needed && 7 * (commonWords + sharedOutside(i, j)) >= needed)
      return true
    const allowed = allowedEdits(i, j)
    return allowed >= 0 && pairEdits(i, j) <= allowed && fewestEdits(i, j) <= allowed
  }
}

/**
 * Every title's best candidates: the titles it shares index entries with, ranked by the share of
 * their entries in common (shared / entries of either) plus the share of letters in common (a typo
 * shares every index entry but one, and nearly all its letters), ties by position; at most
 * `budget.perTitle` of them. The work is the sum of the sizes of each title's entries, at most
 * {@link COMMON_WORD_LIMIT} per entry. Returns the pairs to compare (flat: a, b, a, b, …), the
 * most alike first, and counts in `budget.skipped` the pairs that neither title kept.
 */
function bestCandidates(titles: Title[], budget: Budget): Int32Array {
  const { entries, members, cut, isWord, words, unindexed } = buildIndex(titles)
  if (cut) budget.entriesCut = true
  const n = titles.length
  const letters = Int32Array.from(titles, (t) => t.letters)
  const canBeNear = nearFilter(titles, words, unindexed)
  const sharedWords = new Int32Array(n)
  const shared = new Int32Array(n)
  // The titles met so far, each once: touched[0 .. met).
  const touched = new Int32Array(n)
  const limit = Math.min(budget.perTitle, n)
  // The best `limit` so far, a heap with the worst at the root.
  const heapIds = new Int32Array(limit)
  const heapScores = new Float64Array(limit)
  // Each title's kept candidates: keptIds[offsets[i] .. offsets[i + 1]).
  const keptIds: number[] = []
  const keptScores: number[] = []
  const offsets = [0]
  let cuts = 0
  let met = 0
  // The arrays of the innermost loop, in locals: it runs hundreds of times a title.
  const memberStarts = members.starts
  const memberItems = members.items
  for (let i = 0; i < n; i++) {
    for (let e = entries.starts[i]; e < entries.starts[i + 1]; e++) {
      const entry = entries.items[e]
      const word = isWord[e]
      const end = memberStarts[entry + 1]
      for (let m = memberStarts[entry]; m < end; m++) {
        const j = memberItems[m]
        if (j === i) continue
        if (shared[j] === 0) touched[met++] = j
        shared[j]++
        sharedWords[j] += word
      }
    }
    const own = entries.starts[i + 1] - entries.starts[i]
    let size = 0
    for (let t = 0; t < met; t++) {
      const j = touched[t]
      const common = shared[j]
      const commonWords = sharedWords[j]
      shared[j] = 0
      sharedWords[j] = 0
      if (!canBeNear(i, j, commonWords)) continue
      const score =
        common / (own + entries.starts[j + 1] - entries.starts[j] - common) +
        1 -
        bitCount(letters[i] ^ letters[j]) / 32
      if (size < limit) {
        // Sift up.
        let at = size++
        while (at > 0) {
          const parent = (at - 1) >> 1
          if (heapScores[parent] < score || (heapScores[parent] === score && heapIds[parent] > j)) break
          heapIds[at] = heapIds[parent]
          heapScores[at] = heapScores[parent]
          at = parent
        }
        heapIds[at] = j
        heapScores[at] = score
        continue
      }
      cuts++
      if (score < heapScores[0] || (score === heapScores[0] && j > heapIds[0])) continue
      // Replace the root and sift down.
      let at = 0
      for (;;) {
        const left = 2 * at + 1
        if (left >= size) break
        const right = left + 1
        const child =
          right < size &&
          (heapScores[right] < heapScores[left] ||
            (heapScores[right] === heapScores[left] && heapIds[right] > heapIds[left]))
            ? right
            : left
        if (score < heapScores[child] || (score === heapScores[child] && j > heapIds[child])) break
        heapIds[at] = heapIds[child]
        heapScores[at] = heapScores[child]
        at = child
      }
      heapIds[at] = j
      heapScores[at] = score
    }
    met = 0
    for (let k = 0; k < size; k++) {
      keptIds.push(heapIds[k])
      keptScores.push(heapScores[k])
    }
    offsets.push(keptIds.length)
  }
  // Each pair once: from the lower title, or from the higher when the lower cut it. A pair cut
  // on both sides was counted twice above, one kept on one side only once but not skipped.
  const keeps = (i: number, j: number): boolean => {
    for (let k = offsets[i]; k < offsets[i + 1]; k++) if (keptIds[k] === j) return true
    return false
  }
  const pairs: number[] = []
  const scores: number[] = []
  let oneSided = 0
  for (let i = 0; i < n; i++) {
    for (let k = offsets[i]; k < offsets[i + 1]; k++) {
      const j = keptIds[k]
      const mutual = keeps(j, i)
      if (!mutual) oneSided++
      if (j > i || !mutual) {
        pairs.push(i, j)
        scores.push(keptScores[k])
      }
    }
  }
  budget.skipped += (cuts - oneSided) / 2
  return byScore(pairs, scores)
}

/** The pairs (flat: a, b, a, b, …) from the highest score (2) to the lowest, in a linear counting sort. */
function byScore(pairs: number[], scores: number[]): Int32Array {
  const LEVELS = 4096
  const level = (k: number): number => LEVELS - Math.round((scores[k] / 2) * LEVELS)
  const starts = new Int32Array(LEVELS + 2)
  for (let k = 0; k < scores.length; k++) starts[level(k) + 1]++
  for (let l = 1; l < starts.length; l++) starts[l] += starts[l - 1]
  const sorted = new Int32Array(pairs.length)
  for (let k = 0; k < scores.length; k++) {
    const at = starts[level(k)]++
    sorted[2 * at] = pairs[2 * k]
    sorted[2 * at + 1] = pairs[2 * k + 1]
  }
  return sorted
}

function groupKind(cards: DuplicateCandidate[], budget: Budget): DuplicateGroup[] {
  const byKey = new Map<string, number>()
  const titles: Title[] = []
  const exactTitles: string[] = []
  // Each card's title (by the card's position), -1 for an empty one.
  const titleOf = new Int32Array(cards.length).fill(-1)
  cards.forEach((card, c) => {
    const normalised = normalizeTitle(card.title)
    exactTitles.push(normalised)
    const described = describe(normalised, titleAlternatives(card.title), [card.id])
    // Equal word keys are one title already: exact matches never depend on the limits below.
    if (described.key === '') return
    const existing = byKey.get(described.key)
    if (existing !== undefined) {
      titles[existing].ids.push(card.id)
      titleOf[c] = existing
    } else {
      titleOf[c] = titles.length
      byKey.set(described.key, titles.length)
      titles.push(described)
    }
  })
  const sets = new UnionFind(titles.length)
  const pairs = bestCandidates(titles, budget)
  for (let k = 0; k < pairs.length; k += 2) {
    const a = pairs[k]
    const b = pairs[k + 1]
    if (sets.find(a) === sets.find(b)) continue
    if (budget.left <= 0) {
      budget.skipped++
      continue
    }
    budget.left -= 1 + ((titles[a].words.length + titles[b].words.length) >> 5)
    budget.comparisons++
    if (near(titles[a], titles[b])) sets.union(a, b)
  }
  // Each card joins its title's component, in the order the cards were given.
  const components = new Map<number, number[]>()
  for (let c = 0; c < cards.length; c++) {
    if (titleOf[c] < 0) continue
    const root = sets.find(titleOf[c])
    const members = components.get(root)
    if (members) members.push(c)
    else components.set(root, [c])
  }
  const groups: DuplicateGroup[] = []
  for (const members of components.values()) {
    if (members.length < 2) continue
    const isExact = members.every((c) => exactTitles[c] === exactTitles[members[0]])
    groups.push({ key: '', ids: members.map((c) => cards[c].id), match: isExact ? 'exact' : 'near' })
  }
  return groups
}

/**
 * Groups cards of the same kind whose titles match or nearly match, in the order of each group's
 * first card, and says whether a limit cut the search short. Cards with an empty title never
 * group. The work is bounded whatever the titles: each title is compared with its best
 * {@link PER_TITLE_LIMIT} candidates, and the search makes at most {@link COMPARISON_BUDGET}
 * comparisons, the most promising first. Titles of a dismissed pair are never linked.
 */
export function findDuplicates(
  cards: readonly DuplicateCandidate[],
  options: DuplicateSearchOptions = {}
): DuplicateSearch {
  const budget: Budget = {
    perTitle: options.perTitle ?? PER_TITLE_LIMIT,
    left: options.budget ?? COMPARISON_BUDGET,
    entriesCut: false,
    comparisons: 0,
    skipped: 0
  }
  const position = new Map(cards.map((c, i) => [c.id, i]))
  const byKind = new Map<string, DuplicateCandidate[]>()
  for (const card of cards) {
    const list = byKind.get(card.kind) ?? []
    list.push(card)
    byKind.set(card.kind, list)
  }
  const found = [...byKind.entries()].flatMap(([kind, list]) =>
    groupKind(list, budget).map((group) => ({ ...group, key: `${kind}:${group.ids[0]}` }))
  )
  const groups = options.dismissed?.length ? splitDismissed(found, cards, options.dismissed) : found
  groups.sort((a, b) => (position.get(a.ids[0]) ?? 0) - (position.get(b.ids[0]) ?? 0))
  return {
    groups,
    capped: budget.skipped > 0 || budget.entriesCut,
    comparisons: budget.comparisons,
    skipped: budget.skipped
  }
}

/** {@link findDuplicates}' groups alone. */
export const findDuplicateGroups = (
  cards: readonly DuplicateCandidate[],
  options?: DuplicateSearchOptions
): DuplicateGroup[] => findDuplicates(cards, options).groups

/** The ids of every card that is in some group. */
export const duplicateIds = (groups: readonly DuplicateGroup[]): Set<string> =>
  new Set(groups.flatMap((g) => g.ids))
