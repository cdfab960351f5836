import { describe, expect, it } from 'vitest'
import { migrateWorkspace } from '../../../../src/shared/model/migrations'
import { SCHEMA_VERSION } from '../../../../src/shared/model/schema'

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

  it('gives categories of an unknown colour the default colour, at every version, and counts them', () => {
    const categories = [
      { id: 'a', name: 'A', color: 'teal' },
      { id: 'b', name: 'B', color: '#ff0000' },
      { id: 'c', name: 'C', color: 'x); background: url(https://evil.example)' }
    ]
    const draft = migrateWorkspace({ categories })
    expect(draft.workspace.categories.map((c) => c.color)).toEqual(['teal', 'blue', 'blue'])
    expect(draft.recoloured).toBe(2)
    const current = migrateWorkspace({
      ...draft.workspace,
      categories: [{ ...draft.workspace.categories[0], color: 'mauve' }]
    })
    expect(current.workspace.categories[0].color).toBe('blue')
    expect(current.recoloured).toBe(1)
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
