/**
 * A change re-renders what it changed (issue #14, keyboard move at 10,000 cards): after a card
 * moves within its column, the other columns and the per-card facts the tiles read are the same
 * objects as before, so their memoised components skip the render.
 */
import { renderHook, waitFor } from '@testing-library/react'
import { produce } from 'immer'
import { describe, expect, it } from 'vitest'
import { useBoardData } from '../../../../../src/renderer/src/features/board/use-board-data'
import { useDuplicates } from '../../../../../src/renderer/src/features/duplicates/duplicate-search'
import {
  emptyWorkspace,
  newCategory,
  newNeed,
  newPersona,
  newRole
} from '../../../../../src/shared/model/defaults'
import type { Workspace } from '../../../../../src/shared/model/schema'

/** Renders the hook and waits for duplicate detection's answer, which changes the facts once. */
async function renderBoardData(ws: Workspace) {
  const hook = renderHook(({ ws }) => useBoardData(ws), { initialProps: { ws } })
  await waitFor(() => expect(useDuplicates.getState().status).toBe('ready'))
  hook.rerender({ ws })
  return hook
}

function workspace(): Workspace {
  const ws = emptyWorkspace()
  ws.categories = [0, 1, 2].map((i) => newCategory({ id: `cat-${i}`, name: `Column ${i}`, order: i }))
  ws.cards = Array.from({ length: 12 }, (_, i) =>
    i % 4 === 0
      ? newPersona({
          id: `card-${i}`,
          title: `Persona ${i}`,
          categoryId: `cat-${i % 3}`,
          order: i,
          needs: [newNeed({ id: `need-${i}`, text: 'Laptop' })]
        })
      : newRole({ id: `card-${i}`, title: `Role ${i}`, categoryId: `cat-${i % 3}`, order: i })
  )
  return ws
}

describe('useBoardData', () => {
  it('keeps the unchanged columns and the facts when one card moves within its column', async () => {
    const before = workspace()
    const { result, rerender } = await renderBoardData(before)
    const first = result.current
    // card-0 and card-3 swap places in column 0, as a keyboard move one place down leaves them.
    const after = produce(before, (ws) => {
      ws.cards[0].order = 3
      ws.cards[3].order = 0
    })
    rerender({ ws: after })
    const next = result.current
    const byKey = (data: typeof first, key: string) => data.columns.find((c) => c.key === key)
    expect(byKey(next, 'cat-0')).not.toBe(byKey(first, 'cat-0'))
    expect(byKey(next, 'cat-0')?.shown.map((c) => c.id)).toEqual(['card-3', 'card-0', 'card-6', 'card-9'])
    for (const key of [':inbox', 'cat-1', 'cat-2']) expect(byKey(next, key)).toBe(byKey(first, key))
    expect(next.facts).toBe(first.facts)
  })

  it('gives a persona new facts when its needs change, and keeps the other columns', async () => {
    const before = workspace()
    const { result, rerender } = await renderBoardData(before)
    const first = result.current
    const after = produce(before, (ws) => {
      const persona = ws.cards[4]
      if (persona.kind === 'persona') persona.needs.push(newNeed({ id: 'need-x', text: 'Phone' }))
    })
    rerender({ ws: after })
    expect(result.current.facts).not.toBe(first.facts)
    expect(result.current.facts.stats.get('card-4')?.needs).toBe(2)
    expect(result.current.columns.find((c) => c.key === 'cat-0')).toBe(
      first.columns.find((c) => c.key === 'cat-0')
    )
  })
})
