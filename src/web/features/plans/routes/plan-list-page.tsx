import { Grid, Group, Paper, Stack } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { getRouteApi } from '@tanstack/react-router';
import { PLAN_STATUSES } from '../../../../contracts/plans';
import { useT } from '../../../lib/i18n';
import { useMe } from '../../../lib/session';
import { ButtonLink } from '../../../components/ui/links';
import { managedUnits } from '../components/plan-form';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { PageHeader } from '../../../components/ui/page-header';
import { ExcelExportButton } from '../../../components/ui/excel-export-button';
import { YearFilter } from '../../../components/ui/year-filter';
import { ChoiceFilter, ClearFiltersCol } from '../../../components/ui/choice-filter';
import { PaginationBar } from '../../../components/ui/pagination-bar';
import { usePlans } from '../api/plans';
import { PlanTable } from '../components/plan-table';
import { planListParams, type PlanSearch } from './search';

const route = getRouteApi('/app/ke-hoach');

/** Years offered by the filter: next year back to ten years ago. */

/** `/ke-hoach`: plans of the units in scope, filtered by year and status, paged on the server. */
export function PlanListPage() {
  const t = useT();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const params = planListParams(search);
  const list = usePlans(params);
  const canCreate = managedUnits(useMe()).length > 0;

  const update = (patch: Partial<PlanSearch>, keepPage = false) =>
    void navigate({ search: (prev) => ({ ...prev, ...patch, ...(keepPage ? {} : { page: undefined }) }), replace: !keepPage });

  return (
    <Stack gap="md">
      <PageHeader
        title={t('web.plans.title')}
        description={t('web.plans.description')}
        actions={
          <Group gap="sm">
            <ExcelExportButton path="/plans/export.xlsx" filters={{ year: search.year, status: search.status }} testId="plan-export" />
            {canCreate && (
              <ButtonLink to="/ke-hoach/moi" leftSection={<IconPlus size={16} aria-hidden />} data-testid="plan-create">
                {t('web.plans.create')}
              </ButtonLink>
            )}
          </Group>
        }
      />
      <Paper withBorder p="sm">
        <Grid gap="sm" role="search" aria-label={t('web.plans.filter.title')}>
          <Grid.Col span={{ base: 6, sm: 4, md: 3 }}>
            <YearFilter label={t('web.plans.field.year')} value={search.year} onChange={(year) => update({ year })} data-testid="plan-year" />
          </Grid.Col>
          <Grid.Col span={{ base: 6, sm: 4, md: 3 }}>
            <ChoiceFilter label={t('web.plans.field.status')} options={PLAN_STATUSES} optionLabel={(s) => t(`web.plans.status.${s}`)} value={search.status} onChange={(status) => update({ status })} data-testid="plan-status-filter" />
          </Grid.Col>
          <ClearFiltersCol active={search.year !== undefined || search.status !== undefined} onClear={() => void navigate({ search: {}, replace: true })} />
        </Grid>
      </Paper>
      <ErrorAlert error={list.error} />
      <div>
        <PlanTable
          rows={list.data?.items ?? []}
          loading={list.isPending}
          refreshing={list.isPlaceholderData}
          onOpen={(plan) => void navigate({ to: '/ke-hoach/$planId', params: { planId: plan.id } })}
        />
        {list.data && (
          <PaginationBar total={list.data.total} page={params.page} pageSize={params.pageSize} onPageChange={(page) => update({ page: page === 1 ? undefined : page }, true)} onPageSizeChange={(pageSize) => update({ pageSize })} />
        )}
      </div>
    </Stack>
  );
}
