import { Alert, Button, Code, Group, Stack, Text } from '@mantine/core'
import { IconAlertTriangle } from '@tabler/icons-react'
import { Component, type ErrorInfo, type ReactNode } from 'react'

interface Props {
  /** The view's name, as the navigation shows it. */
  label: string
  /** Where the user can go instead (the board), or nothing when this is the board. */
  onLeave?: () => void
  /** Before drawing again: fetch a fresh copy of the workspace from the main process. */
  onRetry: () => Promise<void>
  children: ReactNode
}

interface State {
  error: Error | null
}

/**
 * Keeps a failing view from blanking the app: the view's pane shows what failed and the way on,
 * while the header, the navigation and the other views keep working. The workspace itself lives
 * in the main process and is untouched by a view that fails to draw. Keyed by view, so switching
 * views starts afresh.
 */
export class ViewErrorBoundary extends Component<Props, State> {
  override state: State = { error: null }

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) }
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`The ${this.props.label} view failed`, error, info.componentStack)
  }

  private async retry(): Promise<void> {
    await this.props.onRetry()
    this.setState({ error: null })
  }

  override render(): ReactNode {
    const { error } = this.state
    if (!error) return this.props.children
    const { label, onLeave } = this.props
    return (
      <Alert
        role="alert"
        color="red"
        variant="light"
        title={`The ${label} view could not be shown`}
        icon={<IconAlertTriangle aria-hidden />}
        m="md"
      >
        <Stack gap="sm">
          <Text size="sm">
            Your workspace is safe: nothing was changed. The other views still work. Try again reloads the
            workspace and draws the view again; if it fails again, please report the message below.
          </Text>
          <Code block>{error.message}</Code>
          <Group>
            <Button size="xs" onClick={() => void this.retry()}>
              Try again
            </Button>
            {onLeave && (
              <Button size="xs" variant="default" onClick={onLeave}>
                Go to the board
              </Button>
            )}
          </Group>
        </Stack>
      </Alert>
    )
  }
}
