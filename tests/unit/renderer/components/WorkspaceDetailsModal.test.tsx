import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { WorkspaceDetailsModal } from '../../../../src/renderer/src/components/WorkspaceDetailsModal'
import { useApp } from '../../../../src/renderer/src/store'
import { installApi, renderWithProviders, type FakeApi } from '../render'

describe('WorkspaceDetailsModal', () => {
  let api: FakeApi
  beforeEach(async () => {
    api = await installApi()
  })
  afterEach(async () => {
    await api.dispose()
  })

  it('renames the workspace in main, undoably, and closes', async () => {
    const onClose = vi.fn()
    renderWithProviders(<WorkspaceDetailsModal onClose={onClose} />)
    const name = await screen.findByRole('textbox', { name: /Name/ })
    await userEvent.clear(name)
    await userEvent.type(name, 'Digital services 2027')
    await userEvent.click(screen.getByRole('button', { name: 'Save' }))

    await waitFor(() => expect(onClose).toHaveBeenCalledOnce())
    expect(api.store.snapshot().workspace.name).toBe('Digital services 2027')
    expect(useApp.getState().workspace?.name).toBe('Digital services 2027')
    expect(useApp.getState().undoLabel).not.toBeNull()
  })

  it('says the workspace needs a name and will not save an empty one', async () => {
    const onClose = vi.fn()
    renderWithProviders(<WorkspaceDetailsModal onClose={onClose} />)
    const before = api.store.snapshot().workspace.name
    await userEvent.clear(await screen.findByRole('textbox', { name: /Name/ }))

    expect(screen.getByText('The workspace needs a name.')).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Save' }).hasAttribute('disabled')).toBe(true)
    expect(onClose).not.toHaveBeenCalled()
    expect(api.store.snapshot().workspace.name).toBe(before)
  })

  it('Cancel closes without changing anything', async () => {
    const onClose = vi.fn()
    renderWithProviders(<WorkspaceDetailsModal onClose={onClose} />)
    const before = api.store.snapshot()
    await userEvent.type(await screen.findByRole('textbox', { name: /Name/ }), ' changed')
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }))

    expect(onClose).toHaveBeenCalledOnce()
    expect(api.store.snapshot().revision).toBe(before.revision)
    expect(api.store.snapshot().workspace.name).toBe(before.workspace.name)
  })

  it('has a close button with an accessible name', async () => {
    renderWithProviders(<WorkspaceDetailsModal onClose={() => undefined} />)
    expect(await screen.findByRole('button', { name: 'Close' })).toBeTruthy()
  })
})
