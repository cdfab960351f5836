import { cleanup, renderHook } from '@testing-library/react'
import { act } from 'react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  useCoverageIndex,
  useGapAnalysis,
  usePrepareAnalyses
} from '../../../../../src/renderer/src/features/gaps/use-gap-analysis'
import { useApp } from '../../../../../src/renderer/src/store'
import type { CoverageIndex } from '../../../../../src/shared/analysis'
import { emptyWorkspace } from '../../../../../src/shared/model/defaults'

/** Idle callbacks queued here and run by `idle()`, so a test decides when the page is idle. */
let queue = new Map<number, () => void>()
let nextHandle = 1
const idle = (): void =>
  act(() => {
    while (queue.size > 0) {
      const [handle, callback] = queue.entries().next().value as [number, () => void]
      queue.delete(handle)
      callback()
    }
  })

describe('usePrepareAnalyses', () => {
  beforeEach(() => {
    queue = new Map()
    vi.stubGlobal('requestIdleCallback', (callback: () => void) => {
      queue.set(nextHandle, callback)
      return nextHandle++
    })
    vi.stubGlobal('cancelIdleCallback', (handle: number) => queue.delete(handle))
  })
  afterEach(() => {
    cleanup()
    vi.unstubAllGlobals()
    useApp.setState({ workspace: null })
  })

  it('prepares the index, the needs rows and the analyses in idle time, and the views read them', () => {
    useApp.setState({ workspace: emptyWorkspace() })
    const alsoPrepare = vi.fn<(index: CoverageIndex) => void>()
    renderHook(() => usePrepareAnalyses(alsoPrepare))
    expect(alsoPrepare).not.toHaveBeenCalled()
    idle()
    expect(alsoPrepare).toHaveBeenCalledTimes(1)
    const prepared = alsoPrepare.mock.calls[0][0]
    const { result } = renderHook(() => ({ index: useCoverageIndex(), later: useGapAnalysis('long') }))
    expect(result.current.index).toBe(prepared)
    // Prepared, not computed again: the same analysis object every time it is asked for.
    expect(renderHook(() => useGapAnalysis('long')).result.current).toBe(result.current.later)
  })

  it('drops the steps left for a workspace that changed and prepares the new one', () => {
    useApp.setState({ workspace: emptyWorkspace() })
    const alsoPrepare = vi.fn<(index: CoverageIndex) => void>()
    renderHook(() => usePrepareAnalyses(alsoPrepare))
    act(() => useApp.setState({ workspace: emptyWorkspace() }))
    idle()
    expect(alsoPrepare).toHaveBeenCalledTimes(1)
    expect(alsoPrepare.mock.calls[0][0]).toBe(renderHook(() => useCoverageIndex()).result.current)
  })
})
