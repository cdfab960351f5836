import { describe, expect, it } from 'vitest'
import { maySpellForbiddenKey, parseJsonSafely } from '../../../../src/shared/text/safe-json'

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

describe('untrusted JSON, spelled with escapes', () => {
  it('drops a forbidden key written with \\u escapes, which the plain text does not name', () => {
    const { value, dropped } = parseJsonSafely('{"\\u005f_proto__": {"polluted": true}, "a": 1}')
    expect(dropped).toEqual(['__proto__'])
    expect(value).toEqual({ a: 1 })
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('parses a text that names no forbidden key as JSON.parse does', () => {
    const text = '{"a": [1, {"b": "c"}], "d": null}'
    expect(parseJsonSafely(text)).toEqual({ value: JSON.parse(text), dropped: [] })
  })
})

describe('the fast path without a reviver', () => {
  it('is taken when the forbidden words appear only in values, as in a need to "build a prototype"', () => {
    expect(
      maySpellForbiddenKey('{"needs": [{"text": "Build a prototype"}], "tags": ["constructor", "__proto__"]}')
    ).toBe(false)
  })

  it('is not taken when a forbidden word is a key, with or without blanks before the colon, or a \\u escape appears', () => {
    expect(maySpellForbiddenKey('{"a": {"prototype": 1}}')).toBe(true)
    expect(maySpellForbiddenKey('{"constructor"  :\n 1}')).toBe(true)
    expect(maySpellForbiddenKey('{"x": "\\u0041"}')).toBe(true)
  })
})
