import { Alert, Stack } from '@mantine/core'
import { Notifications } from '@mantine/notifications'
import { IconAlertTriangle } from '@tabler/icons-react'
import { useEffect } from 'react'
import { useDrawer } from '../features/card-drawer/drawer-store'
import { closeErrorToasts, useApp } from '../store'

/**
 * The toasts: bottom right, or bottom left while the card drawer (on the right) is open, so they
 * never cover the field being edited. Escape closes an error toast before anything else hears it.
 */
export function Toasts(): React.JSX.Element {
  const isDrawerOpen = useDrawer((s) => s.cardId !== null)
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (event.key !== 'Escape' || !closeErrorToasts()) return
      event.preventDefault()
      event.stopPropagation()
    }
    window.addEventListener('keydown', onKey, true)
    return () => window.removeEventListener('keydown', onKey, true)
  }, [])
  // In a labelled region, as all content is in landmarks for screen readers (axe: region).
  return (
    <section aria-label="Notifications">
      <Notifications
        position={isDrawerOpen ? 'bottom-left' : 'bottom-right'}
        limit={4}
        withinPortal={false}
      />
    </section>
  )
}

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
