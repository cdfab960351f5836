import { Radio, Stack } from '@mantine/core'

/** A labelled radio list where each choice has a short explanation (export formats, import modes). */
export function ChoiceList<T extends string>({
  label,
  options,
  text,
  value,
  onChange
}: {
  label: string
  options: readonly T[]
  text: Record<T, { label: string; help: string }>
  value: T
  onChange: (value: T) => void
}): React.JSX.Element {
  return (
    <Radio.Group
      value={value}
      onChange={(v) => onChange(options.find((o) => o === v) ?? value)}
      label={label}
    >
      <Stack gap={6} mt={6}>
        {options.map((option) => (
          <Radio key={option} value={option} label={text[option].label} description={text[option].help} />
        ))}
      </Stack>
    </Radio.Group>
  )
}
