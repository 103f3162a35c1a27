import { FigureSection } from './figure-section';
import { FigureBarChart } from './figure-chart';
import { useI18n, useT } from '../../../lib/i18n';
import { formatNumber } from '../../../lib/format';
import { ResponsiveTable, type Column } from '../../../components/ui/responsive-table';
import type { DashboardDto, FigureSelector } from '../api/dashboard';
import { DrillButton } from './drill-button';

type AwardRow = DashboardDto['awards']['items'][number];
type Row = AwardRow | { code: '__total'; individuals: number; collectives: number };

/** Awards by title/form and level: a bar chart for the eye and the same figures in a table for everyone. */
export function AwardFigures({ data }: { data: DashboardDto }) {
  const t = useT();
  const { locale } = useI18n();
  const name = (r: AwardRow) => (locale === 'en' ? r.nameEn : r.nameVi);
  const rows: Row[] = [...data.awards.items, { code: '__total', ...data.awards.totals }];
  // The totals are the shares' denominators: every individual (collective) award of the year.
  const figure = (r: Row, subject: 'INDIVIDUAL' | 'COLLECTIVE'): FigureSelector =>
    'nameVi' in r
      ? { figure: 'award', code: r.code, subject }
      : { figure: 'share', key: subject === 'INDIVIDUAL' ? 'NON_LEADER' : 'SMALL_COLLECTIVE', part: 'DENOMINATOR', period: 'THIS' };
  const label = (r: Row, subject: 'INDIVIDUAL' | 'COLLECTIVE' | 'ANY') =>
    `${'nameVi' in r ? name(r) : t('web.dashboard.awards.totalRow')}, ${t(subject === 'INDIVIDUAL' ? 'web.dashboard.awards.individuals' : subject === 'COLLECTIVE' ? 'web.dashboard.awards.collectives' : 'web.dashboard.awards.total')}`;
  const columns: Column<Row>[] = [
    { key: 'award', header: t('web.dashboard.awards.award'), primary: true, cell: (r) => ('nameVi' in r ? name(r) : <strong>{t('web.dashboard.awards.totalRow')}</strong>) },
    { key: 'level', header: t('web.dashboard.awards.level'), cell: (r) => ('levelLabel' in r ? r.levelLabel : '') },
    {
      key: 'individuals',
      header: t('web.dashboard.awards.individuals'),
      cell: (r) => (
        <span data-testid="dashboard-award-individuals">
          <DrillButton figure={figure(r, 'INDIVIDUAL')} value={r.individuals} label={label(r, 'INDIVIDUAL')} />
        </span>
      ),
    },
    {
      key: 'collectives',
      header: t('web.dashboard.awards.collectives'),
      cell: (r) => (
        <span data-testid="dashboard-award-collectives">
          <DrillButton figure={figure(r, 'COLLECTIVE')} value={r.collectives} label={label(r, 'COLLECTIVE')} />
        </span>
      ),
    },
    {
      key: 'total',
      header: t('web.dashboard.awards.total'),
      cell: (r) => (
        <span data-testid="dashboard-award-total">
          {'nameVi' in r ? (
            <DrillButton figure={{ figure: 'award', code: r.code, subject: 'ANY' }} value={r.individuals + r.collectives} label={label(r, 'ANY')} />
          ) : (
            formatNumber(r.individuals + r.collectives)
          )}
        </span>
      ),
    },
  ];
  const chart = data.awards.items.map((r) => ({ name: name(r), individuals: r.individuals, collectives: r.collectives }));
  return (
    <FigureSection title={t('web.dashboard.awards.title')}>
      <FigureBarChart rows={chart} label={t('web.dashboard.awards.chart', { year: data.year })} testId="dashboard-chart" labelWidth={110} />
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
