/** The status words every view and the report share (src/shared/analysis/status.ts). */
import { describe, expect, it } from 'vitest'
import {
  COVERAGE_STATUSES,
  STATUS_HELP,
  STATUS_LABEL,
  countsLabel,
  countsSummary,
  coverageLabel,
  emptyCounts,
  hasGaps,
  statusCount
} from '../../../../src/shared/analysis'
import * as report from '../../../../src/shared/analysis/report'

const counts = (c: Partial<Record<'met' | 'partial' | 'gap' | 'unassessed', number>>) => {
  const all = { ...emptyCounts(), ...c }
  return { ...all, total: all.met + all.partial + all.gap + all.unassessed }
}

describe('status words', () => {
  it('has a word and a meaning for every status, and the report uses the same words', () => {
    for (const s of COVERAGE_STATUSES) {
      expect(STATUS_LABEL[s]).toMatch(/^[A-Z]/)
      expect(STATUS_HELP[s]).not.toBe('')
    }
    expect(report.STATUS_LABEL).toBe(STATUS_LABEL)
    expect(report.countsLabel).toBe(countsLabel)
  })

  it('counts a status with the word that agrees', () => {
    expect(statusCount('gap', 1)).toBe('1 gap')
    expect(statusCount('gap', 2)).toBe('2 gaps')
    expect(statusCount('met', 3)).toBe('3 met')
    expect(statusCount('partial', 0)).toBe('0 partial')
    expect(statusCount('unassessed', 5)).toBe('5 unassessed')
  })

  it('summarises counts in status order, leaving out the empty ones', () => {
    expect(countsSummary(counts({ gap: 2, unassessed: 3 }))).toBe('2 gaps, 3 unassessed')
    expect(countsSummary(counts({ met: 1 }))).toBe('1 met')
    expect(countsSummary(emptyCounts())).toBe('')
    expect(countsLabel(counts({ gap: 1 }))).toBe('Gap')
    expect(countsLabel(counts({ met: 1, gap: 2 }))).toBe('1 met, 2 gaps')
  })

  it('says when a status was set by hand', () => {
    expect(coverageLabel({ status: 'met', computed: 'gap', overridden: true, rationale: 'x' })).toBe(
      'Met (override; computed: gap)'
    )
  })

  it('calls a persona "with gaps" only for the status gap, not for partial or unassessed needs', () => {
    expect(hasGaps(counts({ gap: 1 }))).toBe(true)
    expect(hasGaps(counts({ partial: 2, unassessed: 4 }))).toBe(false)
  })
})
