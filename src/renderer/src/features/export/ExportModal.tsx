import { Alert, Button, Group, List, Modal, Stack } from '@mantine/core'
import { IconAlertTriangle } from '@tabler/icons-react'
import { useMemo, useState } from 'react'
import { FORMATS, exportLosses, lossesHeading } from '../../../../shared/formats'
import { EXPORT_FORMATS, type ExportFormat } from '../../../../shared/ipc/contract'
import { call, errorMessage } from '../../api/client'
import { ChoiceList } from '../../components/ChoiceList'
import { useApp } from '../../store'

/** Each format's label and one-line help, from the format registry. */
const FORMAT_TEXT = Object.fromEntries(
  FORMATS.map((f) => [f.id, { label: f.label, help: f.help }])
) as Record<ExportFormat, { label: string; help: string }> // one entry per id of the registry, which EXPORT_FORMATS is

export function ExportModal({ onClose }: { onClose: () => void }): React.JSX.Element {
  const toast = useApp((s) => s.toast)
  const workspace = useApp((s) => s.workspace)
  const [format, setFormat] = useState<ExportFormat>('json')
  const [busy, setBusy] = useState(false)
  const losses = useMemo(() => (workspace ? exportLosses(workspace, format) : []), [workspace, format])
  const save = async (): Promise<void> => {
    setBusy(true)
    try {
      const saved = await call('exportWorkspace', { format })
      if (saved) {
        toast('info', `Exported to ${saved.path}`)
        onClose()
      }
    } catch (error) {
      toast('error', errorMessage(error))
    } finally {
      setBusy(false)
    }
  }
  return (
    <Modal opened onClose={onClose} title="Export workspace" size="lg">
      <Stack>
        <ChoiceList
          label="Format"
          options={EXPORT_FORMATS}
          text={FORMAT_TEXT}
          value={format}
          onChange={setFormat}
        />
        {losses.length > 0 && (
          <Alert
            color="orange"
            icon={<IconAlertTriangle aria-hidden />}
            title={lossesHeading(FORMAT_TEXT[format].label)}
            data-testid="export-losses"
          >
            <List size="sm" spacing={2}>
              {losses.map((loss) => (
                <List.Item key={loss.what}>{loss.message}</List.Item>
              ))}
            </List>
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button onClick={() => void save()} loading={busy}>
            Export…
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
