/**
 * What a screen reader hears on the board: a column's name with its count, and during a drag
 * (dnd-kit announcements), as plain sentences built from board data. Positions count from 1 among
 * the cards that are not moving.
 */
import { plural } from '../../../../shared/text/plural'

export const SCREEN_READER_INSTRUCTIONS =
  'To move a card, press Space to pick it up. Use the up and down arrow keys to change its position ' +
  'and the left and right arrow keys to move it to another column. Press Space again to drop it, or ' +
  'Escape to cancel. Enter opens the card; Control+Space adds it to the selection so several cards ' +
  'move together. Column handles move columns with the left and right arrow keys.'

/** "Data Scientist" or "3 cards (Data Scientist and 2 more)". */
export function movingName(titles: readonly string[]): string {
  if (titles.length <= 1) return `“${titles[0] ?? 'card'}”`
  return `${titles.length} cards (“${titles[0]}” and ${titles.length - 1} more)`
}

export interface Place {
  column: string
  /** 0-based among the column's other cards. */
  position: number
  count: number
}

const where = (place: Place): string =>
  `${place.column}, position ${place.position + 1} of ${place.count + 1}`

export const pickedUp = (what: string, place: Place): string => `Picked up ${what} in ${where(place)}.`
export const movedTo = (what: string, place: Place): string => `${what}: ${where(place)}.`
export const droppedAt = (what: string, place: Place): string => `Dropped ${what} in ${where(place)}.`
export const droppedInPlace = (what: string): string => `Dropped ${what} where it was; nothing moved.`
export const cancelled = (what: string, column: string): string => `Cancelled. ${what} stays in ${column}.`

export const columnPickedUp = (name: string, position: number, count: number): string =>
  `Picked up column ${name}, position ${position + 1} of ${count}.`
export const columnMovedTo = (name: string, position: number, count: number): string =>
  `Column ${name}: position ${position + 1} of ${count}.`
export const columnDropped = (name: string, position: number, count: number): string =>
  `Dropped column ${name} at position ${position + 1} of ${count}.`
export const columnCancelled = (name: string): string => `Cancelled. Column ${name} stays where it was.`

/** A column's name for screen readers: "Top management, 1 card", or "Top management, 2 of 5 cards" while filtering. */
export const columnLabel = (name: string, shown: number, total: number, isFiltered: boolean): string =>
  isFiltered ? `${name}, ${shown} of ${plural(total, 'card')}` : `${name}, ${plural(total, 'card')}`
