import { IconCalendarTime, IconCircleCheck, IconCircleHalf2, IconCircleX } from '@tabler/icons-react'
import type { EffectiveState } from '../../../../shared/analysis'
import { capabilityStateLabel } from '../../../../shared/analysis/report/common'
import type { Capability, CapabilityState } from '../../../../shared/model/schema'

type Look = { label: string; color: string; Icon: typeof IconCircleCheck }

/** A capability's state by icon and word as well as colour. */
export const STATE_LOOK: Record<CapabilityState, Look> = {
  'in-place': { label: 'In place', color: 'teal', Icon: IconCircleCheck },
  partial: { label: 'Partial', color: 'yellow', Icon: IconCircleHalf2 },
  planned: { label: 'Planned', color: 'blue', Icon: IconCalendarTime },
  absent: { label: 'Absent', color: 'gray', Icon: IconCircleX }
}

/** What a capability amounts to at the analysed horizon. */
export const EFFECTIVE_LOOK: Record<EffectiveState, Look> = {
  'in-place': { label: 'In place', color: 'teal', Icon: IconCircleCheck },
  partial: { label: 'Partial', color: 'yellow', Icon: IconCircleHalf2 },
  absent: { label: 'Not in place', color: 'gray', Icon: IconCircleX }
}

export const stateLabel = (capability: Pick<Capability, 'state' | 'horizon'>): string =>
  capabilityStateLabel(capability.state, capability.horizon)
