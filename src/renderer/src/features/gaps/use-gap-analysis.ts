/**
 * The renderer's view of the shared gap analysis. The coverage index is built once per workspace
 * revision and each horizon's analysis once per index, so switching horizon back and forth, or
 * between the gap, needs and capabilities views, recomputes nothing; the app prepares them in idle
 * time as the workspace changes (`usePrepareAnalyses`), so opening a view finds them ready.
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
 * Prepares, one step per idle callback, what the needs and gap views read: the coverage index of
 * the workspace, the analysis "now" (the gap view opens on it), `alsoPrepare(index)` (the needs
 * table's rows), then the other horizons' analyses. Each step is tens of milliseconds at 10,000
 * cards: run between a click and its frame, they made a view open late and in one long task; in
 * idle time they delay nothing. A step already done costs nothing, and a change of workspace
 * cancels the steps left and starts over on the new one.
 */
export function usePrepareAnalyses(alsoPrepare: (index: CoverageIndex) => void): void {
  const workspace = useApp((s) => s.workspace)
  useEffect(() => {
    if (!workspace) return
    const index = (): CoverageIndex => coverageIndexOf(workspace)
    const steps: (() => void)[] = [
      index,
      () => analysisAt(index(), 'now'),
      () => alsoPrepare(index()),
      ...HORIZONS.filter((h) => h !== 'now').map((h) => () => analysisAt(index(), h))
    ]
    let handle = 0
    const next = (): void => {
      const step = steps.shift()
      if (!step) return
      handle = requestIdleCallback(() => {
        try {
          step()
        } catch {
          // A workspace this cannot analyse stops the preparing, not the page: the view that needs
          // the analysis meets the same error inside its error boundary and says what failed.
          return
        }
        next()
      })
    }
    next()
    return () => cancelIdleCallback(handle)
  }, [workspace, alsoPrepare])
}
