import { IconCircleCheck, IconCircleDashed, IconCircleHalf2, IconCircleX } from '@tabler/icons-react'
import type { CoverageStatus } from '../../../../shared/analysis'

/** Coverage statuses are told apart by icon shape and word as well as colour. */
export const STATUS_LOOK: Record<
  CoverageStatus,
  { label: string; color: string; Icon: typeof IconCircleCheck }
> = {
  met: { label: 'Met', color: 'teal', Icon: IconCircleCheck },
  partial: { label: 'Partial', color: 'yellow', Icon: IconCircleHalf2 },
  gap: { label: 'Gap', color: 'red', Icon: IconCircleX },
  unassessed: { label: 'Unassessed', color: 'gray', Icon: IconCircleDashed }
}
