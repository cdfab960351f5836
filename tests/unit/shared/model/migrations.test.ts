import { describe, expect, it } from 'vitest'
import { migrateDocument, migrateWorkspace } from '../../../../src/shared/model/migrations'
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
    // The draft said no kind, priority or horizon: they read as unset, not as IT, should, medium.
    expect(persona.kind === 'persona' && persona.needs[0]).toEqual({
      id: 'n',
      text: 'DLP',
      kind: null,
      priority: null,
      horizon: null,
      capabilityIds: [],
      override: null,
      children: []
    })
    expect(persona).toMatchObject({ subtitle: '' })
    expect(workspace.description).toBe('')
    expect(workspace.cards[1]).toMatchObject({
      kind: 'role',
      qualifications: [],
      occupationUri: null,
      categoryId: null
    })
  })

  /** A version-1 document: every need had kind, priority and horizon, unless a hand edit dropped one. */
  const v1 = (needs: unknown[]): unknown => ({
    schemaVersion: 1,
    name: 'Version 1',
    createdAt: '2026-01-15T09:30:00.000Z',
    updatedAt: '2026-01-15T09:30:00.000Z',
    categories: [],
    cards: [
      {
        id: 'p',
        kind: 'persona',
        title: 'Clerk',
        description: '',
        categoryId: null,
        order: 0,
        tags: [],
        links: [],
        notes: '',
        provenance: null,
        goals: [],
        habits: [],
        needs,
        problems: [],
        linkedRoleIds: [],
        headcount: null
      }
    ],
    capabilities: [],
    sources: []
  })
  const need = (fields: Record<string, unknown>): Record<string, unknown> => ({
    id: 'n',
    text: 'Scanner',
    children: [],
    capabilityIds: [],
    override: null,
    ...fields
  })

  it('keeps the kind, priority and horizon of a version-1 document’s needs; adds an empty subtitle and description', () => {
    const { workspace, fromVersion } = migrateWorkspace(
      v1([need({ kind: 'business', priority: 'could', horizon: 'long' })])
    )
    expect(fromVersion).toBe(1)
    const [persona] = workspace.cards
    expect(persona.kind === 'persona' && persona.needs[0]).toMatchObject({
      kind: 'business',
      priority: 'could',
      horizon: 'long'
    })
    expect(persona).toMatchObject({ subtitle: '' })
    expect(workspace.description).toBe('')
  })

  it('reads a version-1 need whose priority a hand edit dropped as unset, keeping its other values', () => {
    const { workspace } = migrateWorkspace(v1([need({ kind: 'it', horizon: 'now' })]))
    const [persona] = workspace.cards
    expect(persona.kind === 'persona' && persona.needs[0]).toMatchObject({
      kind: 'it',
      priority: null,
      horizon: 'now'
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

describe('defaults for optional fields at the current version', () => {
  const current = (patch: Record<string, unknown>): Record<string, unknown> => ({
    schemaVersion: SCHEMA_VERSION,
    name: 'Hand edited',
    createdAt: '2026-03-01T08:00:00.000Z',
    updatedAt: '2026-03-01T08:00:00.000Z',
    categories: [],
    cards: [],
    capabilities: [],
    sources: [],
    ...patch
  })

  it('accepts a capability without notes, a card without tags, links or notes, a workspace without description', () => {
    const { workspace } = migrateWorkspace(
      current({
        capabilities: [
          { id: 'k', name: 'Radio', description: '', state: 'absent', horizon: null, owner: '' }
        ],
        cards: [
          {
            id: 'r',
            kind: 'role',
            title: 'Dispatcher',
            description: '',
            categoryId: null,
            order: 0,
            provenance: null
          }
        ]
      })
    )
    expect(workspace.description).toBe('')
    expect(workspace.capabilities[0].notes).toBe('')
    expect(workspace.cards[0]).toMatchObject({
      tags: [],
      links: [],
      notes: '',
      qualifications: [],
      occupationUri: null
    })
  })

  it('counts what it filled, and fills nothing a document has', () => {
    const doc = current({
      description: 'Kept',
      categories: [{ id: 'c', name: 'Field staff', order: 0 }],
      cards: [
        {
          id: 'p',
          kind: 'persona',
          title: 'Lead',
          description: '',
          categoryId: 'c',
          order: 0,
          tags: ['night'],
          links: [],
          notes: '',
          provenance: null,
          goals: [{ id: 'g', text: 'Sleep' }],
          habits: [],
          problems: [],
          linkedRoleIds: [],
          headcount: null,
          needs: [{ id: 'n', text: 'Radio', children: [], kind: 'it', priority: null, horizon: null }]
        }
      ]
    })
    const { doc: filledDoc, filled } = migrateDocument(doc)
    expect(Object.fromEntries(filled)).toEqual({
      'category description': 1,
      'category color': 1,
      'persona subtitle': 1,
      'item children': 1,
      'need capabilityIds': 1,
      'need override': 1
    })
    expect(filledDoc.description).toBe('Kept')
    expect(migrateWorkspace(doc).workspace.cards[0]).toMatchObject({ tags: ['night'], subtitle: '' })
  })
})
