import { TextInput, UnstyledButton } from '@mantine/core'
import { useState } from 'react'

/** A name shown as text; click or Enter turns it into an input; Enter or blur saves, Escape cancels. */
export function InlineName({
  value,
  label,
  onSave,
  children
}: {
  value: string
  label: string
  onSave: (next: string) => void
  children: React.ReactNode
}): React.JSX.Element {
  const [draft, setDraft] = useState<string | null>(null)
  if (draft === null) {
    return (
      <UnstyledButton onClick={() => setDraft(value)} aria-label={`Rename ${label}`} style={{ minWidth: 0 }}>
        {children}
      </UnstyledButton>
    )
  }
  const commit = (): void => {
    const next = draft.trim()
    setDraft(null)
    if (next !== '' && next !== value) onSave(next)
  }
  return (
    <TextInput
      size="xs"
      autoFocus
      aria-label={`New name for ${label}`}
      value={draft}
      onChange={(e) => setDraft(e.currentTarget.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit()
        if (e.key === 'Escape') setDraft(null)
      }}
    />
  )
}
