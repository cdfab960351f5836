import { screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { ViewErrorBoundary } from '../../../../src/renderer/src/components/ViewErrorBoundary'
import { renderWithProviders } from '../render'

describe('ViewErrorBoundary', () => {
  afterEach(() => vi.restoreAllMocks())

  it('shows what failed instead of the view, and Try again draws the view again', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined)
    let broken = true
    function Needs(): React.JSX.Element {
      if (broken) throw new Error('Cannot read the needs')
      return <p>The needs table</p>
    }
    const onRetry = vi.fn(async () => {
      broken = false
    })
    renderWithProviders(
      <ViewErrorBoundary label="Needs" onRetry={onRetry} onLeave={() => undefined}>
        <Needs />
      </ViewErrorBoundary>
    )

    const alert = screen.getByRole('alert')
    expect(alert.textContent).toContain('The Needs view could not be shown')
    expect(alert.textContent).toContain('Cannot read the needs')
    expect(screen.getByRole('button', { name: 'Go to the board' })).toBeTruthy()
    expect(screen.queryByText('The needs table')).toBeNull()

    await userEvent.click(screen.getByRole('button', { name: 'Try again' }))
    expect(onRetry).toHaveBeenCalledOnce()
    expect(await screen.findByText('The needs table')).toBeTruthy()
    expect(screen.queryByRole('alert')).toBeNull()
  })

  it('offers no way to the board on the board itself', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined)
    function Board(): React.JSX.Element {
      throw new Error('No columns')
    }
    renderWithProviders(
      <ViewErrorBoundary label="Board" onRetry={async () => undefined}>
        <Board />
      </ViewErrorBoundary>
    )
    expect(screen.getByRole('alert')).toBeTruthy()
    expect(screen.queryByRole('button', { name: 'Go to the board' })).toBeNull()
  })
})
