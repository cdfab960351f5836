import { Badge, Tooltip } from '@mantine/core'
import { useHasUnsentDrafts } from '../features/card-drawer/pending-drafts'
import { useApp } from '../store'

const LOOK = {
  saved: { color: 'teal', label: 'Saved' },
  saving: { color: 'gray', label: 'Saving…' },
  error: { color: 'red', label: 'Not saved' },
  'read-only': { color: 'orange', label: 'Read-only' }
} as const

/**
 * Never claims "Saved" before the write is on disk: "Saving…" from the first keystroke in a field
 * (a draft not yet sent to main counts as unsaved) until main reports the save done, and never
 * "Saved" for a save that failed. A failure or read-only state outranks a pending draft.
 */
export function SaveStatus(): React.JSX.Element {
  const status = useApp((s) => s.status)
  const filePath = useApp((s) => s.filePath)
  const isDraftPending = useHasUnsentDrafts()
  const look = LOOK[status.state === 'saved' && isDraftPending ? 'saving' : status.state]
  return (
    <Tooltip label={status.message ?? filePath} multiline w={320} withArrow>
      <Badge
        color={look.color}
        variant="dot"
        data-testid="save-status"
        aria-live="polite"
        style={{ flexShrink: 0, overflow: 'visible' }}
      >
        {look.label}
      </Badge>
    </Tooltip>
  )
}
