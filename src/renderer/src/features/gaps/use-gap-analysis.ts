/**
 * The renderer's view of the shared gap analysis. The coverage index is built once per workspace
 * revision and each horizon's analysis once per index, so switching horizon back and forth, or
 * between the gap, needs and capabilities views, recomputes nothing; the gap view prepares the
 * other horizons in idle time (`usePrepareAnalyses`).
 */
import { useEffect, useMemo } from 'react'
import {
  analyzeGaps,
  buildCoverageIndex,
  type CoverageIndex,
  type GapAnalysis
} from '../../../../shared/analysis'
import { HORIZONS, type Horizon, type Workspace } from '../../../../shared/model/schema'
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

/**
 * Computes the analysis of every horizon not computed yet, one per idle callback, so that a
 * horizon switch finds its analysis ready instead of computing it between the click and the
 * redrawn matrix. Stops when the workspace changes (a new index) or the view closes.
 */
export function usePrepareAnalyses(): void {
  const index = useCoverageIndex()
  useEffect(() => {
    if (!index) return
    let handle = 0
    const next = (): void => {
      const missing = HORIZONS.find((h) => analyses.get(index)?.[h] === undefined)
      if (missing === undefined) return
      handle = requestIdleCallback(() => {
        analysisAt(index, missing)
        next()
      })
    }
    next()
    return () => cancelIdleCallback(handle)
  }, [index])
}
