import { describe, expect, it } from 'vitest'
import { ParseContext } from '../../../../src/shared/formats/context'

describe('ParseContext.finish', () => {
  it('lists diagnostics by line: whole-file ones first, report order kept among equals', () => {
    const ctx = new ParseContext('a.md')
    ctx.warn(9, 'nine')
    ctx.error(null, 'file')
    ctx.info(2, 'two, first')
    ctx.warn(2, 'two, second')
    ctx.warn(5, 'five')
    expect(ctx.finish().map((d) => [d.line, d.message])).toEqual([
      [null, 'file'],
      [2, 'two, first'],
      [2, 'two, second'],
      [5, 'five'],
      [9, 'nine']
    ])
  })

  it('keeps the note about diagnostics not listed last', () => {
    const ctx = new ParseContext('a.md')
    for (let line = 600; line > 0; line--) ctx.warn(line, `line ${line}`)
    const listed = ctx.finish()
    expect(listed).toHaveLength(501)
    expect(listed[0].line).toBe(101)
    expect(listed[499].line).toBe(600)
    expect(listed[500]).toMatchObject({ line: null, message: '100 more diagnostics were not listed.' })
  })
})
