/**
 * The needs CSV and needs whose kind, priority or horizon the file does not say: they stay unset
 * (null), never a default; an unknown value warns with its line and stays unset too.
 */
import { describe, expect, it } from 'vitest'
import { parseProfileText, serialize } from '../../../../../src/shared/formats'
import { emptyWorkspace } from '../../../../../src/shared/model/defaults'
import type { PersonaCard } from '../../../../../src/shared/model/schema'
import { FIXED_TIME, readFixture, sequentialIds } from '../helpers'

const FILE = 'needs-unset.csv'
const parsed = parseProfileText(readFixture(FILE), FILE, { newId: sequentialIds() })
const needs = (cards: readonly { kind: string }[]): [string, unknown, unknown, unknown][] =>
  (cards.filter((c) => c.kind === 'persona') as PersonaCard[]).flatMap((p) =>
    p.needs.map((n): [string, unknown, unknown, unknown] => [n.text, n.kind, n.priority, n.horizon])
  )

describe('needs CSV: kind, priority and horizon not set', () => {
  it('reads an empty cell, or one saying “not set”, as unset, without a word', () => {
    expect(parsed.format).toBe('csv-needs')
    expect(needs(parsed.cards).slice(0, 4)).toEqual([
      ['Queue display that keeps working offline', null, null, null],
      ['Visitor badges printed on arrival', null, null, null],
      ['Card payments at the counter', 'business', 'must', 'now'],
      ['Shared team calendar', 'it', null, 'long']
    ])
    expect(parsed.diagnostics.filter((d) => d.line !== 6)).toEqual([])
  })

  it('warns of an unknown value with its line, and leaves it unset rather than a default', () => {
    expect(needs(parsed.cards)[4]).toEqual(['Paperless filing', null, null, null])
    expect(parsed.diagnostics.map((d) => [d.line, d.severity, d.message])).toEqual([
      [
        6,
        'warning',
        'Unknown kind “IT-ish” (use it, business, or leave the cell empty); it was left not set.'
      ],
      [
        6,
        'warning',
        'Unknown priority “sometimes” (use must, should, could, or leave the cell empty); it was left not set.'
      ],
      [
        6,
        'warning',
        'Unknown horizon “next year” (use now, medium, long, or leave the cell empty); it was left not set.'
      ]
    ])
  })

  it('writes an empty cell for an unset value, and reads it back unset', () => {
    const ws = {
      ...emptyWorkspace(FIXED_TIME),
      categories: parsed.categories,
      cards: parsed.cards,
      capabilities: parsed.capabilities
    }
    const text = serialize(ws, 'csv-needs')
    expect(text.split('\r\n').slice(0, 5)).toEqual([
      'persona,need,kind,priority,horizon,capabilities',
      'Front desk,Queue display that keeps working offline,,,,',
      'Front desk,Visitor badges printed on arrival,,,,Badge printer',
      'Front desk,Card payments at the counter,business,must,now,',
      'Back office,Shared team calendar,it,,long,'
    ])
    const back = parseProfileText(text, 'back.csv', { newId: sequentialIds() })
    expect(back.diagnostics).toEqual([])
    expect(needs(back.cards)).toEqual(needs(parsed.cards))
  })
})
