import { describe, expect, it } from 'vitest'
import { applyCommand } from '../../../../src/shared/commands/apply'
import { ParseContext } from '../../../../src/shared/formats/context'
import { readWorkspaceJson, serializeJson } from '../../../../src/shared/formats/json'
import { emptyWorkspace } from '../../../../src/shared/model/defaults'
import { migrateDocument } from '../../../../src/shared/model/migrations'

describe('dismissed duplicate pairs in workspace JSON', () => {
  it('are written and read back unchanged, and a file without them reads with none and no note', () => {
    const ws = applyCommand(emptyWorkspace('2026-01-01T00:00:00.000Z'), {
      type: 'duplicates.dismiss',
      pair: { kind: 'role', titles: ['Software/systems developer', 'Software developer'] }
    }).next
    const read = readWorkspaceJson(serializeJson(ws), new ParseContext('w.json'), {
      refuseDeepNesting: false
    })
    expect(read.kind === 'ok' && read.workspace.dismissedDuplicates).toEqual(ws.dismissedDuplicates)

    const { dismissedDuplicates: _, ...without } = ws
    const ctx = new ParseContext('w.json')
    const old = readWorkspaceJson(JSON.stringify(without), ctx, { refuseDeepNesting: false })
    expect(old.kind).toBe('ok')
    expect(old.kind === 'ok' && (old.workspace.dismissedDuplicates ?? [])).toEqual([])
    expect(ctx.diagnostics).toEqual([])
  })

  it('a version 1 document migrates to an empty list', () => {
    const { doc } = migrateDocument({ schemaVersion: 1, name: 'W', categories: [], cards: [] })
    expect(doc.dismissedDuplicates).toEqual([])
  })

  it('a dismissed pair that is not a pair is refused', () => {
    const ctx = new ParseContext('w.json')
    const text = JSON.stringify({
      ...emptyWorkspace('2026-01-01T00:00:00.000Z'),
      dismissedDuplicates: [{ kind: 'role', titles: ['Only one'] }]
    })
    expect(readWorkspaceJson(text, ctx, { refuseDeepNesting: false }).kind).toBe('refused')
  })
})
