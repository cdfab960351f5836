import { Button, Center, Loader, Overlay, Paper, Progress, Stack, Text } from '@mantine/core'
import type { ImportProgress } from '../../../../shared/ipc/types'

/** What the overlay says, whole sentences in one place. */
export const PROGRESS_TEXT = {
  reading: 'Reading files…',
  readingFile: (file: string) => `Reading ${file}…`,
  percent: (percent: number) => `${percent}%`,
  cards: (cards: number) => (cards === 1 ? '1 card so far' : `${cards.toLocaleString('en-US')} cards so far`),
  progressLabel: 'How much of the file is read',
  cancel: 'Cancel'
} as const

/**
 * Covers everything below the header while an import's files are read (in main's worker): the file's name, how
 * far it got and the cards made so far, and Cancel, which stops the reading and changes nothing.
 */
export function ImportProgressOverlay({
  progress,
  onCancel
}: {
  progress: ImportProgress | null
  onCancel: () => void
}): React.JSX.Element {
  const percent = progress === null ? null : Math.floor(progress.fraction * 100)
  return (
    // Below the header (whose save status must stay readable, never dimmed), over the rest.
    <Overlay blur={1} zIndex={300} center fixed top="var(--app-shell-header-height, 0px)">
      <Center>
        <Paper
          withBorder
          shadow="md"
          p="lg"
          w={360}
          role="dialog"
          aria-label={PROGRESS_TEXT.reading}
          onKeyDown={(e) => {
            if (e.key === 'Escape') onCancel()
          }}
        >
          <Stack gap="sm">
            {progress === null ? (
              <Stack align="center" gap="xs">
                <Loader size="sm" />
                <Text>{PROGRESS_TEXT.reading}</Text>
              </Stack>
            ) : (
              <>
                <Text fw={500} truncate="end" title={progress.file}>
                  {PROGRESS_TEXT.readingFile(progress.file)}
                </Text>
                <Progress value={percent ?? 0} aria-label={PROGRESS_TEXT.progressLabel} animated />
                <Text size="sm" c="dimmed" data-testid="import-progress">
                  {PROGRESS_TEXT.percent(percent ?? 0)} · {PROGRESS_TEXT.cards(progress.cards)}
                </Text>
              </>
            )}
            <Button variant="default" onClick={onCancel} data-autofocus autoFocus>
              {PROGRESS_TEXT.cancel}
            </Button>
          </Stack>
        </Paper>
      </Center>
    </Overlay>
  )
}
