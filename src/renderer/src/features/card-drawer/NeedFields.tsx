import { Group, Stack } from '@mantine/core'
import { HORIZONS, NEED_KINDS, PRIORITIES, type Need } from '../../../../shared/model/schema'
import { HORIZON_LABEL, KIND_LABEL, PRIORITY_LABEL } from '../../../../shared/analysis/report/common'
import { NeedValueSelect } from '../needs/NeedValueSelect'
import { NeedCapabilities } from './NeedCapabilities'

/** A need's kind, priority and horizon (each may be "Not set"), and its capabilities. */
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
    labels: Readonly<Record<T, string>>,
    value: T | null,
    set: (v: T | null) => void
  ): React.JSX.Element => (
    <NeedValueSelect
      size="xs"
      label={name}
      aria-label={`${name} of need “${need.text}”`}
      values={values}
      labels={labels}
      value={value}
      onValueChange={set}
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
