import { act, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { SaveStatus } from '../../../../src/renderer/src/components/SaveStatus'
import { holdDraft, trackDraftWrite } from '../../../../src/renderer/src/features/card-drawer/pending-drafts'
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

  it('says Saving… while a typed edit is held in a draft or sent and not answered, even when main says saved', async () => {
    renderWithProviders(<SaveStatus />)
    const status = screen.getByTestId('save-status')
    let release = (): void => undefined
    act(() => {
      release = holdDraft(() => undefined)
    })
    expect(status.textContent).toBe('Saving…')
    let answer = (): void => undefined
    act(() => {
      void trackDraftWrite(new Promise<void>((resolve) => (answer = resolve)))
      release()
    })
    expect(status.textContent).toBe('Saving…')
    await act(async () => answer())
    expect(status.textContent).toBe('Saved')
    // A failure outranks a pending draft.
    act(() => {
      release = holdDraft(() => undefined)
      useApp.getState().setStatus({ state: 'error', message: 'Disk full' })
    })
    expect(status.textContent).toBe('Not saved')
    act(() => release())
  })
})
