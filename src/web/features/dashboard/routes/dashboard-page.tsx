import { Alert, Grid, Select, Stack } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { getRouteApi } from '@tanstack/react-router';
import { useT } from '../../../lib/i18n';
import { useMe } from '../../../lib/session';
import { currentYear } from '../../../lib/format';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { LoadingBlock } from '../../../components/ui/loading-block';
import { OrgPicker } from '../../../components/ui/org-picker';
import { PageHeader } from '../../../components/ui/page-header';
import { filterYears } from '../../../components/ui/year-filter';
import { useDashboard } from '../api/dashboard';
import { AwardFigures } from '../components/award-figures';
import { ShareCards } from '../components/share-cards';
import { StreakFigures } from '../components/streak-figures';
import type { DashboardSearch } from './search';

const route = getRouteApi('/app/tong-quan');

/** `/tong-quan`: the award figures of a unit's subtree for a year (issue 10, first slice). */
export function DashboardPage() {
  const t = useT();
  const me = useMe();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const orgId = search.orgId ?? me.scopeRoots[0]?.id;
  const year = search.year ?? currentYear();
  const figures = useDashboard({ orgId, year });
  const update = (patch: Partial<DashboardSearch>) => void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true });
  const data = figures.data;
  const empty = data !== undefined && data.awards.totals.individuals + data.awards.totals.collectives === 0;

  return (
    <Stack gap="md">
      <PageHeader title={t('web.dashboard.title')} description={t('web.dashboard.description')} />
      <Grid gap="sm">
        <Grid.Col span={{ base: 12, sm: 8, md: 6 }}>
          <OrgPicker label={t('web.dashboard.org')} value={orgId ?? null} onChange={(id) => update({ orgId: id ?? undefined })} data-testid="dashboard-org" />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 4, md: 3 }}>
          <Select
            label={t('web.dashboard.year')}
            data={filterYears().map((y) => String(y))}
            value={String(year)}
            onChange={(v) => v !== null && update({ year: Number(v) })}
            allowDeselect={false}
            data-testid="dashboard-year"
          />
        </Grid.Col>
      </Grid>
      <ErrorAlert error={figures.error} />
      {orgId === undefined ? (
        <Alert icon={<IconInfoCircle size={18} aria-hidden />}>{t('web.dashboard.pickOrg')}</Alert>
      ) : figures.isPending ? (
        <LoadingBlock />
      ) : data === undefined ? null : empty ? (
        <Alert icon={<IconInfoCircle size={18} aria-hidden />} data-testid="dashboard-empty">
          {t('web.dashboard.empty', { year: data.year })}
        </Alert>
      ) : (
        <Stack gap="md" data-testid="dashboard-figures" aria-busy={figures.isPlaceholderData} data-year={data.year}>
          <AwardFigures data={data} />
          <ShareCards data={data} />
          <StreakFigures data={data} />
        </Stack>
      )}
    </Stack>
  );
}
