import '@mantine/charts/styles.css'
import { BarChart, type BarChartSeries } from '@mantine/charts'
import { Center, Paper, SimpleGrid, Text, Title } from '@mantine/core'
import { COVERAGE_STATUSES, countsLabel, statusCount, type GapAnalysis } from '../../../../shared/analysis'
import { HORIZON_LABEL, priorityLabel } from '../../../../shared/analysis/report/common'
import { STATUS_LOOK } from './status-look'

const STATUS_SERIES: BarChartSeries[] = COVERAGE_STATUSES.map((status) => ({
  name: status,
  label: STATUS_LOOK[status].label,
  color: STATUS_LOOK[status].chart
}))

function ChartCard({
  title,
  caption,
  children
}: {
  title: string
  caption: string
  children: React.ReactNode
}): React.JSX.Element {
  return (
    <Paper withBorder p="sm" component="figure" m={0}>
      <Title order={3} size="h5" mb="xs">
        {title}
      </Title>
      {children}
      <Text component="figcaption" size="xs" c="dimmed" mt="xs">
        {caption}
      </Text>
    </Paper>
  )
}

const chartProps = {
  h: 220,
  type: 'stacked',
  withLegend: true,
  // Keep the legend in series order (met, partial, gap, unassessed), not alphabetical.
  legendProps: { itemSorter: null },
  yAxisProps: { allowDecimals: false },
  xAxisProps: { interval: 0 },
  tickLine: 'y',
  gridAxis: 'y'
} as const

/** Coverage by category, unmet needs by priority, and the counts at each horizon. */
export function GapCharts({ analysis }: { analysis: GapAnalysis }): React.JSX.Element {
  const { coverageByCategory, gapsByPriority, byHorizon } = analysis.charts
  const priorities = gapsByPriority.map((p) => ({ ...p, label: priorityLabel(p.priority) }))
  const horizons = byHorizon.map((h) => ({ ...h, label: HORIZON_LABEL[h.horizon] }))
  return (
    <SimpleGrid cols={{ base: 1, lg: 3 }} spacing="sm" data-testid="gap-charts">
      <ChartCard
        title="Coverage by category"
        caption={coverageByCategory.map((c) => `${c.category}: ${countsLabel(c) || 'no needs'}`).join('; ')}
      >
        <BarChart
          {...chartProps}
          orientation="vertical"
          gridAxis="x"
          tickLine="x"
          xAxisProps={{ allowDecimals: false }}
          yAxisProps={{ width: 110, interval: 0 }}
          data={coverageByCategory}
          dataKey="category"
          series={STATUS_SERIES}
          aria-label="Bar chart of needs by status for each category"
        />
      </ChartCard>
      <ChartCard
        title="Unmet needs by priority"
        caption={priorities
          .map((p) => `${p.label}: ${statusCount('gap', p.gap)}, ${statusCount('partial', p.partial)}`)
          .join('; ')}
      >
        {priorities.some((p) => p.gap + p.partial > 0) ? (
          <BarChart
            {...chartProps}
            data={priorities}
            dataKey="label"
            series={STATUS_SERIES.filter((s) => s.name === 'gap' || s.name === 'partial')}
            aria-label="Bar chart of unmet needs for each priority"
          />
        ) : (
          <Center h={chartProps.h}>
            <Text c="dimmed" size="sm">
              No unmet needs at this horizon.
            </Text>
          </Center>
        )}
      </ChartCard>
      <ChartCard
        title="Before and after each plan"
        caption={horizons
          .map((h) => `${h.label}: ${h.met} met, ${h.gap} gap${h.closed > 0 ? ` (${h.closed} closed)` : ''}`)
          .join('; ')}
      >
        <BarChart
          {...chartProps}
          data={horizons}
          dataKey="label"
          series={STATUS_SERIES}
          aria-label="Bar chart of needs by status at each horizon"
        />
      </ChartCard>
    </SimpleGrid>
  )
}
