import { Button, Group, Modal, SegmentedControl, Stack, Text } from '@mantine/core'
import { useState } from 'react'
import { REPORT_FORMATS, type ReportFormat } from '../../../../shared/ipc/contract'
import type { Horizon } from '../../../../shared/model/schema'
import { call, errorMessage } from '../../api/client'
import { ChoiceList } from '../../components/ChoiceList'
import { useApp } from '../../store'
import { HORIZON_OPTIONS, isHorizon } from './horizon-options'

const FORMAT_TEXT: Record<ReportFormat, { label: string; help: string }> = {
  md: { label: 'Markdown', help: 'For a wiki page or a pull request.' },
  html: { label: 'HTML', help: 'One standalone page that opens in any browser and prints well.' },
  csv: { label: 'CSV', help: 'One row per need with its coverage, for spreadsheets.' },
  pdf: { label: 'PDF', help: 'The HTML report, printed, to hand to management.' }
}

/** Saves the gap report at a horizon; the toast names the file. */
export function ExportReportModal({
  initialHorizon,
  onClose
}: {
  initialHorizon: Horizon
  onClose: () => void
}): React.JSX.Element {
  const toast = useApp((s) => s.toast)
  const [format, setFormat] = useState<ReportFormat>('md')
  const [horizon, setHorizon] = useState<Horizon>(initialHorizon)
  const [busy, setBusy] = useState(false)

  const save = async (): Promise<void> => {
    setBusy(true)
    try {
      const saved = await call('exportReport', { format, horizon })
      if (saved) {
        toast('info', `Gap report saved to ${saved.path}`)
        onClose()
      }
    } catch (error) {
      toast('error', errorMessage(error))
    } finally {
      setBusy(false)
    }
  }

  return (
    <Modal
      opened
      onClose={onClose}
      title="Export gap report"
      size="lg"
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      <Stack>
        <Stack gap={4}>
          <Text size="sm" fw={500} id="report-horizon-label">
            Coverage at
          </Text>
          <SegmentedControl
            aria-labelledby="report-horizon-label"
            data={HORIZON_OPTIONS}
            value={horizon}
            onChange={(v) => isHorizon(v) && setHorizon(v)}
          />
        </Stack>
        <ChoiceList
          label="Format"
          options={REPORT_FORMATS}
          text={FORMAT_TEXT}
          value={format}
          onChange={setFormat}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button onClick={() => void save()} loading={busy}>
            Save report…
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
