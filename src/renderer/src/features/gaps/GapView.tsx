import { Box, Button, Group, Loader, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core'
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

/** What the empty states say, whole sentences in one place. */
export const EMPTY_TEXT = {
  noNeeds: 'No needs to analyse yet. Import a persona page or add needs to a persona on the board.',
  noCapabilities: 'No capabilities yet. List the IT capabilities, then link needs to them.',
  import: 'Import…',
  openBoard: 'Open the board',
  openCapabilities: 'Open capabilities'
} as const

/**
 * One message with the next step instead of empty tables and charts: no needs (import, or add
 * them on the board), or needs but no capability to link them to (under the summary, where every
 * need counts as unassessed). Null when there is something to analyse.
 */
function NothingToAnalyse({
  analysis,
  onImport
}: {
  analysis: GapAnalysis
  onImport: () => void
}): React.JSX.Element | null {
  const setView = useApp((s) => s.setView)
  if (analysis.totals.total > 0 && analysis.columns.length > 0) return null
  const noNeeds = analysis.totals.total === 0
  return (
    <Paper withBorder p="xl" data-testid="gap-empty">
      <Stack align="center" gap="md">
        <Text ta="center">{noNeeds ? EMPTY_TEXT.noNeeds : EMPTY_TEXT.noCapabilities}</Text>
        {noNeeds ? (
          <Group>
            <Button onClick={onImport}>{EMPTY_TEXT.import}</Button>
            <Button variant="default" onClick={() => setView('board')}>
              {EMPTY_TEXT.openBoard}
            </Button>
          </Group>
        ) : (
          <Button onClick={() => setView('capabilities')}>{EMPTY_TEXT.openCapabilities}</Button>
        )}
      </Stack>
    </Paper>
  )
}

const RANKED_GAPS_HELP = 'Unmet needs, heaviest first: priority × personas with that need × their headcount.'

/** Memoised: while a horizon switch renders in the background, the current content is not redrawn. */
const GapContent = memo(function GapContent({ analysis }: { analysis: GapAnalysis }): React.JSX.Element {
  return (
    <>
      <CoverageSummary analysis={analysis} />
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
      <Section title="Ranked gaps" help={RANKED_GAPS_HELP}>
        <RankedGaps analysis={analysis} />
      </Section>
      <GapCharts analysis={analysis} />
    </>
  )
})

/** The gap analysis at a horizon: summary, matrix, what to build first, ranked gaps, charts, report. */
export function GapView({ onImport }: { onImport: () => void }): React.JSX.Element | null {
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
      {analysis.totals.total > 0 && analysis.columns.length > 0 ? (
        <GapContent analysis={analysis} />
      ) : (
        <>
          {analysis.totals.total > 0 && <CoverageSummary analysis={analysis} />}
          <NothingToAnalyse analysis={analysis} onImport={onImport} />
          {/* Needs whose status was set by hand are gaps without any capability: still ranked. */}
          {analysis.rankedGaps.length > 0 && (
            <Section title="Ranked gaps" help={RANKED_GAPS_HELP}>
              <RankedGaps analysis={analysis} />
            </Section>
          )}
        </>
      )}
      {exporting && <ExportReportModal initialHorizon={horizon} onClose={() => setExporting(false)} />}
    </Stack>
  )
}
