import { ActionIcon, Badge, Group, Menu, Paper, Text } from '@mantine/core'
import { IconDots, IconTrash, IconUser, IconUsersGroup } from '@tabler/icons-react'
import { memo } from 'react'
import type { Card } from '../../../../shared/model/schema'
import { useApp } from '../../store'

/** Roles and personas are told apart by icon, word and colour, never colour alone. */
export const KIND_LOOK = {
  role: { label: 'Role', color: 'blue', Icon: IconUser },
  persona: { label: 'Persona', color: 'grape', Icon: IconUsersGroup }
} as const

export const CardTile = memo(function CardTile({ card }: { card: Card }): React.JSX.Element {
  const run = useApp((s) => s.run)
  const look = KIND_LOOK[card.kind]
  return (
    <Paper
      withBorder
      p="xs"
      shadow="xs"
      data-testid="card"
      data-card-id={card.id}
      aria-label={`${look.label}: ${card.title}`}
    >
      <Group justify="space-between" wrap="nowrap" gap={4} align="flex-start">
        <Badge size="xs" variant="light" color={look.color} leftSection={<look.Icon size={10} aria-hidden />}>
          {look.label}
        </Badge>
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <ActionIcon size="sm" variant="subtle" color="gray" aria-label={`Actions for ${card.title}`}>
              <IconDots size={14} aria-hidden />
            </ActionIcon>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item
              color="red"
              leftSection={<IconTrash size={14} aria-hidden />}
              onClick={() => void run({ type: 'card.delete', ids: [card.id] })}
            >
              Delete
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
      </Group>
      <Text fw={600} size="sm" mt={4} data-testid="card-title">
        {card.title}
      </Text>
      {card.description && (
        <Text size="xs" c="dimmed" className="line-clamp-2">
          {card.description}
        </Text>
      )}
    </Paper>
  )
})
