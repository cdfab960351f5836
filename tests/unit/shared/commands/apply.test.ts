import { applyPatches, enablePatches } from 'immer'
import { describe, expect, it } from 'vitest'
import { applyCommand } from '../../../../src/shared/commands/apply'
import type { Command } from '../../../../src/shared/commands/schema'
import {
  emptyWorkspace,
  newCapability,
  newCategory,
  newNeed,
  newPersona,
  newRole
} from '../../../../src/shared/model/defaults'
import type { Workspace } from '../../../../src/shared/model/schema'
import { AppFailure } from '../../../../src/shared/result'

enablePatches()

function run(ws: Workspace, ...commands: Command[]): Workspace {
  return commands.reduce((acc, command) => applyCommand(acc, command).next, ws)
}

const titles = (ws: Workspace, categoryId: string | null): string[] =>
  ws.cards
    .filter((c) => c.categoryId === categoryId)
    .sort((a, b) => a.order - b.order)
    .map((c) => c.title)

function board(): Workspace {
  return run(
    emptyWorkspace('2026-01-01T00:00:00.000Z'),
    { type: 'category.create', category: { id: 'a', name: 'Policy makers', description: '', color: 'blue' } },
    { type: 'category.create', category: { id: 'b', name: 'IT specialist', description: '', color: 'teal' } },
    { type: 'card.create', card: newRole({ id: 'r1', title: 'Minister' }), categoryId: 'a' },
    { type: 'card.create', card: newRole({ id: 'r2', title: 'Fundraiser' }), categoryId: 'a' },
    { type: 'card.create', card: newRole({ id: 'r3', title: 'Data Scientist' }), categoryId: 'b' },
    { type: 'card.create', card: newRole({ id: 'r4', title: 'Cloud architect' }), categoryId: 'b' },
    { type: 'card.create', card: newRole({ id: 'r5', title: 'Loose' }), categoryId: null }
  )
}

describe('commands', () => {
  it('every command returns patches that redo it and inverse patches that undo it exactly', () => {
    const before = board()
    const commands: Command[] = [
      { type: 'card.move', ids: ['r3', 'r4'], categoryId: 'a', index: 1 },
      { type: 'category.delete', id: 'a' },
      { type: 'category.move', id: 'b', index: 0 },
      { type: 'card.merge', survivorId: 'r1', ids: ['r1', 'r2'], categoryId: 'b' },
      { type: 'card.merge', survivorId: 'r1', ids: ['r1', 'r2', 'r3'], categoryId: null, perCategory: true },
      { type: 'duplicates.dismiss', pair: { kind: 'role', titles: ['Minister', 'Fundraiser'] } },
      { type: 'card.duplicate', id: 'r3', newId: 'r3-copy' },
      { type: 'card.delete', ids: ['r5', 'r1'] },
      { type: 'workspace.update', patch: { name: 'Plan 2027' } }
    ]
    for (const command of commands) {
      const applied = applyCommand(before, command)
      expect(applyPatches(before, applied.patches)).toEqual(applied.next)
      expect(applyPatches(applied.next, applied.inverse)).toEqual(before)
      expect(applied.label).not.toBe('')
    }
  })

  it('moves several cards into another column at an index and renumbers both columns', () => {
    const ws = run(board(), { type: 'card.move', ids: ['r3', 'r4'], categoryId: 'a', index: 1 })
    expect(titles(ws, 'a')).toEqual(['Minister', 'Data Scientist', 'Cloud architect', 'Fundraiser'])
    expect(titles(ws, 'b')).toEqual([])
    expect(
      ws.cards
        .filter((c) => c.categoryId === 'a')
        .map((c) => c.order)
        .sort()
    ).toEqual([0, 1, 2, 3])
  })

  it('reorders within a column', () => {
    const ws = run(board(), { type: 'card.move', ids: ['r1'], categoryId: 'a', index: 1 })
    expect(titles(ws, 'a')).toEqual(['Fundraiser', 'Minister'])
  })

  it('deleting a category moves its cards to the inbox and never deletes them', () => {
    const ws = run(board(), { type: 'category.delete', id: 'b' })
    expect(ws.categories.map((c) => c.name)).toEqual(['Policy makers'])
    expect(titles(ws, null)).toEqual(['Loose', 'Data Scientist', 'Cloud architect'])
    expect(ws.cards).toHaveLength(5)
  })

  it('refuses unknown ids and duplicate ids with typed failures, leaving the workspace untouched', () => {
    const ws = board()
    const frozen = JSON.stringify(ws)
    expect(() => applyCommand(ws, { type: 'card.move', ids: ['nope'], categoryId: 'a', index: 0 })).toThrow(
      AppFailure
    )
    expect(() => applyCommand(ws, { type: 'card.move', ids: ['r1'], categoryId: 'zzz', index: 0 })).toThrow(
      /No category/
    )
    expect(() =>
      applyCommand(ws, { type: 'card.create', card: newRole({ id: 'r1', title: 'Again' }), categoryId: null })
    ).toThrow(/already exists/)
    expect(() => applyCommand(ws, { type: 'card.update', id: 'r1', patch: { needs: [] } })).toThrow(
      /role card has no needs/
    )
    expect(() => applyCommand(ws, { type: 'card.update', id: 'r1', patch: { subtitle: 'Chief' } })).toThrow(
      /role card has no subtitle/
    )
    expect(JSON.stringify(ws)).toBe(frozen)
  })

  it('merges cards: one survivor with every distinct description and its source, in the chosen category', () => {
    const ws = run(
      board(),
      {
        type: 'card.update',
        id: 'r1',
        patch: { description: 'Heads a ministry.', links: [{ label: 'ESCO', url: 'https://e/1' }] }
      },
      {
        type: 'card.update',
        id: 'r2',
        patch: { description: 'Raises funds.', links: [{ label: 'ESCO', url: 'https://e/1' }] }
      },
      { type: 'card.update', id: 'r3', patch: { description: 'heads a ministry. ' } },
      { type: 'card.merge', survivorId: 'r1', ids: ['r1', 'r2', 'r3'], categoryId: 'b' }
    )
    const survivor = ws.cards.find((c) => c.id === 'r1')!
    expect(survivor.description).toBe(
      'From “Minister” (Policy makers):\n\nHeads a ministry.\n\nFrom “Fundraiser” (Policy makers):\n\nRaises funds.'
    )
    expect(survivor.links).toHaveLength(1)
    expect(survivor.categoryId).toBe('b')
    expect(ws.cards.map((c) => c.id).sort()).toEqual(['r1', 'r4', 'r5'])
  })

  it('deleting a capability unlinks it from every need', () => {
    const persona = newPersona({
      id: 'p',
      title: 'Management',
      needs: [newNeed({ id: 'n', text: 'DLP', capabilityIds: ['c'] })]
    })
    const ws = run(
      emptyWorkspace(),
      {
        type: 'capability.create',
        capability: newCapability({ id: 'c', name: 'DLP tool', state: 'in-place' })
      },
      { type: 'card.create', card: persona, categoryId: null },
      { type: 'capability.delete', id: 'c' }
    )
    const card = ws.cards[0]
    expect(card.kind === 'persona' && card.needs[0].capabilityIds).toEqual([])
  })

  it('links and unlinks a need to a capability', () => {
    const persona = newPersona({
      id: 'p',
      title: 'Management',
      needs: [newNeed({ id: 'n', text: 'Classify' })]
    })
    let ws = run(
      emptyWorkspace(),
      { type: 'capability.create', capability: newCapability({ id: 'c', name: 'Classification tool' }) },
      { type: 'card.create', card: persona, categoryId: null },
      { type: 'need.link', cardId: 'p', needId: 'n', capabilityId: 'c', linked: true },
      { type: 'need.link', cardId: 'p', needId: 'n', capabilityId: 'c', linked: true }
    )
    const needs = (w: Workspace) => (w.cards[0].kind === 'persona' ? w.cards[0].needs[0].capabilityIds : null)
    expect(needs(ws)).toEqual(['c'])
    ws = run(ws, { type: 'need.link', cardId: 'p', needId: 'n', capabilityId: 'c', linked: false })
    expect(needs(ws)).toEqual([])
  })

  it('applies an import: categories shared by name, merge by title, replace clears first', () => {
    const incoming: Command = {
      type: 'import.apply',
      mode: 'merge',
      categories: [
        newCategory({ id: 'x', name: 'policy  MAKERS', description: 'From file' }),
        newCategory({ id: 'y', name: 'Trainers', order: 1 })
      ],
      cards: [
        newRole({ id: 'i1', title: 'minister', categoryId: 'x', description: 'Decides.' }),
        newRole({ id: 'r2', title: 'Teacher', categoryId: 'y' })
      ],
      capabilities: [],
      sources: [
        {
          id: 's',
          fileName: 'taxonomy.md',
          format: 'md-taxonomy',
          importedAt: 'now',
          metadata: { lang: 'en' }
        }
      ]
    }
    const merged = run(board(), incoming)
    expect(merged.categories.map((c) => c.name)).toEqual(['Policy makers', 'IT specialist', 'Trainers'])
    expect(merged.categories[0].description).toBe('From file')
    expect(merged.cards.find((c) => c.id === 'r1')!.description).toBe('Decides.')
    const teacher = merged.cards.find((c) => c.title === 'Teacher')!
    expect(teacher.id).toBe('r2-2') // its id was taken: a fresh one is derived
    expect(teacher.categoryId).toBe(merged.categories[2].id)
    expect(merged.sources).toHaveLength(1)

    const replaced = run(board(), { ...incoming, mode: 'replace' })
    expect(replaced.cards.map((c) => c.title)).toEqual(['minister', 'Teacher'])
    expect(replaced.categories.map((c) => c.name)).toEqual(['policy  MAKERS', 'Trainers'])
  })
})

describe('merging needs', () => {
  it('needs with the same text become one that keeps every capability link', () => {
    const a = newPersona({
      id: 'a',
      title: 'Management',
      needs: [newNeed({ id: 'n1', text: 'DLP tool', capabilityIds: ['c1'] })]
    })
    const b = newPersona({
      id: 'b',
      title: 'Management',
      needs: [
        newNeed({
          id: 'n2',
          text: 'dlp  tool',
          capabilityIds: ['c2'],
          override: { status: 'met', rationale: 'Bought' }
        }),
        newNeed({ id: 'n3', text: 'Classification' })
      ]
    })
    const ws = run(
      emptyWorkspace(),
      { type: 'card.create', card: a, categoryId: null },
      { type: 'card.create', card: b, categoryId: null },
      { type: 'card.merge', survivorId: 'a', ids: ['a', 'b'], categoryId: null }
    )
    const survivor = ws.cards[0]
    expect(
      survivor.kind === 'persona' &&
        survivor.needs.map((n) => [n.id, n.capabilityIds, n.override?.rationale ?? null])
    ).toEqual([
      ['n1', ['c1', 'c2'], 'Bought'],
      ['n3', [], null]
    ])
  })
})

describe('importing linked cards', () => {
  it('keeps a persona linked to an imported role whose id had to change', () => {
    const role = newRole({ id: 'r1', title: 'Data steward' })
    const persona = newPersona({ id: 'p1', title: 'Analyst', linkedRoleIds: ['r1'] })
    const ws = run(board(), {
      type: 'import.apply',
      mode: 'add',
      categories: [],
      cards: [role, persona],
      capabilities: [],
      sources: []
    })
    const steward = ws.cards.find((c) => c.title === 'Data steward')!
    const analyst = ws.cards.find((c) => c.title === 'Analyst')!
    expect(steward.id).toBe('r1-2')
    expect(analyst.kind === 'persona' && analyst.linkedRoleIds).toEqual(['r1-2'])
    expect(titles(ws, null)).toEqual(['Loose', 'Data steward', 'Analyst'])
  })

  describe('an import names and describes the workspace', () => {
    const importing = (
      mode: 'add' | 'merge' | 'replace',
      title: string | null,
      description: string
    ): Command => ({
      type: 'import.apply',
      mode,
      categories: [],
      cards: [newRole({ id: 'x', title: 'Analyst' })],
      capabilities: [],
      sources: [],
      title,
      description
    })

    it('a new workspace takes the first title; one with content keeps its name unless replaced', () => {
      const fresh = run(emptyWorkspace(), importing('add', 'Staff Personas', ''))
      expect(fresh.name).toBe('Staff Personas')
      const kept = run(board(), importing('add', 'Staff Personas', ''))
      expect(kept.name).toBe('My workspace')
      expect(run(board(), importing('merge', 'Other', '')).name).toBe('My workspace')
      expect(run(board(), importing('replace', 'Other', '')).name).toBe('Other')
      expect(run(emptyWorkspace(), importing('add', null, '')).name).toBe('My workspace')
    })

    it('adds each introduction once to the description; a replace starts it again', () => {
      const once = run(emptyWorkspace(), importing('add', null, 'About the department.'))
      expect(once.description).toBe('About the department.')
      const twice = run(
        once,
        importing('add', null, 'About the department.'),
        importing('add', null, 'More.')
      )
      expect(twice.description).toBe('About the department.\n\nMore.')
      expect(run(twice, importing('replace', null, 'New.')).description).toBe('New.')
      expect(run(twice, importing('replace', null, '')).description).toBe('')
    })

    it('workspace.update renames and describes, and says which', () => {
      const renamed = applyCommand(board(), { type: 'workspace.update', patch: { name: 'Plan 2027' } })
      expect(renamed.next.name).toBe('Plan 2027')
      expect(renamed.label).toBe('Rename workspace to “Plan 2027”')
      const described = applyCommand(board(), { type: 'workspace.update', patch: { description: 'Why.' } })
      expect(described.next.description).toBe('Why.')
      expect(described.label).toBe('Edit workspace description')
    })
  })
})
