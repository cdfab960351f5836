import { describe, expect, it } from 'vitest'
import { plural } from '../../../../src/shared/text/plural'

describe('plural', () => {
  it('agrees the word with the count, adding "s" unless told the plural', () => {
    expect(plural(1, 'card')).toBe('1 card')
    expect(plural(0, 'card')).toBe('0 cards')
    expect(plural(3, 'card')).toBe('3 cards')
    expect(plural(1, 'category', 'categories')).toBe('1 category')
    expect(plural(2, 'category', 'categories')).toBe('2 categories')
  })
})
