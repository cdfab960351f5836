import '@mantine/charts/styles.css'
import { BarChart, type BarChartSeries } from '@mantine/charts'
import { Center, Paper, SimpleGrid, Text, Title } from '@mantine/core'
import { memo, startTransition, useEffect, useState } from 'react'
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

/** The height of a chart card (title, chart, caption), kept while the charts are not drawn yet so nothing jumps. */
const CHARTS_HEIGHT = 320

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

/** Whether two charts' data are the same: small arrays of plain values, compared by their JSON. */
const sameData = <P extends { data: unknown }>(a: P, b: P): boolean =>
  JSON.stringify(a.data) === JSON.stringify(b.data)

type Charts = GapAnalysis['charts']

/** Memoised on the data, not its identity: a horizon switch redraws only the charts whose numbers changed. */
const CategoryChart = memo(function CategoryChart({
  data
}: {
  data: Charts['coverageByCategory']
}): React.JSX.Element {
  return (
    <ChartCard
      title="Coverage by category"
      caption={data.map((c) => `${c.category}: ${countsLabel(c) || 'no needs'}`).join('; ')}
    >
      <BarChart
        {...chartProps}
        orientation="vertical"
        gridAxis="x"
        tickLine="x"
        xAxisProps={{ allowDecimals: false }}
        yAxisProps={{ width: 110, interval: 0 }}
        data={data}
        dataKey="category"
        series={STATUS_SERIES}
        aria-label="Bar chart of needs by status for each category"
      />
    </ChartCard>
  )
}, sameData)

const PriorityChart = memo(function PriorityChart({
  data
}: {
  data: Charts['gapsByPriority']
}): React.JSX.Element {
  const priorities = data.map((p) => ({ ...p, label: priorityLabel(p.priority) }))
  return (
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
  )
}, sameData)

const HorizonChart = memo(function HorizonChart({ data }: { data: Charts['byHorizon'] }): React.JSX.Element {
  const horizons = data.map((h) => ({ ...h, label: HORIZON_LABEL[h.horizon] }))
  return (
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
  )
}, sameData)

/** The charts, in the order they are drawn. */
const CHART_COUNT = 3

/**
 * Coverage by category, unmet needs by priority, and the counts at each horizon. Drawn after the
 * rest of the view, in a transition of their own: the charts cost more to render than the rest of
 * the view together (the chart library measures its text), so opening the view or switching
 * horizon shows the matrix first and the charts follow without blocking the page. When the view
 * opens they arrive one by one, each in a commit and a task of its own: a commit cannot be cut, and
 * the three charts together made one task of a quarter of a second.
 */
export function GapCharts({ analysis }: { analysis: GapAnalysis }): React.JSX.Element {
  const [charts, setCharts] = useState<Charts | null>(null)
  const [drawn, setDrawn] = useState(0)
  useEffect(() => {
    // After a paint: an effect of a render may run before the browser has drawn it.
    const timer = setTimeout(() => startTransition(() => setCharts(analysis.charts)), 0)
    return () => clearTimeout(timer)
  }, [analysis])
  useEffect(() => {
    if (!charts || drawn >= CHART_COUNT) return
    const timer = setTimeout(() => startTransition(() => setDrawn((n) => n + 1)), 0)
    return () => clearTimeout(timer)
  }, [charts, drawn])
  return (
    <SimpleGrid cols={{ base: 1, lg: 3 }} spacing="sm" data-testid="gap-charts" mih={CHARTS_HEIGHT}>
      {charts && (
        <>
          {drawn > 0 && <CategoryChart data={charts.coverageByCategory} />}
          {drawn > 1 && <PriorityChart data={charts.gapsByPriority} />}
          {drawn > 2 && <HorizonChart data={charts.byHorizon} />}
        </>
      )}
    </SimpleGrid>
  )
}
