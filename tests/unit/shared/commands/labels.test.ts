import { describe, expect, it } from 'vitest'
import { applyCommand } from '../../../../src/shared/commands/apply'
import type { Command } from '../../../../src/shared/commands/schema'
import {
  emptyWorkspace,
  newCapability,
  newCategory,
  newNeed,
  newPersona
} from '../../../../src/shared/model/defaults'
import type { Workspace } from '../../../../src/shared/model/schema'

const NEED = 'Need tool for classification of sensitive documents across departments'

function workspace(): Workspace {
  return {
    ...emptyWorkspace('2026-01-01T00:00:00.000Z'),
    categories: [newCategory({ id: 'a', name: 'Policy makers' })],
    capabilities: [newCapability({ id: 'c', name: 'DLP suite' })],
    cards: [
      newPersona({
        id: 'p',
        title: 'Management',
        categoryId: 'a',
        needs: [
          newNeed({ id: 'n1', text: NEED, priority: 'could' }),
          newNeed({ id: 'n2', text: 'Short need' })
        ]
      })
    ]
  }
}

const label = (command: Command): string => applyCommand(workspace(), command).label
const persona = workspace().cards[0] as Extract<Workspace['cards'][number], { kind: 'persona' }>
const needs = persona.needs

describe('undo labels name the field and the thing', () => {
  it.each<[string, Command, string]>([
    [
      'title',
      { type: 'card.update', id: 'p', patch: { title: 'Managers' } },
      'Rename “Management” to “Managers”'
    ],
    [
      'description',
      { type: 'card.update', id: 'p', patch: { description: 'Runs things.' } },
      'Edit description of “Management”'
    ],
    ['tags', { type: 'card.update', id: 'p', patch: { tags: ['x'] } }, 'Edit tags of “Management”'],
    [
      'several fields',
      { type: 'card.update', id: 'p', patch: { title: 'M', description: 'D' } },
      'Edit “Management”'
    ],
    [
      'an unchanged field beside a changed one',
      { type: 'card.update', id: 'p', patch: { title: 'Management', notes: 'N' } },
      'Edit notes of “Management”'
    ],
    [
      'a need priority',
      {
        type: 'card.update',
        id: 'p',
        patch: { needs: [{ ...needs[0], priority: 'must' }, needs[1]] }
      },
      'Edit priority of need “Need tool for classification of sensiti…”'
    ],
    [
      'a need text',
      {
        type: 'card.update',
        id: 'p',
        patch: { needs: [needs[0], { ...needs[1], text: 'Longer need' }] }
      },
      'Edit text of need “Short need”'
    ],
    [
      'a new need',
      {
        type: 'card.update',
        id: 'p',
        patch: { needs: [...needs, newNeed({ id: 'n3', text: 'Third' })] }
      },
      'Add need “Third” to “Management”'
    ],
    [
      'a removed need',
      { type: 'card.update', id: 'p', patch: { needs: [needs[0]] } },
      'Remove need “Short need” from “Management”'
    ],
    [
      'reordered needs',
      { type: 'card.update', id: 'p', patch: { needs: [needs[1], needs[0]] } },
      'Reorder needs of “Management”'
    ],
    [
      'a colour',
      { type: 'category.update', id: 'a', patch: { color: 'red' } },
      'Recolour category “Policy makers”'
    ],
    [
      'a category name',
      { type: 'category.update', id: 'a', patch: { name: 'Ministers' } },
      'Rename category “Policy makers” to “Ministers”'
    ],
    [
      'a category description',
      { type: 'category.update', id: 'a', patch: { description: 'Who decides.' } },
      'Edit description of category “Policy makers”'
    ],
    [
      'a capability state',
      { type: 'capability.update', id: 'c', patch: { state: 'in-place' } },
      'Edit state of capability “DLP suite”'
    ],
    [
      'a link',
      { type: 'need.link', cardId: 'p', needId: 'n2', capabilityId: 'c', linked: true },
      'Link need “Short need” to capability “DLP suite”'
    ]
  ])('%s', (_, command, expected) => {
    expect(label(command)).toBe(expected)
  })
})

describe('merging duplicates', () => {
  function managers(): Workspace {
    const ws = emptyWorkspace('2026-01-01T00:00:00.000Z')
    return {
      ...ws,
      categories: [
        newCategory({ id: 'top', name: 'Top management', order: 0 }),
        newCategory({ id: 'mid', name: 'Middle management', order: 1 })
      ],
      cards: [
        newPersona({
          id: 'a',
          title: 'Project manager',
          categoryId: 'top',
          description: 'Leads portfolios.'
        }),
        newPersona({
          id: 'b',
          title: 'Project manager',
          categoryId: 'mid',
          description: 'Runs projects.',
          order: 0
        }),
        newPersona({
          id: 'c',
          title: 'Project Manager',
          categoryId: 'mid',
          description: 'Plans sprints.',
          order: 1
        })
      ]
    }
  }

  it('keeps every description with the card and category it came from, in the chosen category', () => {
    const applied = applyCommand(managers(), {
      type: 'card.merge',
      survivorId: 'a',
      ids: ['a', 'b', 'c'],
      categoryId: 'mid'
    })
    expect(applied.next.cards.map((c) => [c.id, c.categoryId])).toEqual([['a', 'mid']])
    expect(applied.next.cards[0].description).toBe(
      [
        'From “Project manager” (Top management):',
        'Leads portfolios.',
        'From “Project manager” (Middle management):',
        'Runs projects.',
        'From “Project Manager” (Middle management):',
        'Plans sprints.'
      ].join('\n\n')
    )
    expect(applied.label).toBe('Merge 3 cards into “Project manager”')
  })

  it('merges within each category when asked, keeping one card per category', () => {
    const applied = applyCommand(managers(), {
      type: 'card.merge',
      survivorId: 'a',
      ids: ['a', 'b', 'c'],
      categoryId: null,
      perCategory: true
    })
    const cards = applied.next.cards
    expect(cards.map((c) => [c.id, c.categoryId, c.order])).toEqual([
      ['a', 'top', 0],
      ['b', 'mid', 0]
    ])
    expect(cards[0].description).toBe('Leads portfolios.')
    expect(cards[1].description).toContain('From “Project Manager” (Middle management):\n\nPlans sprints.')
    expect(applied.label).toBe('Merge 3 cards like “Project manager” within each category')
  })
})

describe('dismissing a duplicate pair', () => {
  const pair = {
    kind: 'role' as const,
    titles: ['Software/systems developer', 'Software developer'] as [string, string]
  }

  it('stores the pair once, undoably, and restores it', () => {
    const ws = workspace()
    const dismissed = applyCommand(ws, { type: 'duplicates.dismiss', pair })
    expect(dismissed.next.dismissedDuplicates).toEqual([
      { kind: 'role', titles: ['Software developer', 'Software/systems developer'] }
    ])
    expect(dismissed.label).toBe(
      'Mark “Software developer” and “Software/systems developer” as not duplicates'
    )
    const again = applyCommand(dismissed.next, {
      type: 'duplicates.dismiss',
      pair: { kind: 'role', titles: ['software developer', 'Software/Systems developer'] }
    })
    expect(again.next.dismissedDuplicates).toHaveLength(1)
    const restored = applyCommand(dismissed.next, { type: 'duplicates.restore', pair })
    expect(restored.next.dismissedDuplicates).toEqual([])
    expect(restored.label).toBe(
      'Look again for duplicates of “Software developer” and “Software/systems developer”'
    )
  })
})
