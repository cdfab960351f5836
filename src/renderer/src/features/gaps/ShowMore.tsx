import { Button } from '@mantine/core'

/** "Show all 40" / "Show fewer" under a list cut to its first rows. */
export function ShowMore({
  total,
  limit,
  expanded,
  onToggle
}: {
  total: number
  limit: number
  expanded: boolean
  onToggle: () => void
}): React.JSX.Element | null {
  if (total <= limit) return null
  return (
    <Button variant="subtle" size="xs" onClick={onToggle} aria-expanded={expanded}>
      {expanded ? 'Show fewer' : `Show all ${total}`}
    </Button>
  )
}
