import { Alert, Stack } from '@mantine/core'
import { IconAlertTriangle } from '@tabler/icons-react'
import { useApp } from '../store'

/** What happened while opening the workspace (a corrupt file moved aside, a restore, a migration). */
export function Notices(): React.JSX.Element | null {
  const notices = useApp((s) => s.notices)
  const status = useApp((s) => s.status)
  const dismiss = useApp((s) => s.dismissNotices)
  const lines =
    status.state === 'error' || status.state === 'read-only' ? [status.message ?? '', ...notices] : notices
  const shown = lines.filter((line) => line !== '')
  if (shown.length === 0) return null
  return (
    <Alert
      color={status.state === 'error' ? 'red' : 'orange'}
      icon={<IconAlertTriangle aria-hidden />}
      title="About your workspace"
      withCloseButton={notices.length > 0}
      closeButtonLabel="Dismiss"
      onClose={dismiss}
      mb="sm"
      data-testid="notices"
    >
      <Stack gap={4}>
        {shown.map((line) => (
          <div key={line}>{line}</div>
        ))}
      </Stack>
    </Alert>
  )
}
