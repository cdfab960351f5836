import { describe, expect, it } from 'vitest'
import { migrateWorkspace } from '../../../../src/shared/model/migrations'
import { SCHEMA_VERSION } from '../../../../src/shared/model/schema'
import { normalizeTitle } from '../../../../src/shared/text/normalize'
import { parseJsonSafely } from '../../../../src/shared/text/safe-json'

describe('workspace migrations', () => {
  it('migrates an unversioned draft document, filling every field the schema added', () => {
    const { workspace, fromVersion } = migrateWorkspace({
      categories: [{ id: 'c', name: 'Management' }],
      cards: [
        {
          id: 'p',
          kind: 'persona',
          title: 'Manager',
          categoryId: 'c',
          needs: [{ id: 'n', text: 'DLP' }],
          goals: [{ id: 'g', text: 'Lead' }]
        },
        { id: 'r', kind: 'role', title: 'CIO' }
      ]
    })
    expect(fromVersion).toBe(0)
    expect(workspace.schemaVersion).toBe(SCHEMA_VERSION)
    const persona = workspace.cards[0]
    expect(persona.kind === 'persona' && persona.needs[0]).toMatchObject({
      priority: 'should',
      capabilityIds: [],
      override: null,
      children: []
    })
    expect(workspace.cards[1]).toMatchObject({
      kind: 'role',
      qualifications: [],
      occupationUri: null,
      categoryId: null
    })
  })

  it('refuses a newer schema version with a message naming it', () => {
    expect(() => migrateWorkspace({ schemaVersion: 7, cards: [] })).toThrow(/schema version 7/)
  })

  it('names the fields that fail validation', () => {
    expect(() => migrateWorkspace({ schemaVersion: 1, name: 3 })).toThrow(
      expect.objectContaining({ details: expect.arrayContaining([expect.stringMatching(/^name:/)]) })
    )
  })
})

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

describe('title normalisation', () => {
  it.each([
    ['Chief  Security Information Officer (CISO)&#x20;', 'chief security information officer ciso'],
    ['[Service designer](https://www.gov.uk/guidance/service-designer)', 'service designer'],
    ['Monitoring &amp; Evaluation Officer', 'monitoring evaluation officer'],
    ['Problèmes', 'problemes'],
    ['  Project   manager ', 'project manager']
  ])('%s → %s', (input, expected) => expect(normalizeTitle(input)).toBe(expected))
})

describe('defaults', () => {
  it('gives every new card its own lists', async () => {
    const { newPersona, newRole } = await import('../../../../src/shared/model/defaults')
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
