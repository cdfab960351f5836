/** The workspace's own methods: the snapshot, commands, undo and redo, the example workspace. */
import type { Change } from '../../shared/ipc/types'
import { AppFailure } from '../../shared/result'
import { readProfileFiles } from '../services/import-service'
import type { HandlerDeps, Handlers } from './types'

export function workspaceHandlers({ store, platform }: HandlerDeps) {
  async function openExample(): Promise<Change> {
    const { workspace } = store.snapshot()
    if (workspace.cards.length > 0 || workspace.categories.length > 0 || workspace.capabilities.length > 0) {
      throw new AppFailure(
        'conflict',
        'The example opens in an empty workspace only; this one already has content.'
      )
    }
    const [outcome] = await readProfileFiles([platform.exampleWorkspacePath])
    if (!outcome?.ok || outcome.parsed.diagnostics.some((d) => d.severity === 'error')) {
      throw new AppFailure('io', 'The example workspace that comes with Persona Planner could not be read.')
    }
    const { parsed } = outcome
    const name = typeof parsed.metadata['name'] === 'string' ? parsed.metadata['name'] : workspace.name
    return store.apply({
      type: 'workspace.replace',
      label: 'Open the example workspace',
      workspace: {
        ...workspace,
        name,
        categories: parsed.categories,
        cards: parsed.cards,
        capabilities: parsed.capabilities
      }
    })
  }

  return {
    getWorkspace: async () => store.snapshot(),
    applyCommand: async ({ command }) => store.apply(command),
    undo: async () => store.undo(),
    redo: async () => store.redo(),
    openExampleWorkspace: async () => openExample()
  } satisfies Partial<Handlers>
}
