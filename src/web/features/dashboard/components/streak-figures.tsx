import { Paper, SimpleGrid, Text } from '@mantine/core';
import { FigureSection } from './figure-section';
import { useT } from '../../../lib/i18n';
import { formatNumber } from '../../../lib/format';
import { AnchorLink } from '../../../components/ui/links';
import { ResponsiveTable, type Column } from '../../../components/ui/responsive-table';
import type { DashboardDto } from '../api/dashboard';

type StreakRow = DashboardDto['streaks']['top'][number];

/** People awarded several years in a row: how many for ≥ 2 and ≥ 3 years, and the longest runs. */
export function StreakFigures({ data }: { data: DashboardDto }) {
  const t = useT();
  const columns: Column<StreakRow>[] = [
    {
      key: 'name',
      header: t('web.dashboard.streaks.name'),
      primary: true,
      cell: (r) => (
        <AnchorLink to="/doan-vien/$memberId" params={{ memberId: r.personId }} size="sm" fw={500} data-testid="dashboard-streak-person">
          {r.fullName}
        </AnchorLink>
      ),
    },
    { key: 'unit', header: t('web.dashboard.streaks.unit'), cell: (r) => r.orgName ?? '—' },
    { key: 'years', header: t('web.dashboard.streaks.years'), cell: (r) => <span data-testid="dashboard-streak-years">{formatNumber(r.years)}</span> },
    { key: 'from', header: t('web.dashboard.streaks.from'), cell: (r) => String(r.fromYear) },
  ];
  return (
    <FigureSection title={t('web.dashboard.streaks.title')}>
      <SimpleGrid cols={{ base: 2 }} spacing="sm">
        {data.streaks.counts.map((c) => (
          <Paper key={c.years} withBorder p="xs" data-testid="dashboard-streak-count" data-years={c.years}>
            <Text size="sm">{t('web.dashboard.streaks.count', { years: c.years })}</Text>
            <Text size="lg" fw={700}>
              {t('web.dashboard.streaks.people', { count: formatNumber(c.count) })}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>
      <ResponsiveTable
        columns={columns}
        rows={data.streaks.top}
        rowKey={(r) => r.personId}
        caption={t('web.dashboard.streaks.caption')}
        empty={t('web.dashboard.streaks.empty')}
        testId="dashboard-streaks"
        rowTestId="dashboard-streak-row"
        minWidth={0}
      />
    </FigureSection>
  );
}
