import { Button, Group, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core'
import { IconSearch } from '@tabler/icons-react'
import { COVERAGE_STATUSES, type CoverageIndex } from '../../../../shared/analysis'
import {
  HORIZON_LABEL,
  KIND_LABEL,
  NOT_SET_LABEL,
  PRIORITY_LABEL,
  STATUS_LABEL
} from '../../../../shared/analysis/report/common'
import { HORIZONS, NEED_KINDS, PRIORITIES } from '../../../../shared/model/schema'
import { HORIZON_OPTIONS, isHorizon } from '../gaps/horizon-options'
import {
  NOT_SET,
  NO_FILTERS,
  hasFilters,
  type NeedFilters,
  type NeedValueCounts,
  type ValueCounts,
  type ValueFilter
} from './needs-rows'

function FilterSelect<T extends string>({
  label,
  values,
  labels,
  value,
  onChange
}: {
  label: string
  values: readonly T[]
  labels: Record<T, string>
  value: T | null
  onChange: (value: T | null) => void
}): React.JSX.Element {
  return (
    <Select
      label={label}
      placeholder="Any"
      clearable
      w={120}
      size="xs"
      data={values.map((v) => ({ value: v, label: labels[v] }))}
      value={value}
      onChange={(v) => onChange(values.find((x) => x === v) ?? null)}
    />
  )
}

/** "Must (3)": a value with how many needs have it. */
const counted = (label: string, count: number): string => `${label} (${count})`

/**
 * A filter on a value a need may leave unset: each value with its count, then "Not set" with the
 * count of needs that have none.
 */
function ValueFilterSelect<T extends string>({
  label,
  values,
  labels,
  counts,
  value,
  onChange
}: {
  label: string
  values: readonly T[]
  labels: Record<T, string>
  counts: ValueCounts<T>
  value: ValueFilter<T>
  onChange: (value: ValueFilter<T>) => void
}): React.JSX.Element {
  return (
    <Select
      label={label}
      placeholder="Any"
      clearable
      w={140}
      size="xs"
      data={[
        ...values.map((v) => ({ value: v, label: counted(labels[v], counts[v]) })),
        { value: NOT_SET, label: counted(NOT_SET_LABEL, counts[NOT_SET]) }
      ]}
      value={value}
      onChange={(v) => onChange(v === NOT_SET ? NOT_SET : (values.find((x) => x === v) ?? null))}
    />
  )
}

export function NeedsFilters({
  index,
  counts,
  filters,
  onChange,
  shown,
  total
}: {
  index: CoverageIndex
  /** Of every need, whatever the filters: what each value filter would keep. */
  counts: NeedValueCounts
  filters: NeedFilters
  onChange: (filters: NeedFilters) => void
  shown: number
  total: number
}): React.JSX.Element {
  const set = (patch: Partial<NeedFilters>): void => onChange({ ...filters, ...patch })
  const personas = index.groups.map((g) => ({
    group: g.name,
    items: g.personas.map(({ persona }) => ({ value: persona.id, label: persona.title }))
  }))
  return (
    <Stack gap="xs">
      <Group gap="sm" align="flex-end">
        <TextInput
          label="Search"
          size="xs"
          w={220}
          placeholder="Need or persona"
          leftSection={<IconSearch size={14} aria-hidden />}
          value={filters.query}
          onChange={(e) => set({ query: e.currentTarget.value })}
        />
        <Select
          label="Persona"
          placeholder="All personas"
          size="xs"
          w={200}
          searchable
          clearable
          // Thousands of personas: their options are rendered only while the list is open.
          comboboxProps={{ keepMounted: false }}
          data={personas}
          value={filters.personaId}
          onChange={(personaId) => set({ personaId })}
        />
        <ValueFilterSelect
          label="Kind"
          values={NEED_KINDS}
          labels={KIND_LABEL}
          counts={counts.kind}
          value={filters.kind}
          onChange={(kind) => set({ kind })}
        />
        <ValueFilterSelect
          label="Priority"
          values={PRIORITIES}
          labels={PRIORITY_LABEL}
          counts={counts.priority}
          value={filters.priority}
          onChange={(priority) => set({ priority })}
        />
        <ValueFilterSelect
          label="Needed by"
          values={HORIZONS}
          labels={HORIZON_LABEL}
          counts={counts.horizon}
          value={filters.horizon}
          onChange={(horizon) => set({ horizon })}
        />
        <FilterSelect
          label="Status"
          values={COVERAGE_STATUSES}
          labels={STATUS_LABEL}
          value={filters.status}
          onChange={(status) => set({ status })}
        />
        {hasFilters(filters) && (
          <Button
            size="xs"
            variant="subtle"
            onClick={() => onChange({ ...NO_FILTERS, statusAt: filters.statusAt })}
          >
            Clear filters
          </Button>
        )}
      </Group>
      <Group gap="sm">
        <Text size="sm" fw={500} id="needs-status-at">
          Status at
        </Text>
        <SegmentedControl
          size="xs"
          aria-labelledby="needs-status-at"
          data={HORIZON_OPTIONS}
          value={filters.statusAt}
          onChange={(v) => isHorizon(v) && set({ statusAt: v })}
        />
        <Text size="xs" c="dimmed" aria-live="polite" data-testid="needs-count">
          {shown === total ? `${total} needs` : `${shown} of ${total} needs`}
        </Text>
      </Group>
    </Stack>
  )
}
