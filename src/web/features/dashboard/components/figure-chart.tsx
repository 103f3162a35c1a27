import { BarChart } from '@mantine/charts';
import { Box } from '@mantine/core';
import { useT } from '../../../lib/i18n';

/**
 * Individuals and collectives as horizontal stacked bars, one bar per row (`name`). The picture is
 * hidden from screen readers and named as an image: the table beside it is its text alternative.
 */
export function FigureBarChart({ rows, label, testId, labelWidth }: { rows: { name: string; individuals: number; collectives: number }[]; label: string; testId: string; labelWidth: number }) {
  const t = useT();
  return (
    <Box role="img" aria-label={label} data-testid={testId}>
      <Box aria-hidden>
        <BarChart
          h={Math.max(180, 48 * rows.length)}
          data={rows}
          dataKey="name"
          orientation="vertical"
          type="stacked"
          series={[
            { name: 'individuals', label: t('web.dashboard.awards.individuals'), color: 'blue.7' },
            { name: 'collectives', label: t('web.dashboard.awards.collectives'), color: 'teal.7' },
          ]}
          barChartProps={{ accessibilityLayer: false }}
          withLegend
          withTooltip={false}
          yAxisProps={{ width: labelWidth }}
          xAxisProps={{ allowDecimals: false }}
          tickLine="x"
        />
      </Box>
    </Box>
  );
}
