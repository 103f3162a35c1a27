import { Paper, SimpleGrid, Text, Title } from '@mantine/core';
import { FigureSection } from './figure-section';
import { useT } from '../../../lib/i18n';
import { formatNumber } from '../../../lib/format';
import { AnchorLink } from '../../../components/ui/links';
import { ResponsiveTable, type Column } from '../../../components/ui/responsive-table';
import type { DashboardDto } from '../api/dashboard';
import { DrillButton } from './drill-button';

type StreakRow = DashboardDto['streaks']['top'][number];
type UnitRow = DashboardDto['streaks']['unitTop'][number];

function StreakCounts({ counts, subject }: { counts: DashboardDto['streaks']['counts']; subject: 'PERSON' | 'UNIT' }) {
  const t = useT();
  return (
    <SimpleGrid cols={{ base: 2 }} spacing="sm">
      {counts.map((c) => (
        <Paper key={c.years} withBorder p="xs" data-testid={subject === 'PERSON' ? 'dashboard-streak-count' : 'dashboard-unit-streak-count'} data-years={c.years}>
          <Text size="sm">{t('web.dashboard.streaks.count', { years: c.years })}</Text>
          <Text size="lg" fw={700}>
            <DrillButton figure={{ figure: 'streak', subject, minYears: c.years }} value={c.count} label={t(subject === 'PERSON' ? 'web.dashboard.streaks.title' : 'web.dashboard.streaks.unitTitle') + `, ${t('web.dashboard.streaks.count', { years: c.years })}`} fw={700}>
              {t(subject === 'PERSON' ? 'web.dashboard.streaks.people' : 'web.dashboard.streaks.units', { count: formatNumber(c.count) })}
            </DrillButton>
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}

/** People and collectives awarded several years in a row: how many for ≥ 2 and ≥ 3 years (each opens its list), and the longest runs. */
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
  const unitColumns: Column<UnitRow>[] = [
    {
      key: 'name',
      header: t('web.dashboard.streaks.unitName'),
      primary: true,
      cell: (r) => (
        <AnchorLink to="/to-chuc/$orgId" params={{ orgId: r.orgId }} size="sm" fw={500} data-testid="dashboard-unit-streak-name">
          {r.name}
        </AnchorLink>
      ),
    },
    { key: 'code', header: t('web.dashboard.streaks.unitCode'), cell: (r) => r.code },
    { key: 'years', header: t('web.dashboard.streaks.years'), cell: (r) => <span data-testid="dashboard-unit-streak-years">{formatNumber(r.years)}</span> },
    { key: 'from', header: t('web.dashboard.streaks.from'), cell: (r) => String(r.fromYear) },
  ];
  return (
    <FigureSection title={t('web.dashboard.streaks.title')}>
      <StreakCounts counts={data.streaks.counts} subject="PERSON" />
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
      <Title order={3} size="h5">
        {t('web.dashboard.streaks.unitTitle')}
      </Title>
      <StreakCounts counts={data.streaks.unitCounts} subject="UNIT" />
      <ResponsiveTable
        columns={unitColumns}
        rows={data.streaks.unitTop}
        rowKey={(r) => r.orgId}
        caption={t('web.dashboard.streaks.unitCaption')}
        empty={t('web.dashboard.streaks.unitEmpty')}
        testId="dashboard-unit-streaks"
        rowTestId="dashboard-unit-streak-row"
        minWidth={0}
      />
    </FigureSection>
  );
}
