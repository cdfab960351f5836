import { Group, NativeSelect, Stack } from '@mantine/core'
import { HORIZONS, NEED_KINDS, PRIORITIES, type Need } from '../../../../shared/model/schema'
import { HORIZON_LABEL, KIND_LABEL, PRIORITY_LABEL } from '../../../../shared/analysis/report/common'
import { NeedCapabilities } from './NeedCapabilities'

function pick<T extends string>(values: readonly T[], value: string, fallback: T): T {
  return values.find((v) => v === value) ?? fallback
}

/** A need's kind, priority and horizon, and its capabilities. */
export function NeedFields({
  cardId,
  need,
  onChange
}: {
  cardId: string
  need: Need
  onChange: (edit: (need: Need) => Need) => void
}): React.JSX.Element {
  const select = <T extends string>(
    name: string,
    values: readonly T[],
    labels: Record<T, string>,
    value: T,
    set: (v: T) => void
  ): React.JSX.Element => (
    <NativeSelect
      size="xs"
      label={name}
      aria-label={`${name} of need “${need.text}”`}
      data={values.map((v) => ({ value: v, label: labels[v] }))}
      value={value}
      onChange={(e) => set(pick(values, e.currentTarget.value, value))}
    />
  )
  return (
    <Stack
      gap={4}
      ml={20}
      pl="xs"
      pb={6}
      style={{ borderLeft: '2px solid var(--mantine-color-default-border)' }}
      data-testid="need-fields"
    >
      <Group gap="xs" grow>
        {select('Kind', NEED_KINDS, KIND_LABEL, need.kind, (kind) => onChange((n) => ({ ...n, kind })))}
        {select('Priority', PRIORITIES, PRIORITY_LABEL, need.priority, (priority) =>
          onChange((n) => ({ ...n, priority }))
        )}
        {select('Horizon', HORIZONS, HORIZON_LABEL, need.horizon, (horizon) =>
          onChange((n) => ({ ...n, horizon }))
        )}
      </Group>
      <NeedCapabilities cardId={cardId} need={need} />
    </Stack>
  )
}
