import { describe, expect, it } from 'vitest'
import { importedMessage } from '../../../../../src/renderer/src/features/import/import-message'

describe('importedMessage', () => {
  it('says what the import did, in the past tense, and how to take it back', () => {
    expect(importedMessage('add', 53, 0, 53)).toBe('Imported 53 cards. Undo (Ctrl+Z) takes the import back.')
    expect(importedMessage('add', 1, 4, 5)).toBe('Imported 1 card. Undo (Ctrl+Z) takes the import back.')
    expect(importedMessage('merge', 10, 20, 28)).toBe(
      'Imported 8 new cards and merged 2 cards into cards you had. Undo (Ctrl+Z) takes the import back.'
    )
    expect(importedMessage('replace', 12, 40, 12)).toBe(
      'Replaced the workspace with 12 cards. Undo (Ctrl+Z) brings back what you had.'
    )
  })
})
