import { IconCircleCheck, IconCircleDashed, IconCircleHalf2, IconCircleX } from '@tabler/icons-react'
import { STATUS_LABEL, type CoverageStatus } from '../../../../shared/analysis'

/**
 * How each coverage status looks everywhere in the app (cards, needs table, gap view, charts): its
 * word (shared with the report, src/shared/analysis/status.ts), icon and colour. Statuses are told
 * apart by icon shape and word as well as colour.
 */
export const STATUS_LOOK: Record<
  CoverageStatus,
  { label: string; color: string; chart: string; Icon: typeof IconCircleCheck }
> = {
  met: { label: STATUS_LABEL.met, color: 'teal', chart: 'teal.6', Icon: IconCircleCheck },
  partial: { label: STATUS_LABEL.partial, color: 'yellow', chart: 'yellow.5', Icon: IconCircleHalf2 },
  gap: { label: STATUS_LABEL.gap, color: 'red', chart: 'red.6', Icon: IconCircleX },
  unassessed: { label: STATUS_LABEL.unassessed, color: 'gray', chart: 'gray.4', Icon: IconCircleDashed }
}

/** The colour of a status's icon on the page background. */
export const statusIconColor = (status: CoverageStatus): string =>
  `var(--mantine-color-${STATUS_LOOK[status].color}-7)`
