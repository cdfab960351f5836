import { Button, Paper, TextInput } from '@mantine/core'
import { IconPlus } from '@tabler/icons-react'
import { useState } from 'react'
import { CATEGORY_COLORS } from '../../../../shared/model/defaults'
import { useApp } from '../../store'
import { useBoard } from './board-store'

/** "Add category", which turns into a name field (also opened by File › New Category). */
export function NewCategoryButton(): React.JSX.Element {
  const isOpen = useBoard((s) => s.composer?.kind === 'category')
  const setComposer = useBoard((s) => s.setComposer)
  if (!isOpen) {
    return (
      <Button
        variant="light"
        leftSection={<IconPlus size={16} aria-hidden />}
        onClick={() => setComposer({ kind: 'category' })}
        miw={200}
      >
        Add category
      </Button>
    )
  }
  return <NewCategoryForm onDone={() => setComposer(null)} />
}

function NewCategoryForm({ onDone }: { onDone: () => void }): React.JSX.Element {
  const run = useApp((s) => s.run)
  const count = useApp((s) => s.workspace?.categories.length ?? 0)
  const [name, setName] = useState('')
  const submit = async (): Promise<void> => {
    const clean = name.trim()
    if (clean === '') return onDone()
    const category = {
      id: crypto.randomUUID(),
      name: clean,
      description: '',
      color: CATEGORY_COLORS[count % CATEGORY_COLORS.length]
    }
    if (await run({ type: 'category.create', category })) onDone()
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
          onKeyDown={(e) => e.key === 'Escape' && onDone()}
          onBlur={() => name.trim() === '' && onDone()}
        />
      </form>
    </Paper>
  )
}
