import { describe, expect, it } from 'vitest'
import {
  capabilityStateAt,
  needCoverage,
  statusFromCapabilities,
  type CoverageStatus
} from '../../../../src/shared/analysis'
import { newCapability, newNeed } from '../../../../src/shared/model/defaults'
import type { Capability, CapabilityState, Horizon } from '../../../../src/shared/model/schema'

const cap = (id: string, state: CapabilityState, horizon: Horizon | null = null): Capability =>
  newCapability({ id, name: id, state, horizon })

const caps = [
  cap('inplace', 'in-place'),
  cap('partial', 'partial'),
  cap('absent', 'absent'),
  cap('plannedNow', 'planned', 'now'),
  cap('plannedMedium', 'planned', 'medium'),
  cap('plannedLong', 'planned', 'long'),
  cap('plannedNever', 'planned', null),
  // A horizon on a partial or in-place capability changes nothing.
  cap('partialLong', 'partial', 'long'),
  cap('absentNow', 'absent', 'now')
]
const byId = new Map(caps.map((c) => [c.id, c]))

const status = (ids: string[], horizon: Horizon): CoverageStatus =>
  needCoverage(newNeed({ id: 'n', text: 'x', capabilityIds: ids }), byId, horizon).status

describe('capabilityStateAt', () => {
  it.each([
    ['inplace', ['in-place', 'in-place', 'in-place']],
    ['partial', ['partial', 'partial', 'partial']],
    ['absent', ['absent', 'absent', 'absent']],
    ['plannedNow', ['in-place', 'in-place', 'in-place']],
    ['plannedMedium', ['absent', 'in-place', 'in-place']],
    ['plannedLong', ['absent', 'absent', 'in-place']],
    ['plannedNever', ['absent', 'absent', 'absent']],
    ['partialLong', ['partial', 'partial', 'partial']],
    ['absentNow', ['absent', 'absent', 'absent']]
  ])('%s at now / medium / long', (id, expected) => {
    const capability = byId.get(id) as Capability
    expect((['now', 'medium', 'long'] as const).map((h) => capabilityStateAt(capability, h))).toEqual(
      expected
    )
  })
})

describe('needCoverage', () => {
  it.each<[string, string[], [CoverageStatus, CoverageStatus, CoverageStatus]]>([
    ['no capability linked: unassessed', [], ['unassessed', 'unassessed', 'unassessed']],
    ['only unknown ids: unassessed', ['nope', 'gone'], ['unassessed', 'unassessed', 'unassessed']],
    ['in place: met', ['inplace'], ['met', 'met', 'met']],
    ['partial: partial', ['partial'], ['partial', 'partial', 'partial']],
    ['absent: gap', ['absent'], ['gap', 'gap', 'gap']],
    ['best of several wins', ['absent', 'partial', 'inplace'], ['met', 'met', 'met']],
    ['partial beats absent', ['absent', 'partial'], ['partial', 'partial', 'partial']],
    ['planned now counts now', ['plannedNow'], ['met', 'met', 'met']],
    ['planned medium counts from medium', ['plannedMedium'], ['gap', 'met', 'met']],
    ['planned long counts from long', ['plannedLong'], ['gap', 'gap', 'met']],
    ['planned without horizon never counts', ['plannedNever'], ['gap', 'gap', 'gap']],
    ['partial until a planned one arrives', ['partial', 'plannedLong'], ['partial', 'partial', 'met']],
    ['unknown ids are ignored beside known ones', ['nope', 'absent'], ['gap', 'gap', 'gap']],
    ['a horizon on a partial one is ignored', ['partialLong'], ['partial', 'partial', 'partial']]
  ])('%s', (_name, ids, expected) => {
    expect([status(ids, 'now'), status(ids, 'medium'), status(ids, 'long')]).toEqual(expected)
  })

  it('carries computed and effective status, the flag and the rationale when overridden', () => {
    const need = newNeed({
      id: 'n',
      text: 'x',
      capabilityIds: ['plannedMedium'],
      override: { status: 'partial', rationale: 'Pilot covers half the offices' }
    })
    expect(needCoverage(need, byId, 'now')).toEqual({
      status: 'partial',
      computed: 'gap',
      overridden: true,
      rationale: 'Pilot covers half the offices'
    })
    // The override holds at every horizon; the computed status still follows the plan.
    expect(needCoverage(need, byId, 'medium')).toEqual({
      status: 'partial',
      computed: 'met',
      overridden: true,
      rationale: 'Pilot covers half the offices'
    })
  })

  it('applies an override to an unassessed need too, and reports no override otherwise', () => {
    const overridden = newNeed({ id: 'n', text: 'x', override: { status: 'gap', rationale: '' } })
    expect(needCoverage(overridden, byId, 'long')).toEqual({
      status: 'gap',
      computed: 'unassessed',
      overridden: true,
      rationale: ''
    })
    expect(needCoverage(newNeed({ id: 'n', text: 'x', capabilityIds: ['inplace'] }), byId, 'now')).toEqual({
      status: 'met',
      computed: 'met',
      overridden: false,
      rationale: null
    })
  })

  it('statusFromCapabilities is unassessed for an empty list', () => {
    expect(statusFromCapabilities([], 'now')).toBe('unassessed')
  })
})
