import { Text } from '@mantine/core';
import { FigureSection } from './figure-section';
import { useT } from '../../../lib/i18n';
import { formatDate, formatNumber } from '../../../lib/format';
import { ResponsiveTable, type Column } from '../../../components/ui/responsive-table';
import type { DashboardDto } from '../api/dashboard';
import { DrillButton } from './drill-button';

type Level = DashboardDto['overdue']['levels'][number];
type Row = Level | { rank: -1; label: string; counts: Level['counts']; total: number };

/** Overdue work per level of the organisation that has to act, one column per kind; every count opens its items. */
export function OverdueFigures({ data }: { data: DashboardDto }) {
  const t = useT();
  const o = data.overdue;
  const date = formatDate(o.today);
  const sums = Object.fromEntries(o.kinds.map((k) => [k.kind, o.levels.reduce((a, l) => a + l.counts[k.kind], 0)])) as Level['counts'];
  const rows: Row[] = o.levels.length === 0 ? [] : [...o.levels, { rank: -1, label: t('web.dashboard.overdue.totalRow'), counts: sums, total: o.total }];
  const columns: Column<Row>[] = [
    { key: 'level', header: t('web.dashboard.overdue.level'), primary: true, cell: (r) => (r.rank === -1 ? <strong>{r.label}</strong> : r.label) },
    ...o.kinds.map(
      (k): Column<Row> => ({
        key: k.kind,
        header: k.label,
        cell: (r) => (
          <span data-testid="dashboard-overdue-cell" data-kind={k.kind}>
            <DrillButton
              figure={r.rank === -1 ? { figure: 'overdue', kind: k.kind } : { figure: 'overdue', kind: k.kind, rank: r.rank }}
              value={r.counts[k.kind]}
              label={`${k.label}, ${r.label}`}
            />
          </span>
        ),
      }),
    ),
    { key: 'total', header: t('web.dashboard.overdue.total'), cell: (r) => <strong>{formatNumber(r.total)}</strong> },
  ];
  return (
    <FigureSection title={t('web.dashboard.overdue.title')}>
      {rows.length === 0 ? (
        <Text size="sm" data-testid="dashboard-overdue-empty">
          {t('web.dashboard.overdue.empty', { date })}
        </Text>
      ) : (
        <ResponsiveTable
          columns={columns}
          rows={rows}
          rowKey={(r) => r.rank}
          caption={t('web.dashboard.overdue.caption', { date })}
          testId="dashboard-overdue"
          rowTestId="dashboard-overdue-row"
          minWidth={0}
        />
      )}
    </FigureSection>
  );
}
