import { describe, expect, it } from 'vitest'
import {
  parseProfileBytes,
  parseProfileText,
  serialize,
  type ParsedFile
} from '../../../../src/shared/formats'
import { jsonErrorOffset } from '../../../../src/shared/formats/json'
import {
  emptyWorkspace,
  newCapability,
  newCategory,
  newNeed,
  newPersona,
  newRole
} from '../../../../src/shared/model/defaults'
import { SCHEMA_VERSION, type PersonaCard, type Workspace } from '../../../../src/shared/model/schema'
import { FIXED_TIME, readFixture, sequentialIds, utf16, utf8Bom } from './helpers'

const parse = (text: string, name = 'workspace.json'): ParsedFile =>
  parseProfileText(text, name, { newId: sequentialIds('new') })

function sample(): Workspace {
  const ws = emptyWorkspace(FIXED_TIME)
  ws.name = 'Sample'
  ws.categories.push(newCategory({ id: 'c1', name: 'Management', order: 0 }))
  ws.capabilities.push(newCapability({ id: 'k1', name: 'DLP tool', state: 'in-place' }))
  ws.cards.push(
    newRole({ id: 'r1', title: 'CIO', categoryId: 'c1', order: 0, provenance: { source: 'a.md', line: 3 } }),
    newPersona({
      id: 'p1',
      title: 'Director',
      categoryId: 'c1',
      order: 1,
      linkedRoleIds: ['r1'],
      needs: [newNeed({ id: 'n1', text: 'Protect data', capabilityIds: ['k1'] })]
    })
  )
  return ws
}

describe('workspace JSON', () => {
  it('reads a workspace back exactly, ids and provenance included; the name is the metadata', () => {
    const ws = sample()
    const parsed = parse(serialize(ws, 'json'))
    expect(parsed.format).toBe('json')
    expect(parsed.diagnostics).toEqual([])
    expect({ categories: parsed.categories, cards: parsed.cards, capabilities: parsed.capabilities }).toEqual(
      {
        categories: ws.categories,
        cards: ws.cards,
        capabilities: ws.capabilities
      }
    )
    expect(parsed.metadata).toEqual({ name: 'Sample' })
  })

  it('reads it in UTF-16 and with a BOM', () => {
    const text = serialize(sample(), 'json')
    for (const bytes of [utf8Bom(text), utf16(text, 'le'), utf16(text, 'be')]) {
      expect(parseProfileBytes(bytes, 'w.json').cards).toEqual(sample().cards)
    }
  })

  it('migrates an unversioned draft (version 0), with a note', () => {
    const parsed = parse(readFixture('workspace-v0.json'))
    expect(parsed.cards.map((c) => [c.kind, c.title, c.categoryId])).toEqual([
      ['persona', 'Director', 'c1'],
      ['role', 'CIO', null]
    ])
    expect((parsed.cards[0] as PersonaCard).needs[0]).toMatchObject({
      text: 'Dashboards',
      kind: null,
      priority: null
    })
    expect(parsed.capabilities[0]).toMatchObject({ name: 'BI platform', state: 'planned', horizon: 'medium' })
    expect(parsed.diagnostics).toEqual([
      {
        file: 'workspace.json',
        line: null,
        severity: 'info',
        message: expect.stringContaining('schema version 0')
      }
    ])
  })

  it('refuses a newer schema version with a message that names it', () => {
    const parsed = parse(JSON.stringify({ ...sample(), schemaVersion: SCHEMA_VERSION + 1 }))
    expect([parsed.categories, parsed.cards, parsed.capabilities]).toEqual([[], [], []])
    expect(parsed.diagnostics).toEqual([
      {
        file: 'workspace.json',
        line: null,
        severity: 'error',
        message: expect.stringContaining(`schema version ${SCHEMA_VERSION + 1}`)
      }
    ])
  })

  it('refuses wrong types and unknown kinds, naming each field', () => {
    const ws = JSON.parse(serialize(sample(), 'json')) as Record<string, unknown[]> & {
      cards: Record<string, unknown>[]
    }
    ws.cards[0].kind = 'manager'
    ws.cards[1].title = 42
    const parsed = parse(JSON.stringify(ws))
    expect(parsed.cards).toEqual([])
    expect(parsed.diagnostics[0]).toMatchObject({
      severity: 'error',
      message: 'The workspace document does not match the schema.'
    })
    const details = parsed.diagnostics.slice(1).map((d) => d.message)
    expect(details.some((m) => m.startsWith('cards.0'))).toBe(true)
    expect(details.some((m) => m.startsWith('cards.1.title'))).toBe(true)
  })

  it('names the line of a syntax error (on every Node version)', () => {
    const parsed = parse('{\n  "name": "x",\n  "cards": [,]\n}\n')
    expect(parsed.diagnostics).toEqual([
      {
        file: 'workspace.json',
        line: 3,
        severity: 'error',
        message: expect.stringContaining('not valid JSON')
      }
    ])
    expect(parse('{"a": 1,\n"b": tru}').diagnostics[0].line).toBe(2)
    expect(parse('{"a": "x\n"}').diagnostics[0].line).toBe(1)
    expect(parse('{"a": [1, 2}\n\n').diagnostics[0].line).toBe(1)
    expect(parse('{"a": 1}\n\n{"b": 2}').diagnostics[0].line).toBe(3)
  })

  it('its syntax scanner accepts exactly what JSON.parse accepts', () => {
    const texts = [
      '{}',
      '[]',
      '{"a":[1,-2.5e3,true,false,null,"\\u00e9\\n"]}',
      ' [ { } ] ',
      '{"a":}',
      '[1,]',
      '{"a" 1}',
      '"x',
      '01',
      '[1] x',
      '{"a":1,}',
      '\u00a0{}'
    ]
    for (const text of texts) {
      let valid = true
      try {
        JSON.parse(text)
      } catch {
        valid = false
      }
      expect([text, jsonErrorOffset(text) === -1]).toEqual([text, valid])
    }
  })

  it('refuses a non-object and absurd nesting without throwing', () => {
    expect(parse('[1, 2]').diagnostics[0].message).toMatch(/not a JSON object/)
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`
    expect(parse(deep, 'deep.json').diagnostics[0].severity).toBe('error')
    const nested = `{"name":"x","cards":${'{"a":'.repeat(200)}1${'}'.repeat(200)}}`
    expect(parse(nested).diagnostics[0].message).toMatch(/nests more than 64 levels/)
  })
})

describe('workspace JSON: errors a person can act on', () => {
  it('names the line and column of each schema error, all of them, in line order', () => {
    const parsed = parse(readFixture('workspace-schema-errors.json'), 'w.json')
    expect([parsed.categories, parsed.cards, parsed.capabilities]).toEqual([[], [], []])
    expect(parsed.diagnostics.map((d) => [d.line, d.severity])).toEqual([
      [null, 'error'],
      [11, 'error'],
      [17, 'error'],
      [22, 'error']
    ])
    const [heading, kind, title, state] = parsed.diagnostics.map((d) => d.message)
    expect(heading).toBe('The workspace document does not match the schema.')
    expect(kind).toMatch(/^cards\.0\.kind: .* \(line 11, column 15\)\.$/)
    expect(title).toMatch(/^cards\.1\.title: .*expected string.* \(line 17, column 16\)\.$/)
    expect(state).toMatch(/^capabilities\.0\.state: .* \(line 22, column \d+\)\.$/)
  })

  it('names the line and column of a syntax error', () => {
    const parsed = parse(readFixture('workspace-broken.json'), 'w.json')
    expect(parsed.diagnostics).toEqual([
      {
        file: 'w.json',
        line: 6,
        severity: 'error',
        message: 'This is not valid JSON: unexpected "]" at line 6, column 3.'
      }
    ])
  })

  it('a field left out is missing, named by the line of its object', () => {
    const ws = JSON.parse(serialize(sample(), 'json')) as { cards: Record<string, unknown>[] }
    delete ws.cards[0].title
    const parsed = parse(JSON.stringify(ws, null, 2))
    const message = parsed.diagnostics[1].message
    expect(message).toMatch(/^cards\.0\.title is missing: .* \(in the object at line \d+, column 5\)\.$/)
    const line = parsed.diagnostics[1].line ?? 0
    expect(JSON.stringify(ws, null, 2).split('\n')[line - 1]).toBe('    {')
  })
})

describe('workspace JSON: a hand-edited file at the current version', () => {
  it('reads optional fields left out with their defaults, says so, and repairs a reference to nothing', () => {
    const parsed = parse(readFixture('workspace-hand-edited.json'), 'w.json')
    expect(parsed.capabilities).toEqual([
      {
        id: 'k1',
        name: 'Radio network',
        description: '',
        state: 'partial',
        horizon: null,
        owner: '',
        notes: ''
      }
    ])
    expect(parsed.categories[0]).toMatchObject({ description: '', color: 'blue' })
    const [role, persona] = parsed.cards
    expect(role).toMatchObject({ tags: [], links: [], notes: '', qualifications: [], occupationUri: null })
    expect(persona).toMatchObject({ subtitle: '', tags: [], links: [], notes: '', linkedRoleIds: ['r1'] })
    expect(persona.kind === 'persona' && persona.needs[0]).toMatchObject({
      capabilityIds: [],
      override: null
    })
    expect(parsed.description).toBe('')
    expect(parsed.diagnostics.map((d) => [d.severity, d.message])).toEqual([
      [
        'info',
        '15 fields left out of the file were read with their defaults (workspace description, category description, category color, card tags, card links, card notes, role qualifications, role occupationUri, persona subtitle, need capabilityIds, need override, capability notes).'
      ],
      ['warning', '1 link from personas to roles that do not exist dropped.']
    ])
  })
})

describe('workspace JSON: hostile documents', () => {
  it('drops __proto__, constructor and prototype keys everywhere and leaves Object.prototype untouched', () => {
    const ws = JSON.parse(serialize(sample(), 'json')) as Record<string, unknown>
    const text = JSON.stringify(ws)
      .replace('{', '{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},')
      .replace('"title":"CIO"', '"title":"CIO","__proto__":{"isAdmin":true},"prototype":{"x":1}')
    const parsed = parse(text)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined()
    expect(Object.prototype).not.toHaveProperty('polluted')
    expect(parsed.cards.map((c) => c.title)).toEqual(['CIO', 'Director'])
    expect(Object.getPrototypeOf(parsed.cards[0])).toBe(Object.prototype)
    expect(Object.hasOwn(parsed.cards[0], '__proto__')).toBe(false)
    expect(parsed.diagnostics).toEqual([
      {
        file: 'workspace.json',
        line: null,
        severity: 'warning',
        message: expect.stringMatching(/^5 keys named .* were dropped/)
      }
    ])
    for (const key of ['__proto__', 'constructor', 'prototype'])
      expect(parsed.diagnostics[0].message).toContain(key)
  })

  it('repairs duplicate ids and references to nothing, with warnings', () => {
    const ws = sample()
    ws.categories.push(newCategory({ id: 'c1', name: 'Copy', order: 1 }))
    ws.capabilities.push(newCapability({ id: 'k1', name: 'Copy' }))
    ws.cards.push(newRole({ id: 'r1', title: 'CIO again', categoryId: 'missing', order: 0 }))
    const director = ws.cards[1] as PersonaCard
    director.needs.push(newNeed({ id: 'n1', text: 'Same id', capabilityIds: ['k1', 'k1', 'nothing'] }))
    director.linkedRoleIds.push('ghost')
    const parsed = parse(JSON.stringify(ws))
    expect(parsed.categories.map((c) => c.id)).toEqual(['c1', 'new-1'])
    expect(parsed.capabilities.map((c) => c.id)).toEqual(['k1', 'new-3'])
    expect(parsed.cards.map((c) => [c.id, c.categoryId, c.order])).toEqual([
      ['r1', 'c1', 0],
      ['p1', 'c1', 1],
      ['new-2', null, 0]
    ])
    const persona = parsed.cards[1] as PersonaCard
    expect(persona.needs.map((n) => [n.id, n.capabilityIds])).toEqual([
      ['n1', ['k1']],
      ['new-4', ['k1']]
    ])
    expect(persona.linkedRoleIds).toEqual(['r1'])
    expect(parsed.diagnostics.map((d) => d.severity)).toEqual(Array(7).fill('warning'))
    expect(parsed.diagnostics.map((d) => d.message).join('\n')).toBe(
      [
        '1 category repeated an id already used and got a new id.',
        '1 card repeated an id already used and got a new id.',
        '1 capability repeated an id already used and got a new id.',
        '1 card names a category that does not exist: now uncategorised.',
        '1 link from needs to capabilities that do not exist dropped.',
        '1 link from personas to roles that do not exist dropped.',
        '1 need repeated an id within a persona and got a new id.'
      ].join('\n')
    )
  })

  it('drops repeated links that all exist, in short and long lists, and keeps clean lists as they are', () => {
    const ws = sample()
    const director = ws.cards[1] as PersonaCard
    const many = Array.from({ length: 40 }, (_, i) => newCapability({ id: `m${i}`, name: `Many ${i}` }))
    ws.capabilities.push(...many)
    const ids = many.map((c) => c.id)
    director.needs.push(
      newNeed({ id: 'n2', text: 'Twice', capabilityIds: ['k1', 'k1'] }),
      newNeed({ id: 'n3', text: 'Long, repeated', capabilityIds: [...ids, ids[0]] }),
      newNeed({ id: 'n4', text: 'Long, clean', capabilityIds: ids })
    )
    const parsed = parse(JSON.stringify(ws))
    const needs = (parsed.cards[1] as PersonaCard).needs
    expect(needs.slice(-3).map((n) => n.capabilityIds)).toEqual([['k1'], ids, ids])
    expect(parsed.diagnostics).toEqual([])
  })

  it('gives a category of an unknown colour the default colour, with a warning, and reads the rest', () => {
    const ws = sample()
    ws.categories.push(newCategory({ id: 'c2', name: 'Office', order: 1 }))
    const raw = JSON.parse(JSON.stringify(ws)) as { categories: { color: unknown }[] }
    raw.categories[0].color = 'red); background: url(https://evil.example/x'
    raw.categories[1].color = 42
    const parsed = parse(JSON.stringify(raw))
    expect(parsed.categories.map((c) => [c.id, c.color])).toEqual([
      ['c1', 'blue'],
      ['c2', 'blue']
    ])
    expect(parsed.cards).toHaveLength(2)
    expect(parsed.diagnostics).toEqual([
      expect.objectContaining({
        severity: 'warning',
        message: '2 categories had a colour outside the palette; they are now blue.'
      })
    ])
  })

  it('caps nested items at 8 levels, with a warning', () => {
    const ws = sample()
    let item = {
      id: 'i0',
      text: 'level 1',
      children: [] as { id: string; text: string; children: unknown[] }[]
    }
    const root = item
    for (let i = 2; i <= 12; i++) {
      const child = { id: `i${i}`, text: `level ${i}`, children: [] }
      item.children.push(child)
      item = child
    }
    ;(ws.cards[1] as PersonaCard).goals = [root as PersonaCard['goals'][number]]
    const parsed = parse(JSON.stringify(ws))
    let level = (parsed.cards[1] as PersonaCard).goals
    let depth = 0
    while (level.length > 0) {
      depth++
      if (depth === 8)
        expect(level.map((i) => i.text)).toEqual(['level 8', 'level 9', 'level 10', 'level 11', 'level 12'])
      level = level.flatMap((i) => i.children)
    }
    expect(depth).toBe(8)
    expect(parsed.diagnostics[0].message).toBe(
      '1 list nests more than 8 levels deep; deeper items were moved up to level 8.'
    )
  })
})
