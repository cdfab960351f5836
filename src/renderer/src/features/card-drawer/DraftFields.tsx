import { Textarea, TextInput } from '@mantine/core'
import { useDraft } from './use-draft'

interface DraftFieldProps {
  label: string
  saved: string
  onSave: (value: string) => Promise<boolean> | void
  placeholder?: string
  description?: string
}

/** A one-line field that saves itself (see use-draft.ts). */
export function DraftTextInput({
  label,
  saved,
  onSave,
  placeholder,
  description
}: DraftFieldProps): React.JSX.Element {
  const draft = useDraft(saved, onSave)
  return (
    <TextInput
      label={label}
      description={description}
      placeholder={placeholder}
      value={draft.value}
      onChange={(e) => draft.set(e.currentTarget.value)}
      onBlur={draft.flush}
      onKeyDown={(e) => e.key === 'Enter' && draft.flush()}
    />
  )
}

/** A multi-line field that saves itself (see use-draft.ts). */
export function DraftTextarea({
  label,
  saved,
  onSave,
  placeholder,
  description
}: DraftFieldProps): React.JSX.Element {
  const draft = useDraft(saved, onSave)
  return (
    <Textarea
      label={label}
      description={description}
      placeholder={placeholder}
      autosize
      minRows={2}
      maxRows={12}
      value={draft.value}
      onChange={(e) => draft.set(e.currentTarget.value)}
      onBlur={draft.flush}
    />
  )
}
