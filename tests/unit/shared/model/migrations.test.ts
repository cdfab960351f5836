import { describe, expect, it } from 'vitest'
import {
  emptyWorkspace,
  newCapability,
  newCategory,
  newItem,
  newNeed,
  newPersona,
  newRole
} from '../../../../src/shared/model/defaults'
import { migrateDocument, migrateWorkspace, OPTIONAL_FIELDS } from '../../../../src/shared/model/migrations'
import {
  SCHEMA_VERSION,
  WorkspaceSchema,
  type PersonaCard,
  type Workspace
} from '../../../../src/shared/model/schema'

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

describe('the fields a reader fills in', () => {
  /** One object of each kind OPTIONAL_FIELDS names, in a workspace of the current version. */
  function fullWorkspace(): Workspace {
    const ws = emptyWorkspace('2026-01-01T00:00:00.000Z')
    ws.categories = [newCategory({ id: 'c', name: 'Staff' })]
    ws.capabilities = [newCapability({ id: 'k', name: 'Laptops' })]
    ws.cards = [
      newRole({ id: 'r', title: 'Analyst', categoryId: 'c' }),
      newPersona({
        id: 'p',
        title: 'Manager',
        goals: [newItem('g', 'A goal')],
        needs: [newNeed({ id: 'n', text: 'A need', children: [newItem('i', 'A detail')] })]
      })
    ]
    return JSON.parse(JSON.stringify(ws)) as Workspace
  }

  /** Where each kind's object sits in fullWorkspace(). */
  const objectOf = (ws: Workspace, kind: string): Record<string, unknown> => {
    const persona = ws.cards[1] as PersonaCard
    const objects: Record<string, unknown> = {
      workspace: ws,
      category: ws.categories[0],
      card: ws.cards[0],
      role: ws.cards[0],
      persona,
      need: persona.needs[0],
      item: persona.goals[0],
      capability: ws.capabilities[0]
    }
    return objects[kind] as Record<string, unknown>
  }

  // readWorkspaceJson lets the schema check a current file before filling anything in; that is only
  // right if the schema refuses every object that lacks a field the reader would fill.
  it('are each required by the schema, so a file that lacks one is never read without it', () => {
    expect(WorkspaceSchema.safeParse(fullWorkspace()).success).toBe(true)
    const accepted: string[] = []
    for (const [kind, fields] of Object.entries(OPTIONAL_FIELDS)) {
      for (const field of Object.keys(fields)) {
        const ws = fullWorkspace()
        delete objectOf(ws, kind)[field]
        if (WorkspaceSchema.safeParse(ws).success) accepted.push(`${kind} ${field}`)
      }
    }
    expect(accepted).toEqual([])
  })
})
