import { describe, expect, it } from 'vitest'
import { newCategory, newRole } from '../../../../../src/shared/model/defaults'
import { selectionInBoardOrder } from '../../../../../src/renderer/src/features/board/board-store'
import { deletedMessage } from '../../../../../src/renderer/src/features/board/use-card-actions'

describe('selectionInBoardOrder', () => {
  const categories = [
    newCategory({ id: 'b', name: 'B', order: 1 }),
    newCategory({ id: 'a', name: 'A', order: 0 })
  ]
  const cards = [
    newRole({ id: 'b1', title: 'B one', categoryId: 'b', order: 0 }),
    newRole({ id: 'a2', title: 'A two', categoryId: 'a', order: 1 }),
    newRole({ id: 'a1', title: 'A one', categoryId: 'a', order: 0 }),
    newRole({ id: 'i1', title: 'Inbox one', categoryId: null, order: 0 })
  ]

  it('gives every selected card that exists, in board order, whatever the filters show', () => {
    expect(selectionInBoardOrder(new Set(['b1', 'a2', 'i1', 'a1']), { categories, cards })).toEqual([
      'i1',
      'a1',
      'a2',
      'b1'
    ])
    expect(selectionInBoardOrder(new Set(['b1', 'gone']), { categories, cards })).toEqual(['b1'])
    expect(selectionInBoardOrder(new Set(['b1']), null)).toEqual([])
  })
})

describe('deletedMessage', () => {
  it('names one card, counts several', () => {
    expect(deletedMessage(1, 'Data analyst')).toBe('Deleted “Data analyst”. Undo (Ctrl+Z) brings it back.')
    expect(deletedMessage(2, 'Data analyst')).toBe('Deleted 2 cards. Undo (Ctrl+Z) restores them.')
  })
})
