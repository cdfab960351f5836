import { afterEach, describe, expect, it } from 'vitest'
import type { WorkspaceStore } from '../../../../src/main/services/workspace-store'
import { openStore, readWorkspaceFile, tempDir } from './helpers'

const pair = {
  kind: 'role' as const,
  titles: ['Software developer', 'Software/systems developer'] as [string, string]
}

describe('WorkspaceStore: "Not a duplicate"', () => {
  let store: WorkspaceStore | undefined
  afterEach(async () => {
    await store?.close()
  })

  it('dismisses a pair undoably, names it in undo and redo, saves it, and reopens with it', async () => {
    const dir = await tempDir()
    store = await openStore(dir)
    const change = store.apply({ type: 'duplicates.dismiss', pair })
    expect(change.undoLabel).toBe(
      'Mark “Software developer” and “Software/systems developer” as not duplicates'
    )
    await store.flush()
    expect((await readWorkspaceFile(dir)).dismissedDuplicates).toEqual([pair])

    const undone = store.undo()
    expect(undone?.redoLabel).toBe(change.undoLabel)
    expect(store.snapshot().workspace.dismissedDuplicates).toEqual([])
    store.redo()
    await store.flush()
    await store.close()

    store = await openStore(dir)
    expect(store.snapshot().workspace.dismissedDuplicates).toEqual([pair])
    const restored = store.apply({ type: 'duplicates.restore', pair })
    expect(restored.undoLabel).toBe(
      'Look again for duplicates of “Software developer” and “Software/systems developer”'
    )
    expect(store.snapshot().workspace.dismissedDuplicates).toEqual([])
  })
})
