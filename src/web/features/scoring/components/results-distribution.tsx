import { BarChart } from '@mantine/charts';
import { Box, Paper, SimpleGrid, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useT } from '../../../lib/i18n';
import { formatNumber } from '../../../lib/format';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { LEVEL_KEYS, useRoundDistribution, type DistributionGroup } from '../api/results';

/**
 * A chart with its numbers: the picture is for the eye (hidden from screen readers, not focusable),
 * the table under it carries the same figures for everyone else (UX principle 8).
 */
function ChartWithTable({ caption, header, rows, color }: { caption: string; header: [string, string]; rows: { label: string; count: number }[]; color: string }) {
  const t = useT();
  const data = rows.map((r) => ({ label: r.label, count: r.count }));
  return (
    <Paper withBorder p="sm">
      <Stack gap="xs">
        <Text size="sm" fw={600}>
          {caption}
        </Text>
        <Box aria-hidden>
          <BarChart
            h={200}
            data={data}
            dataKey="label"
            series={[{ name: 'count', label: t('web.scoring.chart.count'), color }]}
            barChartProps={{ accessibilityLayer: false }}
            withTooltip={false}
            withBarValueLabel
            tickLine="y"
            yAxisProps={{ allowDecimals: false }}
          />
        </Box>
        <VisuallyHidden>
          <Table data-testid="distribution-table">
            <caption>{caption}</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{header[0]}</Table.Th>
                <Table.Th>{header[1]}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.label}>
                  <Table.Td>{r.label}</Table.Td>
                  <Table.Td>{formatNumber(r.count)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </VisuallyHidden>
      </Stack>
    </Paper>
  );
}

function GroupCharts({ group }: { group: DistributionGroup }) {
  const t = useT();
  const name = group.clusterId === null ? t('web.scoring.results.wholeRound') : group.name;
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} data-testid="distribution-group" data-cluster={group.clusterId ?? ''}>
      <ChartWithTable
        caption={t('web.scoring.chart.levels', { name })}
        header={[t('web.scoring.chart.level'), t('web.scoring.chart.count')]}
        color="blue.6"
        rows={LEVEL_KEYS.map((l) => ({ label: t(`web.scoring.level.${l}`), count: group.levels[l] ?? 0 }))}
      />
      <ChartWithTable
        caption={t('web.scoring.chart.bins', { name })}
        header={[t('web.scoring.chart.range'), t('web.scoring.chart.count')]}
        color="indigo.6"
        rows={group.bins.map((b) => ({ label: t('web.scoring.chart.binLabel', { from: formatNumber(b.from), to: formatNumber(b.to) }), count: b.count }))}
      />
    </SimpleGrid>
  );
}

/** Distribution per cluster (and for the whole round): levels and a histogram of verified totals. */
export function ResultsDistribution({ roundId }: { roundId: number }) {
  const t = useT();
  const distribution = useRoundDistribution(roundId);
  return (
    <Stack gap="sm" data-testid="results-distribution">
      <Title order={2} size="h4">
        {t('web.scoring.chart.title')}
      </Title>
      <ErrorAlert error={distribution.error} />
      {distribution.data && distribution.data.groups.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('web.scoring.chart.empty')}
        </Text>
      )}
      {distribution.data?.groups.map((g) => <GroupCharts key={g.clusterId ?? 'all'} group={g} />)}
    </Stack>
  );
}
