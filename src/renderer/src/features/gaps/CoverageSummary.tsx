import { Group, Paper, SimpleGrid, Text, ThemeIcon } from '@mantine/core'
import { COVERAGE_STATUSES, STATUS_HELP, statusCount, type GapAnalysis } from '../../../../shared/analysis'
import { HORIZON_HEADING } from '../../../../shared/analysis/report/common'
import { plural } from '../../../../shared/text/plural'
import { STATUS_LOOK } from './status-look'

/** Needs by status at the analysed horizon, and the gaps its plan closes since the horizon before. */
export function CoverageSummary({ analysis }: { analysis: GapAnalysis }): React.JSX.Element {
  const step = analysis.charts.byHorizon.find((h) => h.horizon === analysis.horizon)
  return (
    // By the width the view has (not the window's), so that a tile never squeezes its number.
    <SimpleGrid
      type="container"
      cols={{ base: 2, '640px': 3, '1000px': 5 }}
      spacing="sm"
      data-testid="coverage-summary"
    >
      {COVERAGE_STATUSES.map((status) => {
        const look = STATUS_LOOK[status]
        return (
          <Paper key={status} withBorder p="sm" data-testid={`summary-${status}`}>
            <Group gap="sm" wrap="nowrap">
              <ThemeIcon variant="light" color={look.color} size="lg" aria-hidden>
                <look.Icon size={20} />
              </ThemeIcon>
              <div>
                <Text size="lg" fw={700} lh={1.2}>
                  {statusCount(status, analysis.totals[status])}
                </Text>
                <Text size="xs" c="dimmed">
                  {STATUS_HELP[status]}
                </Text>
              </div>
            </Group>
          </Paper>
        )
      })}
      <Paper withBorder p="sm" data-testid="summary-closed">
        <Text size="lg" fw={700} lh={1.2}>
          {analysis.horizon === 'now' ? plural(analysis.totals.total, 'need') : `${step?.closed ?? 0} closed`}
        </Text>
        <Text size="xs" c="dimmed">
          {analysis.horizon === 'now'
            ? 'recorded across all personas'
            : `unmet before, met ${HORIZON_HEADING[analysis.horizon]}`}
        </Text>
      </Paper>
    </SimpleGrid>
  )
}
