import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DuplicateGroupCard } from '../../../../../src/renderer/src/features/duplicates/DuplicateGroupCard'
import { useApp } from '../../../../../src/renderer/src/store'
import { emptyWorkspace, newCategory, newRole } from '../../../../../src/shared/model/defaults'
import type { Card } from '../../../../../src/shared/model/schema'
import { installApi, renderWithProviders, type FakeApi } from '../../render'

const categories = [
  newCategory({ id: 'top', name: 'Top management', order: 0 }),
  newCategory({ id: 'mid', name: 'Middle management', order: 1 })
]
const cards: Card[] = [
  newRole({
    id: 'a',
    title: 'Project manager',
    categoryId: 'top',
    order: 0,
    description: 'Leads portfolios.'
  }),
  newRole({ id: 'b', title: 'Project manager', categoryId: 'mid', order: 0, description: 'Runs projects.' }),
  newRole({ id: 'c', title: 'Project manager', categoryId: 'mid', order: 1, description: 'Plans sprints.' })
]

describe('DuplicateGroupCard', () => {
  let api: FakeApi
  beforeEach(async () => {
    api = await installApi()
    api.store.apply({
      type: 'workspace.replace',
      workspace: { ...emptyWorkspace(), categories, cards },
      label: 'Seed'
    })
    await useApp.getState().load()
  })
  afterEach(async () => {
    await api.dispose()
  })

  it('merges within each category when the user chooses it', async () => {
    renderWithProviders(
      <DuplicateGroupCard groupKey="project manager" match="exact" cards={cards} categories={categories} />
    )
    expect(screen.getByRole('combobox', { name: 'Category of the merged card' })).toBeTruthy()
    await userEvent.click(screen.getByRole('radio', { name: /Merge within each category/ }))
    expect(screen.queryByRole('combobox', { name: 'Category of the merged card' })).toBeNull()
    await userEvent.click(screen.getByRole('button', { name: 'Merge within each category' }))
    await waitFor(() => expect(api.store.snapshot().workspace.cards).toHaveLength(2))
    expect(api.store.snapshot().workspace.cards.map((c) => c.categoryId)).toEqual(['top', 'mid'])
  })

  it('“Not a duplicate” dismisses the pair with the card to keep', async () => {
    renderWithProviders(
      <DuplicateGroupCard
        groupKey="project manager"
        match="exact"
        cards={cards.slice(0, 2)}
        categories={categories}
      />
    )
    await userEvent.click(
      screen.getByRole('button', {
        name: '“Project manager” in Middle management is not a duplicate of “Project manager”'
      })
    )
    await waitFor(() =>
      expect(api.store.snapshot().workspace.dismissedDuplicates).toEqual([
        { kind: 'role', titles: ['Project manager', 'Project manager'] }
      ])
    )
    expect(useApp.getState().undoLabel).toBe('Mark cards titled “Project manager” as not duplicates')
  })
})
