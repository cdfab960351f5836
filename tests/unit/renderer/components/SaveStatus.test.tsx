import { act, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { SaveStatus } from '../../../../src/renderer/src/components/SaveStatus'
import { useApp } from '../../../../src/renderer/src/store'
import { renderWithProviders } from '../render'

describe('SaveStatus', () => {
  afterEach(() => act(() => useApp.getState().setStatus({ state: 'saved', message: null })))

  it('says exactly what main reports, politely to screen readers', () => {
    renderWithProviders(<SaveStatus />)
    const status = screen.getByTestId('save-status')
    expect(status.getAttribute('aria-live')).toBe('polite')
    expect(status.textContent).toBe('Saved')

    for (const [state, text] of [
      ['saving', 'Saving…'],
      ['error', 'Not saved'],
      ['read-only', 'Read-only'],
      ['saved', 'Saved']
    ] as const) {
      act(() => useApp.getState().setStatus({ state, message: null }))
      expect(status.textContent).toBe(text)
    }
  })
})
