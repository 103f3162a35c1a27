import { BarChart } from '@mantine/charts';
import { Box } from '@mantine/core';
import { FigureSection } from './figure-section';
import { useI18n, useT } from '../../../lib/i18n';
import { formatNumber } from '../../../lib/format';
import { ResponsiveTable, type Column } from '../../../components/ui/responsive-table';
import type { DashboardDto } from '../api/dashboard';

type AwardRow = DashboardDto['awards']['items'][number];
type Row = AwardRow | { code: '__total'; individuals: number; collectives: number };

/** Awards by title/form and level: a bar chart for the eye and the same figures in a table for everyone. */
export function AwardFigures({ data }: { data: DashboardDto }) {
  const t = useT();
  const { locale } = useI18n();
  const name = (r: AwardRow) => (locale === 'en' ? r.nameEn : r.nameVi);
  const rows: Row[] = [...data.awards.items, { code: '__total', ...data.awards.totals }];
  const columns: Column<Row>[] = [
    { key: 'award', header: t('web.dashboard.awards.award'), primary: true, cell: (r) => ('nameVi' in r ? name(r) : <strong>{t('web.dashboard.awards.totalRow')}</strong>) },
    { key: 'level', header: t('web.dashboard.awards.level'), cell: (r) => ('levelLabel' in r ? r.levelLabel : '') },
    { key: 'individuals', header: t('web.dashboard.awards.individuals'), cell: (r) => <span data-testid="dashboard-award-individuals">{formatNumber(r.individuals)}</span> },
    { key: 'collectives', header: t('web.dashboard.awards.collectives'), cell: (r) => <span data-testid="dashboard-award-collectives">{formatNumber(r.collectives)}</span> },
    { key: 'total', header: t('web.dashboard.awards.total'), cell: (r) => <span data-testid="dashboard-award-total">{formatNumber(r.individuals + r.collectives)}</span> },
  ];
  const chart = data.awards.items.map((r) => ({ award: name(r), individuals: r.individuals, collectives: r.collectives }));
  return (
    <FigureSection title={t('web.dashboard.awards.title')}>
      <Box role="img" aria-label={t('web.dashboard.awards.chart', { year: data.year })} data-testid="dashboard-chart">
        <Box aria-hidden>
          <BarChart
            h={Math.max(180, 48 * chart.length)}
            data={chart}
            dataKey="award"
            orientation="vertical"
            type="stacked"
            series={[
              { name: 'individuals', label: t('web.dashboard.awards.individuals'), color: 'blue.7' },
              { name: 'collectives', label: t('web.dashboard.awards.collectives'), color: 'teal.7' },
            ]}
            barChartProps={{ accessibilityLayer: false }}
            withLegend
            withTooltip={false}
            yAxisProps={{ width: 110 }}
            xAxisProps={{ allowDecimals: false }}
            tickLine="x"
          />
        </Box>
      </Box>
      <ResponsiveTable
        columns={columns}
        rows={rows}
        rowKey={(r) => r.code}
        caption={t('web.dashboard.awards.caption', { year: data.year })}
        testId="dashboard-awards"
        rowTestId="dashboard-award-row"
        minWidth={0}
      />
    </FigureSection>
  );
}
