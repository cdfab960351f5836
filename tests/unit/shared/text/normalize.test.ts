import { describe, expect, it } from 'vitest'
import { normalizeTitle } from '../../../../src/shared/text/normalize'

describe('title normalisation', () => {
  it.each([
    ['Chief  Security Information Officer (CISO)&#x20;', 'chief security information officer ciso'],
    ['[Service designer](https://www.gov.uk/guidance/service-designer)', 'service designer'],
    ['Monitoring &amp; Evaluation Officer', 'monitoring evaluation officer'],
    ['Problèmes', 'problemes'],
    ['  Project   manager ', 'project manager']
  ])('%s → %s', (input, expected) => expect(normalizeTitle(input)).toBe(expected))
})
