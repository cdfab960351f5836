import { Badge } from '@mantine/core'
import type { Capability } from '../../../../shared/model/schema'
import { STATE_LOOK, stateLabel } from './capability-look'

export function CapabilityStateBadge({
  capability
}: {
  capability: Pick<Capability, 'state' | 'horizon'>
}): React.JSX.Element {
  const look = STATE_LOOK[capability.state]
  return (
    <Badge variant="light" color={look.color} leftSection={<look.Icon size={12} aria-hidden />}>
      {stateLabel(capability)}
    </Badge>
  )
}
