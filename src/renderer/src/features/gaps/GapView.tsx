import { Box, Button, Group, Loader, SegmentedControl, Stack, Text, Title } from '@mantine/core'
import { IconFileExport } from '@tabler/icons-react'
import { memo, useDeferredValue, useState } from 'react'
import type { GapAnalysis } from '../../../../shared/analysis'
import type { Horizon } from '../../../../shared/model/schema'
import { useApp } from '../../store'
import { BuildFirst } from './BuildFirst'
import { CoverageSummary } from './CoverageSummary'
import { ExportReportModal } from './ExportReportModal'
import { GapCharts } from './GapCharts'
import { GapMatrix } from './GapMatrix'
import { HORIZON_OPTIONS, isHorizon } from './horizon-options'
import { RankedGaps } from './RankedGaps'
import { useGapAnalysis } from './use-gap-analysis'

function Section({
  title,
  help,
  children
}: {
  title: string
  help: string
  children: React.ReactNode
}): React.JSX.Element {
  return (
    <Box component="section" aria-label={title}>
      <Title order={2} size="h4">
        {title}
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        {help}
      </Text>
      {children}
    </Box>
  )
}

function NothingToAnalyse({ analysis }: { analysis: GapAnalysis }): React.JSX.Element | null {
  const setView = useApp((s) => s.setView)
  if (analysis.categories.length === 0)
    return <Text c="dimmed">No personas yet: import persona pages or add personas on the board.</Text>
  if (analysis.columns.length > 0) return null
  return (
    <Group>
      <Text c="dimmed">No capabilities yet: list the IT capabilities, then link needs to them.</Text>
      <Button variant="light" onClick={() => setView('capabilities')}>
        Open capabilities
      </Button>
    </Group>
  )
}

/** Memoised: while a horizon switch renders in the background, the current content is not redrawn. */
const GapContent = memo(function GapContent({ analysis }: { analysis: GapAnalysis }): React.JSX.Element {
  return (
    <>
      <CoverageSummary analysis={analysis} />
      <NothingToAnalyse analysis={analysis} />
      <Section
        title="Personas by capability"
        help="Each cell: the needs of the persona linked to the capability, by status. Totals per persona and category on the right."
      >
        <GapMatrix analysis={analysis} />
      </Section>
      <Section
        title="What to build first"
        help="Capabilities not in place yet, by the weight of the unmet needs each would meet."
      >
        <BuildFirst analysis={analysis} />
      </Section>
      <Section
        title="Ranked gaps"
        help="Unmet needs, heaviest first: priority × personas with that need × their headcount."
      >
        <RankedGaps analysis={analysis} />
      </Section>
      <GapCharts analysis={analysis} />
    </>
  )
})

/** The gap analysis at a horizon: summary, matrix, what to build first, ranked gaps, charts, report. */
export function GapView(): React.JSX.Element | null {
  const [horizon, setHorizon] = useState<Horizon>('now')
  // The switch answers at once; the matrix follows as soon as React has rendered it.
  const shown = useDeferredValue(horizon)
  const analysis = useGapAnalysis(shown)
  const [exporting, setExporting] = useState(false)
  if (!analysis) return null
  return (
    <Stack h="100%" gap="lg" style={{ overflowY: 'auto' }} pr="xs" data-testid="gap-view">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1} size="h2">
            Gap analysis
          </Title>
          <Text c="dimmed" size="sm">
            Which persona needs today&apos;s IT capabilities meet, which the plans will meet, and which remain
            gaps.
          </Text>
        </div>
        <Group gap="sm">
          {shown !== horizon && <Loader size="xs" aria-label="Updating" />}
          <SegmentedControl
            aria-label="Horizon"
            data={HORIZON_OPTIONS}
            value={horizon}
            onChange={(v) => isHorizon(v) && setHorizon(v)}
          />
          <Button leftSection={<IconFileExport size={16} aria-hidden />} onClick={() => setExporting(true)}>
            Export gap report…
          </Button>
        </Group>
      </Group>
      <GapContent analysis={analysis} />
      {exporting && <ExportReportModal initialHorizon={horizon} onClose={() => setExporting(false)} />}
    </Stack>
  )
}
