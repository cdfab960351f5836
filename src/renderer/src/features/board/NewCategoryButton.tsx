import { Button, Paper, TextInput } from '@mantine/core'
import { IconPlus } from '@tabler/icons-react'
import { useState } from 'react'
import { CATEGORY_COLORS } from '../../../../shared/model/defaults'
import { useApp } from '../../store'

export function NewCategoryButton(): React.JSX.Element {
  const run = useApp((s) => s.run)
  const count = useApp((s) => s.workspace?.categories.length ?? 0)
  const [name, setName] = useState<string | null>(null)
  if (name === null) {
    return (
      <Button
        variant="light"
        leftSection={<IconPlus size={16} aria-hidden />}
        onClick={() => setName('')}
        miw={200}
      >
        Add category
      </Button>
    )
  }
  const submit = async (): Promise<void> => {
    const clean = name.trim()
    if (clean === '') return setName(null)
    const category = {
      id: crypto.randomUUID(),
      name: clean,
      description: '',
      color: CATEGORY_COLORS[count % CATEGORY_COLORS.length]
    }
    if (await run({ type: 'category.create', category })) setName(null)
  }
  return (
    <Paper withBorder p="sm" miw={240}>
      <form
        onSubmit={(e) => {
          e.preventDefault()
          void submit()
        }}
      >
        <TextInput
          autoFocus
          label="Category name"
          placeholder="e.g. Policy makers"
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          onKeyDown={(e) => e.key === 'Escape' && setName(null)}
          onBlur={() => name.trim() === '' && setName(null)}
        />
      </form>
    </Paper>
  )
}
