/**
 * Every dialog's close button has an accessible name, and a dialog's header is no banner landmark
 * beside the app's header (the theme's Modal and Drawer defaults in src/renderer/src/theme.ts).
 */
import { Drawer } from '@mantine/core'
import { screen } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ExportModal } from '../../../../src/renderer/src/features/export/ExportModal'
import { installApi, renderWithProviders, type FakeApi } from '../render'

describe('dialogs', () => {
  let api: FakeApi
  beforeEach(async () => {
    api = await installApi()
  })
  afterEach(async () => {
    await api.dispose()
  })

  it('a modal that sets no close label still has a named close button and no banner', async () => {
    renderWithProviders(<ExportModal onClose={() => undefined} />)
    const dialog = await screen.findByRole('dialog', { name: 'Export workspace' })
    expect(screen.getByRole('button', { name: 'Close' })).toBeTruthy()
    expect(screen.queryByRole('banner')).toBeNull()
    expect(dialog.querySelector('header')?.getAttribute('role')).toBe('presentation')
  })

  it('a drawer has a named close button and no banner', async () => {
    renderWithProviders(
      <Drawer opened onClose={() => undefined} title="A card">
        Content
      </Drawer>
    )
    await screen.findByRole('dialog', { name: 'A card' })
    expect(screen.getByRole('button', { name: 'Close' })).toBeTruthy()
    expect(screen.queryByRole('banner')).toBeNull()
  })
})
