import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconDownload, IconInfoCircle } from '@tabler/icons-react';
import { getRouteApi } from '@tanstack/react-router';
import { useT } from '../../../lib/i18n';
import { useOrgYear } from '../../../lib/org-year-search';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { LoadingBlock } from '../../../components/ui/loading-block';
import { OrgYearFilter } from '../../../components/ui/org-year-filter';
import { PageHeader } from '../../../components/ui/page-header';
import { dashboardExportUrl, useDashboard, type FigureSelector } from '../api/dashboard';
import { AwardFigures } from '../components/award-figures';
import { DrillContext } from '../components/drill-button';
import { DrilldownDrawer } from '../components/drilldown-drawer';
import { FunnelFigures } from '../components/funnel-figures';
import { OverdueFigures } from '../components/overdue-figures';
import { ShareCards } from '../components/share-cards';
import { StreakFigures } from '../components/streak-figures';
import { TargetsForm } from '../components/targets-form';
import type { DashboardSearch, DashboardTargets } from './search';

const route = getRouteApi('/app/tong-quan');

/**
 * `/tong-quan`: the figures of a unit's subtree for a year (issue 10) — awards by title and level, the
 * four shares against the year before and targets set in the page, streaks of people and collectives,
 * the funnel from registration to decision and overdue work per level. Every figure opens the records
 * it counts (a drawer, its selector in the URL) with an Excel export; the whole overview exports too.
 */
export function DashboardPage() {
  const t = useT();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const { orgId, year } = useOrgYear(search);
  const targets: DashboardTargets = {
    targetNonLeader: search.targetNonLeader,
    targetDirectWorker: search.targetDirectWorker,
    targetWomen: search.targetWomen,
    targetSmallCollective: search.targetSmallCollective,
  };
  const figures = useDashboard({ orgId, year, targets });
  const update = (patch: Partial<DashboardSearch>) => void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true });
  const open = (drill: FigureSelector) => void navigate({ search: (prev) => ({ ...prev, drill, drillPage: undefined }) });
  const close = () => void navigate({ search: (prev) => ({ ...prev, drill: undefined, drillPage: undefined, drillPageSize: undefined }) });
  const data = figures.data;
  // Nothing for the year (no award, no registration or nomination); overdue work is today's, not the year's.
  const empty = data !== undefined && data.awards.totals.individuals + data.awards.totals.collectives === 0 && data.funnel.every((f) => f.total === 0);

  return (
    <Stack gap="md">
      <PageHeader
        title={t('web.dashboard.title')}
        description={t('web.dashboard.description')}
        actions={
          orgId === undefined ? undefined : (
            <Button component="a" href={dashboardExportUrl(orgId, year, targets)} variant="default" leftSection={<IconDownload size={16} aria-hidden />} title={t('web.dashboard.exportHint')} data-testid="dashboard-export">
              {t('web.dashboard.export')}
            </Button>
          )
        }
      />
      <OrgYearFilter orgLabel={t('web.dashboard.org')} orgId={orgId} year={year} onOrgChange={(id) => update({ orgId: id })} onYearChange={(y) => update({ year: y })} testIdPrefix="dashboard" />
      <TargetsForm value={targets} onApply={(next) => update({ targetNonLeader: undefined, targetDirectWorker: undefined, targetWomen: undefined, targetSmallCollective: undefined, ...next })} />
      <ErrorAlert error={figures.error} />
      {orgId === undefined ? (
        <Alert icon={<IconInfoCircle size={18} aria-hidden />}>{t('web.dashboard.pickOrg')}</Alert>
      ) : figures.isPending ? (
        <LoadingBlock />
      ) : data === undefined ? null : (
        <DrillContext.Provider value={open}>
          {empty ? (
            <Stack gap="md">
              <Alert icon={<IconInfoCircle size={18} aria-hidden />} data-testid="dashboard-empty">
                {t('web.dashboard.empty', { year: data.year })}
              </Alert>
              {data.overdue.total > 0 && <OverdueFigures data={data} />}
            </Stack>
          ) : (
            <Stack gap="md" data-testid="dashboard-figures" aria-busy={figures.isPlaceholderData} data-year={data.year}>
              <Group gap={6}>
                <IconInfoCircle size={16} aria-hidden />
                <Text size="sm">{t('web.dashboard.drillHint')}</Text>
              </Group>
              <AwardFigures data={data} />
              <ShareCards data={data} />
              <StreakFigures data={data} />
              <FunnelFigures data={data} />
              <OverdueFigures data={data} />
            </Stack>
          )}
        </DrillContext.Provider>
      )}
      {orgId !== undefined && (
        <DrilldownDrawer
          orgId={orgId}
          year={year}
          figure={search.drill}
          page={search.drillPage ?? 1}
          pageSize={search.drillPageSize ?? 25}
          onPage={(drillPage, drillPageSize) => update({ drillPage, drillPageSize })}
          onClose={close}
        />
      )}
    </Stack>
  );
}
