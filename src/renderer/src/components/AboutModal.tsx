import { Anchor, Group, Image, Modal, Stack, Text } from '@mantine/core'
// The app icon, emitted as its own file (never inlined) and served from the app's origin.
import iconUrl from '../../../../resources/icon.svg?no-inline'
import { useApp } from '../store'

export function AboutModal({ onClose }: { onClose: () => void }): React.JSX.Element {
  const filePath = useApp((s) => s.filePath)
  return (
    <Modal opened onClose={onClose} title="About Persona Planner">
      <Stack gap="xs">
        <Group gap="md" wrap="nowrap" align="flex-start">
          <Image src={iconUrl} alt="" w={64} h={64} data-testid="about-icon" />
          <Text>
            Persona Planner helps IT-strategy teams sort role taxonomies and personas, record their IT needs,
            and see which needs today&apos;s capabilities and the medium- and long-term plans meet.
          </Text>
        </Group>
        <Text size="sm">It works offline: nothing you import or write leaves this computer.</Text>
        <Text size="sm">
          Your workspace is saved in <code>{filePath}</code>, with backups beside it.
        </Text>
        <Text size="sm">
          Formats and the command-line tool are described in the project&apos;s{' '}
          <Anchor component="span">docs/FORMATS.md</Anchor>.
        </Text>
      </Stack>
    </Modal>
  )
}
