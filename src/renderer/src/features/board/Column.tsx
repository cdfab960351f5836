import {
  ActionIcon,
  Badge,
  Button,
  ColorSwatch,
  Group,
  Menu,
  Paper,
  ScrollArea,
  Stack,
  Text
} from '@mantine/core'
import { IconDots, IconPalette, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react'
import { useState } from 'react'
import { CATEGORY_COLORS } from '../../../../shared/model/defaults'
import { useApp } from '../../store'
import { CardTile } from './CardTile'
import type { BoardColumn } from './columns'
import { InlineName } from './InlineName'
import { NewCardForm } from './NewCardForm'

export function Column({ column }: { column: BoardColumn }): React.JSX.Element {
  const run = useApp((s) => s.run)
  const [adding, setAdding] = useState(false)
  const { category, cards } = column
  const name = category?.name ?? 'Uncategorised'
  return (
    <Paper
      withBorder
      p="sm"
      w={290}
      miw={290}
      bg="var(--mantine-color-default-hover)"
      data-testid="column"
      data-category-id={category?.id ?? 'inbox'}
      aria-label={`${name}, ${cards.length} cards`}
      role="region"
      style={{ display: 'flex', flexDirection: 'column', maxHeight: '100%' }}
    >
      <Group justify="space-between" wrap="nowrap" mb="xs" gap={6}>
        <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
          <ColorSwatch size={12} color={`var(--mantine-color-${category?.color ?? 'gray'}-6)`} aria-hidden />
          {category ? (
            <InlineName
              value={category.name}
              label={`category ${category.name}`}
              onSave={(next) => void run({ type: 'category.update', id: category.id, patch: { name: next } })}
            >
              <Text fw={700} size="sm" truncate data-testid="column-name">
                {name}
              </Text>
            </InlineName>
          ) : (
            <Text fw={700} size="sm" data-testid="column-name">
              {name}
            </Text>
          )}
          <Badge size="sm" variant="default" aria-label={`${cards.length} cards`}>
            {cards.length}
          </Badge>
        </Group>
        {category && (
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <ActionIcon variant="subtle" color="gray" aria-label={`Actions for category ${name}`}>
                <IconDots size={16} aria-hidden />
              </ActionIcon>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Label>
                <Group gap={4}>
                  <IconPalette size={12} aria-hidden /> Colour
                </Group>
              </Menu.Label>
              <Group gap={4} px="xs" pb="xs" maw={170}>
                {CATEGORY_COLORS.map((color) => (
                  <ActionIcon
                    key={color}
                    size="sm"
                    variant={color === category.color ? 'outline' : 'subtle'}
                    aria-label={`Colour ${color}`}
                    aria-pressed={color === category.color}
                    onClick={() => void run({ type: 'category.update', id: category.id, patch: { color } })}
                  >
                    <ColorSwatch size={14} color={`var(--mantine-color-${color}-6)`} />
                  </ActionIcon>
                ))}
              </Group>
              <Menu.Divider />
              <Menu.Item leftSection={<IconPencil size={14} aria-hidden />} disabled>
                Click the name to rename
              </Menu.Item>
              <Menu.Item
                color="red"
                leftSection={<IconTrash size={14} aria-hidden />}
                onClick={() => void run({ type: 'category.delete', id: category.id })}
              >
                Delete category (cards go to Uncategorised)
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
        )}
      </Group>
      <ScrollArea.Autosize mah="100%" type="auto" offsetScrollbars style={{ flex: 1 }}>
        <Stack gap={6}>
          {cards.map((card) => (
            <CardTile key={card.id} card={card} />
          ))}
          {cards.length === 0 && !adding && (
            <Text size="xs" c="dimmed" ta="center" py="md">
              No cards yet
            </Text>
          )}
        </Stack>
      </ScrollArea.Autosize>
      <div style={{ marginTop: 8 }}>
        {adding ? (
          <NewCardForm categoryId={category?.id ?? null} onDone={() => setAdding(false)} />
        ) : (
          <Button
            size="xs"
            variant="subtle"
            fullWidth
            leftSection={<IconPlus size={14} aria-hidden />}
            onClick={() => setAdding(true)}
            aria-label={`Add card to ${name}`}
          >
            Add card
          </Button>
        )}
      </div>
    </Paper>
  )
}
