/**
 * scripts/check-electron.mjs: the pinned Electron must be the newest patch of its major and have
 * no serious advisory; what the registry or the advisory service could not tell is said, not passed.
 */
import { describe, expect, it } from 'vitest'
import { judge, newestPatch } from '../../../scripts/check-electron.mjs'

const VERSIONS = ['44.9.9', '45.0.0', '45.4.1', '45.5.0', '45.10.0-beta.1', '45.9.2', '46.0.0']

describe('newestPatch', () => {
  it('is the newest release of the same major, ignoring prereleases and other majors', () => {
    expect(newestPatch('45.4.1', VERSIONS)).toBe('45.9.2')
    expect(newestPatch('44.1.0', VERSIONS)).toBe('44.9.9')
    expect(newestPatch('47.0.0', VERSIONS)).toBeNull()
  })
})

describe('judge', () => {
  it('fails a pin behind its newest patch and says how to update', () => {
    const { lines, ok } = judge({ pinned: '45.4.1', versions: VERSIONS, advisories: [] })
    expect(ok).toBe(false)
    expect(lines[0]).toBe(
      'Electron 45.4.1 is behind 45.9.2, the newest 45.x patch (security fixes ship in patches).'
    )
    expect(lines[1]).toBe('Update it: npm install --save-exact --save-dev electron@45.9.2')
  })

  it('passes the newest patch with no advisory', () => {
    expect(judge({ pinned: '45.9.2', versions: VERSIONS, advisories: [] })).toEqual({
      ok: true,
      lines: ['Electron 45.9.2 is the newest 45.x patch.', 'Electron 45.9.2: no known advisory.']
    })
  })

  it('fails on a high or critical advisory, and lists a moderate one without failing', () => {
    const high = { severity: 'high', title: 'Use after free in a renderer', url: 'https://example.org/a' }
    const moderate = { severity: 'moderate', title: 'A moderate one' }
    expect(judge({ pinned: '45.9.2', versions: VERSIONS, advisories: [moderate] }).ok).toBe(true)
    const serious = judge({ pinned: '45.9.2', versions: VERSIONS, advisories: [moderate, high] })
    expect(serious.ok).toBe(false)
    expect(serious.lines).toContain('  high: Use after free in a renderer (https://example.org/a)')
  })

  it('says what it could not check when the registry or the advisory service is unreachable', () => {
    const { lines, ok } = judge({ pinned: '45.9.2', versions: null, advisories: null })
    expect(ok).toBe(true)
    expect(lines).toEqual([
      'Electron 45.9.2: the npm registry could not be reached, so newer patches were not checked.',
      'Electron 45.9.2: the advisory service could not be reached, so advisories were not checked.'
    ])
  })
})
