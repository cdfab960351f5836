import { describe, expect, it } from 'vitest'
import { columnLabel } from '../../../../../src/renderer/src/features/board/announcements'

describe('columnLabel', () => {
  it('counts cards with the right plural, filtered or not', () => {
    expect(columnLabel('Top management', 1, 1, false)).toBe('Top management, 1 card')
    expect(columnLabel('Top management', 2, 2, false)).toBe('Top management, 2 cards')
    expect(columnLabel('Top management', 0, 0, false)).toBe('Top management, 0 cards')
    expect(columnLabel('Top management', 1, 1, true)).toBe('Top management, 1 of 1 card')
    expect(columnLabel('Top management', 1, 5, true)).toBe('Top management, 1 of 5 cards')
  })
})
