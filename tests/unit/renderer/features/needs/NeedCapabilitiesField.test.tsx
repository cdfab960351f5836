import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it } from 'vitest'
import { NeedCapabilitiesField } from '../../../../../src/renderer/src/features/needs/NeedCapabilitiesField'
import { useApp } from '../../../../../src/renderer/src/store'
import { emptyWorkspace, newCapability, newNeed } from '../../../../../src/shared/model/defaults'
import { renderWithProviders } from '../../render'

describe('NeedCapabilitiesField', () => {
  afterEach(() => useApp.setState({ workspace: null }))

  it('shows the linked capabilities without a picker, and mounts the picker, open, once focused', async () => {
    const capabilities = [
      newCapability({ id: 'dlp', name: 'DLP tool' }),
      newCapability({ id: 'cls', name: 'Classification tool' })
    ]
    useApp.setState({ workspace: { ...emptyWorkspace(), capabilities } })
    const need = newNeed({ id: 'n', text: 'Label documents', capabilityIds: ['dlp'] })
    renderWithProviders(<NeedCapabilitiesField cardId="p" need={need} />)
    const name = 'Capabilities for need: Label documents'
    expect(screen.getByText('DLP tool')).toBeTruthy()
    expect(screen.getByLabelText<HTMLInputElement>(name).readOnly).toBe(true)
    expect(screen.queryByRole('listbox')).toBeNull()

    await userEvent.tab()
    // The picker's own input has taken the stand-in's place, and the focus.
    const picker = document.activeElement as HTMLInputElement
    expect(picker.getAttribute('aria-label')).toBe(name)
    expect(picker.readOnly).toBe(false)
    // Opened, as the picker opens on focus (its options are drawn in a portal after a transition).
    await waitFor(() => expect(picker.closest('[data-expanded="true"]')).not.toBeNull())
  })
})
