import { FigureSection } from './figure-section';
import { FigureBarChart } from './figure-chart';
import { useT } from '../../../lib/i18n';
import { formatNumber } from '../../../lib/format';
import { ResponsiveTable, type Column } from '../../../components/ui/responsive-table';
import type { DashboardDto } from '../api/dashboard';
import { DrillButton } from './drill-button';

type Stage = DashboardDto['funnel'][number];

/** Registration → nomination → appraisal → council → decision: a horizontal bar chart for the eye, the same figures in a table for everyone. */
export function FunnelFigures({ data }: { data: DashboardDto }) {
  const t = useT();
  const columns: Column<Stage>[] = [
    { key: 'stage', header: t('web.dashboard.funnel.stage'), primary: true, cell: (r) => r.label },
    { key: 'individuals', header: t('web.dashboard.awards.individuals'), cell: (r) => formatNumber(r.individuals) },
    { key: 'collectives', header: t('web.dashboard.awards.collectives'), cell: (r) => formatNumber(r.collectives) },
    {
      key: 'total',
      header: t('web.dashboard.awards.total'),
      cell: (r) => (
        <span data-testid="dashboard-funnel-total">
          <DrillButton figure={{ figure: 'funnel', stage: r.stage }} value={r.total} label={r.label} />
        </span>
      ),
    },
    { key: 'percent', header: t('web.dashboard.funnel.percent'), cell: (r) => (r.percentOfPrevious === null ? '—' : `${formatNumber(r.percentOfPrevious)} %`) },
  ];
  const chart = data.funnel.map((r) => ({ name: r.label, individuals: r.individuals, collectives: r.collectives }));
  return (
    <FigureSection title={t('web.dashboard.funnel.title')}>
      <FigureBarChart rows={chart} label={t('web.dashboard.funnel.chart', { year: data.year })} testId="dashboard-funnel-chart" labelWidth={130} />
      <ResponsiveTable
        columns={columns}
        rows={data.funnel}
        rowKey={(r) => r.stage}
        caption={t('web.dashboard.funnel.caption', { year: data.year })}
        testId="dashboard-funnel"
        rowTestId="dashboard-funnel-row"
        minWidth={0}
      />
    </FigureSection>
  );
}
