import { Badge, Tooltip } from '@mantine/core'
import { useApp } from '../store'

const LOOK = {
  saved: { color: 'teal', label: 'Saved' },
  saving: { color: 'gray', label: 'Saving…' },
  error: { color: 'red', label: 'Not saved' },
  'read-only': { color: 'orange', label: 'Read-only' }
} as const

/** Never claims "Saved" for a save that failed: it shows exactly what main reports. */
export function SaveStatus(): React.JSX.Element {
  const status = useApp((s) => s.status)
  const filePath = useApp((s) => s.filePath)
  const look = LOOK[status.state]
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
