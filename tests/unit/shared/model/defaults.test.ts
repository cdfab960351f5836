import { describe, expect, it } from 'vitest'
import { newPersona, newRole } from '../../../../src/shared/model/defaults'

describe('defaults', () => {
  it('gives every new card its own lists', () => {
    const a = newRole({ id: 'a', title: 'A' })
    const b = newRole({ id: 'b', title: 'B' })
    const p = newPersona({ id: 'p', title: 'P' })
    a.tags.push('x')
    a.links.push({ label: 'l', url: 'https://x' })
    expect(b.tags).toEqual([])
    expect(b.links).toEqual([])
    expect(p.tags).toEqual([])
  })
})
