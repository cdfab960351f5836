import { describe, expect, it } from 'vitest'
import { parseJsonSafely } from '../../../../src/shared/text/safe-json'

describe('untrusted JSON', () => {
  it('drops __proto__, constructor and prototype keys and leaves Object.prototype untouched', () => {
    const { value, dropped } = parseJsonSafely(
      '{"__proto__": {"polluted": true}, "a": {"constructor": {"prototype": {"x": 1}}, "b": 2}}'
    )
    expect(dropped.sort()).toEqual(['__proto__', 'constructor', 'prototype'])
    expect(value).toEqual({ a: { b: 2 } })
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false)
  })
})
