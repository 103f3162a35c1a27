import { Button, Grid, Group, Paper, Stack } from '@mantine/core';
import { IconDownload, IconPlus } from '@tabler/icons-react';
import { getRouteApi } from '@tanstack/react-router';
import { MOVEMENT_KINDS, MOVEMENT_STATUSES } from '../../../../contracts/movements';
import { useT } from '../../../lib/i18n';
import { useMe } from '../../../lib/session';
import { downloadUrl } from '../../../lib/api-client';
import { ButtonLink } from '../../../components/ui/links';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { PageHeader } from '../../../components/ui/page-header';
import { YearFilter } from '../../../components/ui/year-filter';
import { ChoiceFilter, ClearFiltersCol } from '../../../components/ui/choice-filter';
import { OrgPicker } from '../../../components/ui/org-picker';
import { PaginationBar } from '../../../components/ui/pagination-bar';
import { useMovements } from '../api/movements';
import { MovementTable } from '../components/movement-table';
import { managedUnits } from '../components/managed-units';
import { movementListParams, type MovementSearch } from './search';

const route = getRouteApi('/app/phong-trao');


/** `/phong-trao`: movements in scope, filtered by year, status and kind in the URL, paged on the server. */
export function MovementListPage() {
  const t = useT();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const params = movementListParams(search);
  const list = useMovements(params);
  const canCreate = managedUnits(useMe()).length > 0;

  const update = (patch: Partial<MovementSearch>, keepPage = false) =>
    void navigate({ search: (prev) => ({ ...prev, ...patch, ...(keepPage ? {} : { page: undefined }) }), replace: !keepPage });
  const filtered = search.orgId !== undefined || search.year !== undefined || search.status !== undefined || search.kind !== undefined;
  // Exactly what is filtered, all pages.
  const exportUrl = downloadUrl('/movements/export.xlsx', { orgId: params.orgId, year: params.year, status: params.status, kind: params.kind });

  return (
    <Stack gap="md">
      <PageHeader
        title={t('web.movements.title')}
        description={t('web.movements.description')}
        actions={
          <Group gap="xs">
            <Button component="a" href={exportUrl} variant="default" leftSection={<IconDownload size={16} aria-hidden />} data-testid="movement-export">
              {t('web.movements.export')}
            </Button>
            {canCreate && (
              <ButtonLink to="/phong-trao/moi" leftSection={<IconPlus size={16} aria-hidden />} data-testid="movement-create">
                {t('web.movements.create')}
              </ButtonLink>
            )}
          </Group>
        }
      />
      <Paper withBorder p="sm">
        <Grid gap="sm" role="search" aria-label={t('web.movements.filter.title')}>
          <Grid.Col span={{ base: 12, md: 3 }}>
            <OrgPicker label={t('web.movements.field.unit')} value={search.orgId ?? null} onChange={(id) => update({ orgId: id ?? undefined })} clearable data-testid="movement-org-filter" />
          </Grid.Col>
          <Grid.Col span={{ base: 6, sm: 4, md: 2 }}>
            <YearFilter label={t('web.movements.field.year')} value={search.year} onChange={(year) => update({ year })} data-testid="movement-year" />
          </Grid.Col>
          <Grid.Col span={{ base: 6, sm: 4, md: 3 }}>
            <ChoiceFilter label={t('web.movements.field.status')} options={MOVEMENT_STATUSES} optionLabel={(s) => t(`movement.status.${s}`)} value={search.status} onChange={(status) => update({ status })} data-testid="movement-status-filter" />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 4, md: 3 }}>
            <ChoiceFilter label={t('web.movements.field.kind')} options={MOVEMENT_KINDS} optionLabel={(k) => t(`movement.kind.${k}`)} value={search.kind} onChange={(kind) => update({ kind })} data-testid="movement-kind-filter" />
          </Grid.Col>
          <ClearFiltersCol active={filtered} span={{ base: 12, md: 3 }} onClear={() => void navigate({ search: {}, replace: true })} />
        </Grid>
      </Paper>
      <ErrorAlert error={list.error} />
      <div>
        <MovementTable
          rows={list.data?.items ?? []}
          loading={list.isPending}
          refreshing={list.isPlaceholderData}
          onOpen={(m) => void navigate({ to: '/phong-trao/$movementId', params: { movementId: m.id } })}
        />
        {list.data && (
          <PaginationBar total={list.data.total} page={params.page} pageSize={params.pageSize} onPageChange={(page) => update({ page: page === 1 ? undefined : page }, true)} onPageSizeChange={(pageSize) => update({ pageSize })} />
        )}
      </div>
    </Stack>
  );
}
