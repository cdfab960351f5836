import { ActionIcon, Button, Group, Menu, Stack, Text, Textarea } from '@mantine/core'
import {
  IconArrowDown,
  IconArrowUp,
  IconDots,
  IconIndentDecrease,
  IconIndentIncrease,
  IconPlus,
  IconTrash
} from '@tabler/icons-react'
import { useState } from 'react'
import type { ListItem } from '../../../../shared/model/schema'
import {
  canIndent,
  canOutdent,
  flattenTree,
  indentItem,
  insertAfter,
  moveItem,
  outdentItem,
  removeItem,
  setText,
  updateTop,
  type FlatItem,
  type TreeConvert
} from './list-tree'
import { useCommit, type Edit } from './use-commit'
import { useDraft } from './use-draft'
import { QUIET_TEXT } from '../board/text-colors'

export interface ListEditorProps<T extends ListItem> {
  title: string
  /** One item, lower case: "goal", "need". */
  itemName: string
  items: T[]
  onChange: (items: T[]) => Promise<boolean> | void
  convert: TreeConvert<T>
  /** False for flat lists (a role's qualifications). */
  nestable?: boolean
  /**
   * More fields under a top-level item (a need's kind, priority, horizon, capabilities); `update`
   * changes that item in the newest list.
   */
  renderExtra?: (item: T, update: (edit: (item: T) => T) => void) => React.ReactNode
}

/**
 * A list whose items can be added, edited, deleted, reordered, indented and outdented. Text saves
 * itself after a pause; every other change is saved at once; each save is one undo step.
 * Keys in an item: Enter adds one below, Alt+↑/↓ moves, Alt+→/← indents and outdents,
 * Backspace in an empty item deletes it.
 */
export function ListEditor<T extends ListItem>({
  title,
  itemName,
  items,
  onChange,
  convert,
  nestable = true,
  renderExtra
}: ListEditorProps<T>): React.JSX.Element {
  const commit = useCommit(items, onChange)
  const [focusIndex, setFocusIndex] = useState<number | null>(null)
  const rows = flattenTree(items)
  const add = (afterId: string | null, at: number): void => {
    commit((tree) => insertAfter(tree, afterId, { id: crypto.randomUUID(), text: '', children: [] }, convert))
    setFocusIndex(at)
  }
  return (
    <Stack gap={4} data-testid={`list-${itemName}`}>
      <Text fw={600} size="sm" component="h3" m={0}>
        {title}
      </Text>
      {rows.length === 0 && (
        <Text size="xs" c={QUIET_TEXT}>
          No {itemName}s yet.
        </Text>
      )}
      {rows.map((row, index) => (
        <ListRow
          key={row.item.id}
          row={row}
          itemName={itemName}
          items={items}
          convert={convert}
          nestable={nestable}
          commit={commit}
          autoFocus={focusIndex === index}
          onFocused={() => setFocusIndex(null)}
          onAddBelow={() => add(row.item.id, index + 1)}
          onRemoved={() => setFocusIndex(Math.max(0, index - 1))}
          extra={
            row.top && renderExtra
              ? renderExtra(row.top, (edit) => commit((tree) => updateTop(tree, row.item.id, edit)))
              : null
          }
        />
      ))}
      <Button
        size="compact-xs"
        variant="subtle"
        leftSection={<IconPlus size={12} aria-hidden />}
        onClick={() => add(null, rows.length)}
        style={{ alignSelf: 'flex-start' }}
      >
        Add {itemName}
      </Button>
    </Stack>
  )
}

const label = (itemName: string, path: readonly number[]): string =>
  `${itemName[0].toUpperCase()}${itemName.slice(1)} ${path.map((i) => i + 1).join('.')}`

function ListRow<T extends ListItem>({
  row,
  itemName,
  items,
  convert,
  nestable,
  commit,
  autoFocus,
  onFocused,
  onAddBelow,
  onRemoved,
  extra
}: {
  row: FlatItem<T>
  itemName: string
  items: T[]
  convert: TreeConvert<T>
  nestable: boolean
  commit: (edit: Edit<T>) => void
  autoFocus: boolean
  onFocused: () => void
  onAddBelow: () => void
  onRemoved: () => void
  extra: React.ReactNode
}): React.JSX.Element {
  const { item, depth, path } = row
  const draft = useDraft(item.text, (text) => commit((tree) => setText(tree, item.id, text, convert)))
  const name = label(itemName, path)
  const act = (edit: Edit<T>): void => {
    draft.flush()
    commit(edit)
  }
  const actions = {
    up: () => act((tree) => moveItem(tree, item.id, -1, convert)),
    down: () => act((tree) => moveItem(tree, item.id, 1, convert)),
    indent: () => act((tree) => indentItem(tree, item.id, convert)),
    outdent: () => act((tree) => outdentItem(tree, item.id, convert)),
    remove: () => {
      act((tree) => removeItem(tree, item.id, convert))
      onRemoved()
    }
  }
  const can = {
    indent: nestable && canIndent(items, item.id, convert),
    outdent: nestable && canOutdent(items, item.id)
  }
  const onKeyDown = (e: React.KeyboardEvent): void => {
    const run = (action: () => void): void => {
      e.preventDefault()
      action()
    }
    if (e.key === 'Enter' && !e.shiftKey)
      run(() => {
        draft.flush()
        onAddBelow()
      })
    else if (e.altKey && e.key === 'ArrowUp') run(actions.up)
    else if (e.altKey && e.key === 'ArrowDown') run(actions.down)
    // Not `can.*`: those see the saved list, which may not have the last edit yet.
    else if (e.altKey && e.key === 'ArrowRight' && nestable) run(actions.indent)
    else if (e.altKey && e.key === 'ArrowLeft' && nestable) run(actions.outdent)
    else if (e.key === 'Backspace' && draft.value === '') run(actions.remove)
  }
  return (
    <div style={{ paddingLeft: depth * 24 }} data-testid="list-item">
      <Group wrap="nowrap" gap={4} align="flex-start">
        <Text size="sm" c={QUIET_TEXT} aria-hidden mt={4}>
          {depth === 0 ? '•' : '◦'}
        </Text>
        <Textarea
          aria-label={name}
          size="xs"
          autosize
          minRows={1}
          style={{ flex: 1 }}
          value={draft.value}
          autoFocus={autoFocus}
          onFocus={() => autoFocus && onFocused()}
          onChange={(e) => draft.set(e.currentTarget.value)}
          onBlur={draft.flush}
          onKeyDown={onKeyDown}
        />
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <ActionIcon variant="subtle" color="gray" size="sm" mt={2} aria-label={`Actions for ${name}`}>
              <IconDots size={14} aria-hidden />
            </ActionIcon>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item
              leftSection={<IconArrowUp size={14} aria-hidden />}
              onClick={actions.up}
              rightSection="Alt+↑"
            >
              Move up
            </Menu.Item>
            <Menu.Item
              leftSection={<IconArrowDown size={14} aria-hidden />}
              onClick={actions.down}
              rightSection="Alt+↓"
            >
              Move down
            </Menu.Item>
            {nestable && (
              <>
                <Menu.Item
                  leftSection={<IconIndentIncrease size={14} aria-hidden />}
                  onClick={actions.indent}
                  disabled={!can.indent}
                  rightSection="Alt+→"
                >
                  Indent
                </Menu.Item>
                <Menu.Item
                  leftSection={<IconIndentDecrease size={14} aria-hidden />}
                  onClick={actions.outdent}
                  disabled={!can.outdent}
                  rightSection="Alt+←"
                >
                  Outdent
                </Menu.Item>
              </>
            )}
            <Menu.Item
              leftSection={<IconPlus size={14} aria-hidden />}
              onClick={onAddBelow}
              rightSection="Enter"
            >
              Add {itemName} below
            </Menu.Item>
            <Menu.Divider />
            <Menu.Item color="red" leftSection={<IconTrash size={14} aria-hidden />} onClick={actions.remove}>
              Delete
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
      </Group>
      {extra}
    </div>
  )
}
