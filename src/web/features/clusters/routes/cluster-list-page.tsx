import { useState } from 'react';
import { Button, Grid, Group, Paper, Stack } from '@mantine/core';
import { IconDownload, IconPlus } from '@tabler/icons-react';
import { getRouteApi } from '@tanstack/react-router';
import { CLUSTER_KINDS } from '../../../../contracts/clusters';
import { useT } from '../../../lib/i18n';
import { useMe } from '../../../lib/session';
import { downloadUrl } from '../../../lib/api-client';
import { OrgPicker } from '../../../components/ui/org-picker';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { PageHeader } from '../../../components/ui/page-header';
import { YearFilter } from '../../../components/ui/year-filter';
import { ChoiceFilter, ClearFiltersCol } from '../../../components/ui/choice-filter';
import { PaginationBar } from '../../../components/ui/pagination-bar';
import { useClusters } from '../api/clusters';
import { ClusterTable } from '../components/cluster-table';
import { ClusterFormModal } from '../components/cluster-form-modal';
import { clusterListParams, type ClusterSearch } from './search';

const route = getRouteApi('/app/cum-thi-dua');
/** Roles that may organise a cluster (the server decides; this only shows the button). */
const MANAGE_ROLES: readonly string[] = ['SYSTEM_ADMIN', 'TDKT_OFFICER', 'CDCS_OFFICER'];


/** `/cum-thi-dua`: clusters and blocks in scope, filtered by year and kind, paged on the server. */
export function ClusterListPage() {
  const t = useT();
  const me = useMe();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const params = clusterListParams(search);
  const list = useClusters(params);
  const [creating, setCreating] = useState(false);
  const managed = me.roles.find((r) => MANAGE_ROLES.includes(r.role));
  // Exactly what is filtered, all pages, one row per member unit.
  const exportUrl = downloadUrl('/clusters/export.xlsx', { orgId: params.orgId, year: params.year, kind: params.kind });

  const update = (patch: Partial<ClusterSearch>, keepPage = false) =>
    void navigate({ search: (prev) => ({ ...prev, ...patch, ...(keepPage ? {} : { page: undefined }) }), replace: !keepPage });

  return (
    <Stack gap="md">
      <PageHeader
        title={t('web.clusters.title')}
        description={t('web.clusters.description')}
        actions={
          <Group gap="xs">
            <Button component="a" href={exportUrl} variant="default" leftSection={<IconDownload size={16} aria-hidden />} data-testid="cluster-export">
              {t('web.clusters.export')}
            </Button>
            {managed && (
              <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)} data-testid="cluster-create">
                {t('web.clusters.create')}
              </Button>
            )}
          </Group>
        }
      />
      <Paper withBorder p="sm">
        <Grid gap="sm" role="search" aria-label={t('web.clusters.filter.title')}>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <OrgPicker label={t('web.clusters.field.organiser')} value={search.orgId ?? null} onChange={(id) => update({ orgId: id ?? undefined })} clearable data-testid="cluster-org-filter" />
          </Grid.Col>
          <Grid.Col span={{ base: 6, sm: 4, md: 3 }}>
            <YearFilter label={t('web.clusters.field.year')} value={search.year} onChange={(year) => update({ year })} data-testid="cluster-year" />
          </Grid.Col>
          <Grid.Col span={{ base: 6, sm: 4, md: 3 }}>
            <ChoiceFilter label={t('web.clusters.field.kind')} options={CLUSTER_KINDS} optionLabel={(k) => t(`web.clusters.kind.${k}`)} value={search.kind} onChange={(kind) => update({ kind })} data-testid="cluster-kind-filter" />
          </Grid.Col>
          <ClearFiltersCol active={search.year !== undefined || search.kind !== undefined} onClear={() => void navigate({ search: {}, replace: true })} />
        </Grid>
      </Paper>
      <ErrorAlert error={list.error} />
      <div>
        <ClusterTable
          rows={list.data?.items ?? []}
          loading={list.isPending}
          refreshing={list.isPlaceholderData}
          onOpen={(c) => void navigate({ to: '/cum-thi-dua/$clusterId', params: { clusterId: c.id } })}
        />
        {list.data && (
          <PaginationBar total={list.data.total} page={params.page} pageSize={params.pageSize} onPageChange={(page) => update({ page: page === 1 ? undefined : page }, true)} onPageSizeChange={(pageSize) => update({ pageSize })} />
        )}
      </div>
      {creating && (
        <ClusterFormModal
          defaultOrganiserId={managed?.orgId ?? null}
          onClose={() => setCreating(false)}
          onSaved={(c) => void navigate({ to: '/cum-thi-dua/$clusterId', params: { clusterId: c.id } })}
        />
      )}
    </Stack>
  );
}
