import { NativeSelect, type NativeSelectProps } from '@mantine/core'
import { NOT_SET_LABEL } from '../../../../shared/analysis/report/common'

/** The option that stands for an unset value: a select's value is a string, so it is ''. */
const NOT_SET_OPTION = { value: '', label: NOT_SET_LABEL }

/**
 * A select for a need's kind, priority or horizon, which may be unset: "Not set" is one of its
 * choices, so a value can be set and set back to unset. An unset value shows in italics.
 */
export function NeedValueSelect<T extends string>({
  values,
  labels,
  value,
  onValueChange,
  ...props
}: Omit<NativeSelectProps, 'data' | 'value' | 'onChange'> & {
  values: readonly T[]
  labels: Readonly<Record<T, string>>
  value: T | null
  onValueChange: (value: T | null) => void
}): React.JSX.Element {
  return (
    <NativeSelect
      {...props}
      data={[NOT_SET_OPTION, ...values.map((v) => ({ value: v, label: labels[v] }))]}
      value={value ?? NOT_SET_OPTION.value}
      // Italic rather than dimmed: grey text on the input would fall below the contrast AA asks for.
      styles={value === null ? { input: { fontStyle: 'italic' } } : undefined}
      data-unset={value === null || undefined}
      onChange={(e) => {
        const raw = e.currentTarget.value
        if (raw === NOT_SET_OPTION.value) onValueChange(null)
        else {
          const next = values.find((v) => v === raw)
          if (next !== undefined) onValueChange(next)
        }
      }}
    />
  )
}
