import { Alert, Button, Group, Loader, Modal, Radio, Stack, Text } from '@mantine/core'
import { useEffect, useState } from 'react'
import type { BackupInfo } from '../../../../shared/ipc/types'
import { call, errorMessage } from '../../api/client'
import { useApp } from '../../store'

const formatBytes = (bytes: number): string =>
  bytes < 1024
    ? `${bytes} B`
    : bytes < 1024 * 1024
      ? `${(bytes / 1024).toFixed(1)} KB`
      : `${(bytes / 1024 / 1024).toFixed(1)} MB`

/** Lists the backups, newest first; restoring one is a single command that undo takes back. */
export function RestoreBackupModal({ onClose }: { onClose: () => void }): React.JSX.Element {
  const receive = useApp((s) => s.receive)
  const toast = useApp((s) => s.toast)
  const [backups, setBackups] = useState<BackupInfo[] | null>(null)
  const [chosen, setChosen] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    call('listBackups', {}).then(
      (list) => {
        setBackups(list)
        setChosen(list[0]?.name ?? null)
      },
      (e: unknown) => setError(errorMessage(e))
    )
  }, [])

  const restore = async (): Promise<void> => {
    if (!chosen) return
    setBusy(true)
    try {
      const change = await call('restoreBackup', { name: chosen })
      receive(change)
      toast('info', `${change.label}. Undo brings back what you had.`)
      onClose()
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <Modal opened onClose={onClose} title="Restore from backup" size="lg">
      <Stack>
        {backups === null && !error && <Loader size="sm" aria-label="Loading backups" />}
        {backups?.length === 0 && (
          <Text>
            There are no backups yet. One is taken at most every five minutes while you work, and before every
            import.
          </Text>
        )}
        {backups && backups.length > 0 && (
          <Radio.Group value={chosen} onChange={setChosen} label="Backups, newest first">
            <Stack gap={6} mt={6}>
              {backups.map((b) => (
                <Radio
                  key={b.name}
                  value={b.name}
                  label={new Date(b.createdAt).toLocaleString()}
                  description={`${b.reason} · ${formatBytes(b.bytes)}`}
                />
              ))}
            </Stack>
          </Radio.Group>
        )}
        {error && (
          <Alert color="red" title="The backup could not be restored">
            {error}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button onClick={() => void restore()} disabled={!chosen} loading={busy}>
            Restore
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
