/**
 * The renderer's view of the shared gap analysis. The coverage index is built once per workspace
 * revision and each horizon's analysis once per index, so switching horizon back and forth, or
 * between the gap, needs and capabilities views, recomputes nothing.
 */
import { useMemo } from 'react'
import {
  analyzeGaps,
  buildCoverageIndex,
  type CoverageIndex,
  type GapAnalysis
} from '../../../../shared/analysis'
import type { Horizon, Workspace } from '../../../../shared/model/schema'
import { useApp } from '../../store'

const indexes = new WeakMap<Workspace, CoverageIndex>()
const analyses = new WeakMap<CoverageIndex, Partial<Record<Horizon, GapAnalysis>>>()

function coverageIndexOf(workspace: Workspace): CoverageIndex {
  let index = indexes.get(workspace)
  if (!index) {
    index = buildCoverageIndex(workspace)
    indexes.set(workspace, index)
  }
  return index
}

function analysisAt(index: CoverageIndex, horizon: Horizon): GapAnalysis {
  let byHorizon = analyses.get(index)
  if (!byHorizon) {
    byHorizon = {}
    analyses.set(index, byHorizon)
  }
  return (byHorizon[horizon] ??= analyzeGaps(index, horizon))
}

export function useCoverageIndex(): CoverageIndex | null {
  const workspace = useApp((s) => s.workspace)
  return useMemo(() => (workspace ? coverageIndexOf(workspace) : null), [workspace])
}

export function useGapAnalysis(horizon: Horizon): GapAnalysis | null {
  const index = useCoverageIndex()
  return useMemo(() => (index ? analysisAt(index, horizon) : null), [index, horizon])
}
