import {
  Accordion,
  Alert,
  Badge,
  Button,
  Group,
  List,
  Modal,
  ScrollArea,
  Stack,
  Table,
  Text,
  Title
} from '@mantine/core'
import { useState } from 'react'
import { IMPORT_MODES, type ImportMode } from '../../../../shared/commands/schema'
import { findFormat } from '../../../../shared/formats/registry'
import type { ImportCategoryPreview, ImportPreview } from '../../../../shared/ipc/types'
import { plural } from '../../../../shared/text/plural'
import { call, errorMessage } from '../../api/client'
import { ChoiceList } from '../../components/ChoiceList'
import { useApp } from '../../store'
import { importedMessage } from './import-message'

const MODE_TEXT: Record<ImportMode, { label: string; help: string }> = {
  add: { label: 'Add', help: 'Add every card; categories with the same name are shared.' },
  merge: { label: 'Merge by title', help: 'Cards whose title matches one already here are merged into it.' },
  replace: {
    label: 'Replace',
    help: 'Replace the whole workspace with these files (a backup is taken first).'
  }
}

/** What the preview says, whole sentences in one place. */
export const PREVIEW_TEXT = {
  cardsByCategory: 'What each category will get',
  unknownFormat: 'Unknown format',
  cards: (n: number) => plural(n, 'card'),
  andMore: (n: number) => `and ${n.toLocaleString('en-US')} more`
} as const

/** A format id as a person knows it: the registry's label ("GovStack taxonomy (Markdown)"). */
const formatLabel = (id: string): string => findFormat(id)?.label ?? PREVIEW_TEXT.unknownFormat

/** One collapsible list per category: its first titles (main sends at most 20), then "and N more". */
function CategoryTitles({ categories }: { categories: ImportCategoryPreview[] }): React.JSX.Element {
  return (
    <div>
      <Text fw={600} size="sm" mb={4} id="import-categories">
        {PREVIEW_TEXT.cardsByCategory}
      </Text>
      <ScrollArea.Autosize mah={260}>
        <Accordion multiple variant="contained" chevronPosition="left" aria-labelledby="import-categories">
          {categories.map((c, i) => (
            <Accordion.Item key={`${c.category}-${i}`} value={String(i)} data-testid="import-category">
              <Accordion.Control>
                <Group justify="space-between" wrap="nowrap" pr="sm">
                  <Text size="sm" fw={500}>
                    {c.category}
                  </Text>
                  <Text size="sm">{PREVIEW_TEXT.cards(c.cards)}</Text>
                </Group>
              </Accordion.Control>
              <Accordion.Panel>
                <List size="sm" spacing={2} data-testid="import-category-titles">
                  {c.titles.map((title, j) => (
                    <List.Item key={j}>{title}</List.Item>
                  ))}
                </List>
                {c.cards > c.titles.length && (
                  <Text size="sm" mt={4} data-testid="import-category-more">
                    {PREVIEW_TEXT.andMore(c.cards - c.titles.length)}
                  </Text>
                )}
              </Accordion.Panel>
            </Accordion.Item>
          ))}
        </Accordion>
      </ScrollArea.Autosize>
    </div>
  )
}

/** Shows what an import would do before anything changes; applying is one undoable command. */
export function ImportPreviewModal({
  preview,
  onClose
}: {
  preview: ImportPreview
  onClose: () => void
}): React.JSX.Element {
  const receive = useApp((s) => s.receive)
  const toast = useApp((s) => s.toast)
  const [mode, setMode] = useState<ImportMode>('add')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const apply = async (): Promise<void> => {
    setBusy(true)
    try {
      const before = useApp.getState().workspace?.cards.length ?? 0
      const change = await call('applyImport', { token: preview.token, mode })
      receive(change)
      const after = useApp.getState().workspace?.cards.length ?? 0
      const incoming = preview.byCategory.reduce((n, c) => n + c.cards, 0)
      toast('info', importedMessage(mode, incoming, before, after))
      onClose()
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }
  const cancel = (): void => {
    void call('discardImport', { token: preview.token }).catch(() => undefined)
    onClose()
  }
  const duplicates = [...preview.duplicatesWithin, ...preview.duplicatesAgainstWorkspace]
  /** Files whose content cannot be used at all: nothing is taken from them. */
  const refused = preview.files.filter((f) => f.error !== null).map((f) => f.file)

  return (
    <Modal
      opened
      onClose={cancel}
      title={<Title order={3}>Import preview</Title>}
      size="xl"
      data-testid="import-preview"
    >
      <Stack gap="md">
        <Table striped withTableBorder aria-label="Files">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>File</Table.Th>
              <Table.Th>Format</Table.Th>
              <Table.Th>Categories</Table.Th>
              <Table.Th>Roles</Table.Th>
              <Table.Th>Personas</Table.Th>
              <Table.Th>Needs</Table.Th>
              <Table.Th>Capabilities</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {preview.files.map((f) => (
              <Table.Tr key={f.file} data-testid="import-file">
                <Table.Td>
                  <Text size="sm" fw={600}>
                    {f.file}
                  </Text>
                  {f.error && (
                    <Text size="xs" c="red" data-testid="import-file-error">
                      {f.error}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  {f.error ? (
                    <Badge color="red" data-testid="import-file-refused">
                      refused
                    </Badge>
                  ) : (
                    <span data-testid="import-file-format">{formatLabel(f.format)}</span>
                  )}
                </Table.Td>
                <Table.Td>{f.categories}</Table.Td>
                <Table.Td>{f.roles}</Table.Td>
                <Table.Td>{f.personas}</Table.Td>
                <Table.Td>{f.needs}</Table.Td>
                <Table.Td>{f.capabilities}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>

        {preview.byCategory.length > 0 && <CategoryTitles categories={preview.byCategory} />}

        {duplicates.length > 0 && (
          <div>
            <Text fw={600} size="sm" mb={4}>
              Possible duplicates ({duplicates.length})
            </Text>
            <ScrollArea.Autosize mah={140}>
              <Stack gap={2} data-testid="import-duplicates">
                {duplicates.map((d, i) => (
                  <Text size="xs" key={`${d.title}-${i}`}>
                    <b>{d.title}</b>:{' '}
                    {d.entries
                      .map(
                        (e) =>
                          `${e.where === 'file' ? 'in file' : 'already here'}${e.category ? ` (${e.category})` : ''}`
                      )
                      .join(', ')}
                  </Text>
                ))}
              </Stack>
            </ScrollArea.Autosize>
          </div>
        )}

        {preview.diagnostics.length > 0 && (
          <div>
            <Text fw={600} size="sm" mb={4}>
              Diagnostics ({preview.diagnostics.length})
            </Text>
            <ScrollArea.Autosize mah={160}>
              <Stack gap={2} data-testid="import-diagnostics">
                {preview.diagnostics.map((d, i) => (
                  <Text
                    size="xs"
                    key={i}
                    c={d.severity === 'error' ? 'red' : d.severity === 'warning' ? 'orange' : 'dimmed'}
                  >
                    {d.file}
                    {d.line !== null ? `:${d.line}` : ''}: {d.message}
                  </Text>
                ))}
              </Stack>
            </ScrollArea.Autosize>
          </div>
        )}

        {preview.canApply && refused.length > 0 && (
          <Alert color="orange" title="Some files are refused" data-testid="import-refused">
            Nothing from these files will be imported: {refused.join(', ')}. The other files can be.
          </Alert>
        )}
        {preview.canApply ? (
          <ChoiceList
            label="How to bring these in"
            options={IMPORT_MODES}
            text={MODE_TEXT}
            value={mode}
            onChange={setMode}
          />
        ) : (
          <Alert color="red" title="Nothing can be imported">
            None of the files could be read. The workspace is unchanged.
          </Alert>
        )}
        {error && (
          <Alert color="red" title="The import was not applied">
            {error}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={cancel}>
            Cancel
          </Button>
          <Button onClick={() => void apply()} loading={busy} disabled={!preview.canApply}>
            Apply import
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
