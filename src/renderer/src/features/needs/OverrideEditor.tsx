import { Button, Group, Popover, SegmentedControl, Stack, Text, Textarea } from '@mantine/core'
import { IconGavel } from '@tabler/icons-react'
import { useState } from 'react'
import { COVERAGE_STATUSES, type CoverageOverride, type Need } from '../../../../shared/model/schema'
import { STATUS_LOOK } from '../gaps/status-look'

type OverrideStatus = CoverageOverride['status']
const OPTIONS = COVERAGE_STATUSES.map((s) => ({ value: s, label: STATUS_LOOK[s].label }))
const isStatus = (v: string): v is OverrideStatus => (COVERAGE_STATUSES as readonly string[]).includes(v)

function OverrideForm({
  need,
  onSave
}: {
  need: Need
  onSave: (override: CoverageOverride | null) => void
}): React.JSX.Element {
  const [status, setStatus] = useState<OverrideStatus>(need.override?.status ?? 'met')
  const [rationale, setRationale] = useState(need.override?.rationale ?? '')
  const submit = (event: React.FormEvent): void => {
    event.preventDefault()
    if (rationale.trim()) onSave({ status, rationale: rationale.trim() })
  }
  return (
    <form onSubmit={submit}>
      <Stack gap="sm">
        <Text size="sm">
          Set this need&apos;s status by hand, whatever its capabilities give, and say why.
        </Text>
        <SegmentedControl
          aria-label="Overridden status"
          data={OPTIONS}
          value={status}
          onChange={(v) => isStatus(v) && setStatus(v)}
        />
        <Textarea
          label="Rationale"
          required
          autosize
          minRows={2}
          data-autofocus
          value={rationale}
          onChange={(e) => setRationale(e.currentTarget.value)}
        />
        <Group justify="space-between">
          {need.override ? (
            <Button variant="subtle" color="red" size="xs" onClick={() => onSave(null)}>
              Remove override
            </Button>
          ) : (
            <span />
          )}
          <Button type="submit" size="xs" disabled={!rationale.trim()}>
            Save override
          </Button>
        </Group>
      </Stack>
    </form>
  )
}

/** A button that opens the override form for a need; the override replaces its status at every horizon. */
export function OverrideEditor({
  need,
  onChange
}: {
  need: Need
  onChange: (override: CoverageOverride | null) => void
}): React.JSX.Element {
  const [opened, setOpened] = useState(false)
  return (
    <Popover opened={opened} onChange={setOpened} width={340} trapFocus withArrow position="bottom-end">
      <Popover.Target>
        <Button
          size="compact-xs"
          variant="subtle"
          leftSection={<IconGavel size={12} aria-hidden />}
          aria-label={`${need.override ? 'Edit override of' : 'Override status of'} need: ${need.text}`}
          onClick={() => setOpened((o) => !o)}
        >
          {need.override ? 'Edit override' : 'Override'}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        {opened && (
          <OverrideForm
            need={need}
            onSave={(override) => {
              setOpened(false)
              onChange(override)
            }}
          />
        )}
      </Popover.Dropdown>
    </Popover>
  )
}
