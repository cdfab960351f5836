/**
 * Why a card matched the search when the title does not say it: the field the word was found in
 * and a few words around it ("Need", "… classification tool for documents …"). Pure: the card
 * tile shows it, the tests check it.
 */
import type { Card, ListItem } from '../../../../shared/model/schema'
import { fold } from './card-search'

export interface MatchReason {
  /** The field, as the drawer names it: "Description", "Need", "Goal", "Tag"… */
  field: string
  /** The words around the match, with "…" where the text was cut. */
  snippet: string
}

/** Characters kept before and after the matched word. */
const BEFORE = 30
const AFTER = 50
/** About how much of the description the tile's two lines show. */
const DESCRIPTION_ON_TILE = 80

const flatten = (items: readonly ListItem[]): string[] =>
  items.flatMap((item) => [item.text, ...flatten(item.children)])

/** The card's texts other than the title, in the order a reader would look for them. */
function fieldsOf(card: Card): [string, string[]][] {
  const lists: [string, string[]][] =
    card.kind === 'role'
      ? [['Qualification', card.qualifications]]
      : [
          ['Need', flatten(card.needs)],
          ['Goal', flatten(card.goals)],
          ['Habit', flatten(card.habits)],
          ['Problem', flatten(card.problems)]
        ]
  return [['Description', [card.description]], ...lists, ['Notes', [card.notes]], ['Tag', card.tags]]
}

/** `text` folded a character at a time, so positions in it are positions in `text`. */
const foldKeepingPositions = (text: string): string =>
  [...text].map((ch) => (fold(ch).length === ch.length ? fold(ch) : ch.toLowerCase())).join('')

/** The words around `at` (where a match of `length` starts), cut at word boundaries. */
export function snippetAround(text: string, at: number, length: number): string {
  let start = Math.max(0, at - BEFORE)
  let end = Math.min(text.length, at + length + AFTER)
  if (start > 0) start = text.indexOf(' ', start) + 1 || start
  if (start > at) start = at
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end)
    if (space > at + length) end = space
  }
  const body = text.slice(start, end).replace(/\s+/g, ' ').trim()
  return `${start > 0 ? '… ' : ''}${body}${end < text.length ? ' …' : ''}`
}

/**
 * Where the search's `terms` (folded words of the card, as the index returns them) were found;
 * null when the tile already shows one of them highlighted (in the title or the description's
 * first lines).
 */
export function matchReason(card: Card, terms: readonly string[]): MatchReason | null {
  const title = fold(card.title)
  if (terms.some((term) => title.includes(term))) return null
  for (const term of terms) {
    for (const [field, texts] of fieldsOf(card)) {
      for (const text of texts) {
        const at = foldKeepingPositions(text).indexOf(term)
        if (at < 0) continue
        // The tile shows the description's first lines, highlighted: a match there is already in sight.
        if (field === 'Description' && at < DESCRIPTION_ON_TILE) return null
        return { field, snippet: snippetAround(text, at, term.length) }
      }
    }
  }
  return null
}
