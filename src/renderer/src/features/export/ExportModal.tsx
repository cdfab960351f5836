import { Button, Group, Modal, Stack } from '@mantine/core'
import { useState } from 'react'
import { EXPORT_FORMATS, type ExportFormat } from '../../../../shared/ipc/contract'
import { call, errorMessage } from '../../api/client'
import { ChoiceList } from '../../components/ChoiceList'
import { useApp } from '../../store'

const FORMAT_TEXT: Record<ExportFormat, { label: string; help: string }> = {
  json: { label: 'JSON workspace', help: 'Everything, for a colleague or a backup; imports back exactly.' },
  'md-taxonomy': { label: 'Taxonomy Markdown', help: 'Categories and roles, GovStack style, for a wiki.' },
  'md-personas': {
    label: 'Persona Markdown',
    help: 'Personas with goals, habits, needs and problems, ESDC style.'
  },
  csv: { label: 'Cards CSV', help: 'One row per card, for spreadsheets.' },
  'csv-capabilities': { label: 'Capabilities CSV', help: 'The IT capabilities catalogue.' },
  'csv-needs': {
    label: 'Needs CSV',
    help: 'One row per persona need, with priority, horizon and capabilities.'
  }
}

export function ExportModal({ onClose }: { onClose: () => void }): React.JSX.Element {
  const toast = useApp((s) => s.toast)
  const [format, setFormat] = useState<ExportFormat>('json')
  const [busy, setBusy] = useState(false)
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
