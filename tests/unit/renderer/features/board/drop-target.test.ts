import { describe, expect, it } from 'vitest'
import {
  inBoardOrder,
  initialTarget,
  isNoopMove,
  moveIndex,
  rangeBetween,
  stepTarget,
  targetAtSlot,
  targetPosition,
  type DragColumn
} from '../../../../../src/renderer/src/features/board/drop-target'

const columns: DragColumn[] = [
  { key: 'inbox', shownIds: [] },
  { key: 'it', shownIds: ['a', 'b', 'c'] },
  { key: 'top', shownIds: ['x', 'y'] }
]
const none = new Set<string>()

describe('targets from the pointer', () => {
  it('names the first card after the slot that is not moving', () => {
    expect(targetAtSlot(columns[1], none, 0)).toEqual({ columnKey: 'it', beforeId: 'a' })
    expect(targetAtSlot(columns[1], new Set(['b']), 1)).toEqual({ columnKey: 'it', beforeId: 'c' })
    expect(targetAtSlot(columns[1], none, 3)).toEqual({ columnKey: 'it', beforeId: null })
  })

  it('starts a drag where the card already is', () => {
    expect(initialTarget(columns[1], new Set(['b']), 'b')).toEqual({ columnKey: 'it', beforeId: 'c' })
    expect(initialTarget(columns[1], new Set(['c']), 'c')).toEqual({ columnKey: 'it', beforeId: null })
  })

  it('counts positions among the cards that stay', () => {
    const moving = new Set(['b'])
    expect(targetPosition(columns[1], moving, { columnKey: 'it', beforeId: 'c' })).toEqual({
      position: 1,
      count: 2
    })
    expect(targetPosition(columns[2], moving, { columnKey: 'top', beforeId: null })).toEqual({
      position: 2,
      count: 2
    })
  })
})

describe('keyboard steps', () => {
  const moving = new Set(['b'])
  const start = { columnKey: 'it', beforeId: 'c' }

  it('moves up and down between the other cards, stopping at the ends', () => {
    const up = stepTarget(columns, moving, start, 'up')
    expect(up).toEqual({ columnKey: 'it', beforeId: 'a' })
    expect(stepTarget(columns, moving, up, 'up')).toEqual(up)
    const down = stepTarget(columns, moving, start, 'down')
    expect(down).toEqual({ columnKey: 'it', beforeId: null })
    expect(stepTarget(columns, moving, down, 'down')).toEqual(down)
  })

  it('moves across columns keeping the position where it can', () => {
    expect(stepTarget(columns, moving, start, 'right')).toEqual({ columnKey: 'top', beforeId: 'y' })
    expect(stepTarget(columns, moving, start, 'left')).toEqual({ columnKey: 'inbox', beforeId: null })
    const last = { columnKey: 'top', beforeId: 'x' }
    expect(stepTarget(columns, moving, last, 'right')).toEqual(last)
  })
})

describe('the index for card.move', () => {
  const column = ['a', 'b', 'c', 'd', 'e']

  it('is the position of the card it goes before, once the moving ones are out', () => {
    expect(moveIndex(column, column, new Set(['a']), 'd')).toBe(2)
    expect(moveIndex(column, column, new Set(['e']), null)).toBe(4)
    expect(moveIndex(['x', 'y'], ['x', 'y'], new Set(['a']), null)).toBe(2)
  })

  it('lands after the last card shown when the column is filtered', () => {
    expect(moveIndex(column, ['b', 'd'], new Set(['z']), null)).toBe(4)
    expect(moveIndex(column, [], new Set(['z']), null)).toBe(5)
  })

  it('knows a move that changes nothing', () => {
    expect(isNoopMove(column, ['c'], 2)).toBe(true)
    expect(isNoopMove(column, ['c'], 3)).toBe(false)
    expect(isNoopMove(column, ['b', 'c'], 1)).toBe(true)
    expect(isNoopMove(column, ['b', 'd'], 1)).toBe(false)
    expect(isNoopMove(column, ['z'], 0)).toBe(false)
  })
})

describe('selection helpers', () => {
  it('orders ids as the board shows them', () => {
    const board = [{ cards: [{ id: 'x' }, { id: 'y' }] }, { cards: [{ id: 'a' }, { id: 'b' }] }]
    expect(inBoardOrder(board, new Set(['b', 'x', 'a']))).toEqual(['x', 'a', 'b'])
  })

  it('selects a range either way round', () => {
    expect(rangeBetween(['a', 'b', 'c', 'd'], 'd', 'b')).toEqual(['b', 'c', 'd'])
    expect(rangeBetween(['a', 'b'], 'q', 'b')).toEqual(['b'])
  })
})
