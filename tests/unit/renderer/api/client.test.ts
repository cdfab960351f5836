import { afterEach, describe, expect, it, vi } from 'vitest'
import { ApiError, errorMessage, INVALID_REQUEST_MESSAGE } from '../../../../src/renderer/src/api/client'

describe('errorMessage', () => {
  afterEach(() => vi.restoreAllMocks())

  it('turns a request that failed its schema into a plain sentence, keeping the details in the console', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    const error = new ApiError({
      code: 'validation',
      message: 'Invalid request for applyCommand.',
      details: ['command.ids: Too small: expected array to have >=1 items']
    })
    const message = errorMessage(error)
    expect(message).toBe(INVALID_REQUEST_MESSAGE)
    expect(message).not.toMatch(/applyCommand|command\.ids|Too small/)
    expect(warn).toHaveBeenCalledWith('Invalid request for applyCommand.', [
      'command.ids: Too small: expected array to have >=1 items'
    ])
  })

  it('keeps a validation message meant for the user, and the details of other errors', () => {
    expect(errorMessage(new ApiError({ code: 'validation', message: 'Not a valid web address: x' }))).toBe(
      'Not a valid web address: x'
    )
    expect(
      errorMessage(new ApiError({ code: 'io', message: 'Could not save.', details: ['disk full'] }))
    ).toBe('Could not save. (disk full)')
    expect(errorMessage(new Error('boom'))).toBe('boom')
  })
})
