import { describe, expect, it } from 'vitest'
import { CommandSchema } from '../../../../src/shared/commands/schema'
import { CATEGORY_COLORS, CategorySchema } from '../../../../src/shared/model/schema'

describe('CategorySchema', () => {
  const category = { id: 'c', name: 'Office', description: '', order: 0 }

  it('accepts every colour of the palette', () => {
    for (const color of CATEGORY_COLORS)
      expect(CategorySchema.safeParse({ ...category, color }).success).toBe(true)
  })

  it('refuses any other colour, CSS included', () => {
    for (const color of ['', 'gray', 'Blue', '#ff0000', 'red); background: url(https://evil.example/x)'])
      expect(CategorySchema.safeParse({ ...category, color }).success).toBe(false)
  })

  it('refuses a recolour command outside the palette', () => {
    const command = (color: string): unknown => ({ type: 'category.update', id: 'c', patch: { color } })
    expect(CommandSchema.safeParse(command('teal')).success).toBe(true)
    expect(CommandSchema.safeParse(command('red;}')).success).toBe(false)
  })
})
