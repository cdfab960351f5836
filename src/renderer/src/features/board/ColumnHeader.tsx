import { ActionIcon, Badge, ColorSwatch, Group, Menu, Text, Tooltip } from '@mantine/core'
import { IconChevronsLeft, IconDots, IconNotes, IconPalette, IconTrash } from '@tabler/icons-react'
import { useState } from 'react'
import { CATEGORY_COLORS, INBOX_NAME } from '../../../../shared/model/defaults'
import type { Category } from '../../../../shared/model/schema'
import { plural } from '../../../../shared/text/plural'
import { useApp } from '../../store'
import { useBoard } from './board-store'
import type { ShownColumn } from './Column'
import { CategoryDescriptionModal } from './CategoryDescriptionModal'
import { InlineName } from './InlineName'
import { QUIET_TEXT } from './text-colors'

export function ColumnHeader({
  column,
  name,
  count,
  handle
}: {
  column: ShownColumn
  name: string
  count: string
  /** The drag handle of a category column (the inbox has none). */
  handle?: React.ReactNode
}): React.JSX.Element {
  const run = useApp((s) => s.run)
  const toggle = useBoard((s) => s.toggleCollapsed)
  const { category } = column
  return (
    <>
      <Group justify="space-between" wrap="nowrap" mb={category?.description ? 2 : 'xs'} gap={4}>
        <Group gap={4} wrap="nowrap" style={{ minWidth: 0 }}>
          {handle}
          <ColorSwatch size={12} color={`var(--mantine-color-${category?.color ?? 'gray'}-6)`} aria-hidden />
          {category ? (
            <InlineName
              value={category.name}
              label={`category ${category.name}`}
              onSave={(next) => void run({ type: 'category.update', id: category.id, patch: { name: next } })}
            >
              <Text fw={700} size="sm" style={{ overflowWrap: 'anywhere' }} data-testid="column-name">
                {name}
              </Text>
            </InlineName>
          ) : (
            <Text fw={700} size="sm" data-testid="column-name">
              {name}
            </Text>
          )}
          <Badge size="sm" variant="default" tt="none" style={{ flexShrink: 0 }} data-testid="column-count">
            {count}
          </Badge>
        </Group>
        <Group gap={0} wrap="nowrap">
          <Tooltip label="Collapse column">
            <ActionIcon
              variant="subtle"
              color="gray"
              aria-label={`Collapse ${name}`}
              onClick={() => toggle(column.key)}
            >
              <IconChevronsLeft size={16} aria-hidden />
            </ActionIcon>
          </Tooltip>
          {category && <CategoryMenu category={category} cardCount={column.cards.length} />}
        </Group>
      </Group>
      {category?.description && <CategoryDescription text={category.description} />}
    </>
  )
}

/** The category's description under its name: two lines, all of it in a tooltip. */
function CategoryDescription({ text }: { text: string }): React.JSX.Element {
  return (
    <Tooltip label={text} multiline maw={320} openDelay={400} withinPortal>
      <Text size="xs" c={QUIET_TEXT} lineClamp={2} mb="xs" data-testid="column-description">
        {text}
      </Text>
    </Tooltip>
  )
}

function CategoryMenu({ category, cardCount }: { category: Category; cardCount: number }): React.JSX.Element {
  const run = useApp((s) => s.run)
  const toast = useApp((s) => s.toast)
  const [isDescribing, setDescribing] = useState(false)
  const remove = async (): Promise<void> => {
    if (!(await run({ type: 'category.delete', id: category.id }))) return
    const moved = cardCount === 0 ? '' : ` Its ${plural(cardCount, 'card is', 'cards are')} in ${INBOX_NAME}.`
    toast('info', `Deleted category “${category.name}”.${moved} Undo (Ctrl+Z) restores it.`)
  }
  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <ActionIcon variant="subtle" color="gray" aria-label={`Actions for category ${category.name}`}>
            <IconDots size={16} aria-hidden />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item leftSection={<IconNotes size={14} aria-hidden />} onClick={() => setDescribing(true)}>
            Edit description
          </Menu.Item>
          <Menu.Divider />
          <Menu.Label>
            <Group gap={4}>
              <IconPalette size={12} aria-hidden /> Colour
            </Group>
          </Menu.Label>
          {CATEGORY_COLORS.map((color) => (
            <Menu.Item
              key={color}
              leftSection={<ColorSwatch size={14} color={`var(--mantine-color-${color}-6)`} aria-hidden />}
              rightSection={color === category.color ? <Text size="xs">current</Text> : undefined}
              onClick={() => void run({ type: 'category.update', id: category.id, patch: { color } })}
            >
              {color[0].toUpperCase() + color.slice(1)}
            </Menu.Item>
          ))}
          <Menu.Divider />
          <Menu.Item
            color="red"
            leftSection={<IconTrash size={14} aria-hidden />}
            onClick={() => void remove()}
          >
            Delete category (cards go to {INBOX_NAME})
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      {isDescribing && <CategoryDescriptionModal category={category} onClose={() => setDescribing(false)} />}
    </>
  )
}
