import { Badge, Tooltip } from '@mantine/core'
import type { NeedCoverage } from '../../../../shared/analysis'
import { STATUS_LOOK } from './status-look'

/** A need's coverage as icon + word + colour; an override says so, and its rationale is the tooltip. */
export function StatusBadge({ coverage }: { coverage: NeedCoverage }): React.JSX.Element {
  const look = STATUS_LOOK[coverage.status]
  const badge = (
    <Badge
      variant={coverage.overridden ? 'outline' : 'light'}
      color={look.color}
      leftSection={<look.Icon size={12} aria-hidden />}
      data-status={coverage.status}
    >
      {coverage.overridden ? `${look.label} (override)` : look.label}
    </Badge>
  )
  if (!coverage.overridden) return badge
  const computed = STATUS_LOOK[coverage.computed].label.toLowerCase()
  return (
    <Tooltip
      multiline
      maw={320}
      label={`Overridden; the linked capabilities give: ${computed}. ${coverage.rationale ?? ''}`}
    >
      {badge}
    </Tooltip>
  )
}
