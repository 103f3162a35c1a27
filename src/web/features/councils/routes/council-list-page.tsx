import { useState } from 'react';
import { Button, Grid, Paper, Stack, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { getRouteApi } from '@tanstack/react-router';
import { COUNCIL_STATUSES } from '../../../../contracts/councils';
import { LIMITS } from '../../../../contracts/limits';
import { useT } from '../../../lib/i18n';
import { useMe } from '../../../lib/session';
import { formatDate } from '../../../lib/format';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { PageHeader } from '../../../components/ui/page-header';
import { PaginationBar } from '../../../components/ui/pagination-bar';
import { OrgPicker } from '../../../components/ui/org-picker';
import { AnchorLink } from '../../../components/ui/links';
import { ResponsiveTable, type Column } from '../../../components/ui/responsive-table';
import { ChoiceFilter, ClearFiltersCol } from '../../../components/ui/choice-filter';
import { useCouncils, type CouncilSummaryDto } from '../api/councils';
import { CouncilFormModal } from '../components/council-form-modal';
import { CouncilStatusBadge } from '../components/badges';
import type { CouncilSearch } from './search';

const route = getRouteApi('/app/hoi-dong');
/** Roles that set up a council (the server decides; this only shows the button). */
const ORGANISER_ROLES: readonly string[] = ['SYSTEM_ADMIN', 'TDKT_OFFICER'];

/** `/hoi-dong`: the councils of the reader's organisations, paged on the server. */
export function CouncilListPage() {
  const t = useT();
  const me = useMe();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const params = { orgId: search.orgId, status: search.status, page: search.page ?? 1, pageSize: LIMITS.pageSizeDefault };
  const list = useCouncils(params);
  const [creating, setCreating] = useState(false);
  const organiser = me.roles.find((r) => ORGANISER_ROLES.includes(r.role));
  const update = (patch: Partial<CouncilSearch>, keepPage = false) =>
    void navigate({ search: (prev) => ({ ...prev, ...patch, ...(keepPage ? {} : { page: undefined }) }), replace: !keepPage });

  const columns: Column<CouncilSummaryDto>[] = [
    {
      key: 'name',
      header: t('web.councils.field.name'),
      primary: true,
      cell: (c) => (
        <AnchorLink to="/hoi-dong/$councilId" params={{ councilId: c.id }} size="sm" fw={500} data-testid="council-open">
          {c.name}
        </AnchorLink>
      ),
    },
    { key: 'org', header: t('web.councils.field.org'), cell: (c) => c.orgName },
    { key: 'term', header: t('web.councils.field.term'), cell: (c) => t('web.councils.termLine', { term: c.termLabel, from: formatDate(c.termStartsOn) }) },
    { key: 'members', header: t('web.councils.field.members'), cell: (c) => t('web.councils.memberCount', { count: c.memberCount, max: c.maxMembers }) },
    { key: 'status', header: t('web.councils.field.status'), cell: (c) => <CouncilStatusBadge status={c.status} /> },
  ];

  return (
    <Stack gap="md">
      <PageHeader
        title={t('web.councils.list.title')}
        description={t('web.councils.list.description')}
        actions={
          organiser && (
            <Button size="md" leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setCreating(true)} data-testid="council-create">
              {t('web.councils.list.create')}
            </Button>
          )
        }
      />
      <Paper withBorder p="sm">
        <Grid gap="sm" role="search" aria-label={t('web.councils.list.filter')}>
          <Grid.Col span={{ base: 12, sm: 6, md: 5 }}>
            <OrgPicker label={t('web.councils.field.org')} value={search.orgId ?? null} onChange={(orgId) => update({ orgId: orgId ?? undefined })} clearable data-testid="council-org-filter" />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 3 }}>
            <ChoiceFilter label={t('web.councils.field.status')} options={COUNCIL_STATUSES} optionLabel={(s) => t(`web.councils.status.${s}`)} value={search.status} onChange={(status) => update({ status })} data-testid="council-status-filter" />
          </Grid.Col>
          <ClearFiltersCol active={search.orgId !== undefined || search.status !== undefined} onClear={() => void navigate({ search: {}, replace: true })} />
        </Grid>
      </Paper>
      <ErrorAlert error={list.error} />
      <div>
        <ResponsiveTable
          caption={t('web.councils.list.caption')}
          columns={columns}
          rows={list.data?.items ?? []}
          rowKey={(c) => c.id}
          loading={list.isPending}
          refreshing={list.isPlaceholderData}
          onRowClick={(c) => void navigate({ to: '/hoi-dong/$councilId', params: { councilId: c.id } })}
          empty={<Text component="span">{t('web.councils.list.empty')}</Text>}
          testId="council-table"
          rowTestId="council-row"
        />
        {list.data && <PaginationBar total={list.data.total} page={params.page} pageSize={params.pageSize} onPageChange={(page) => update({ page: page === 1 ? undefined : page }, true)} />}
      </div>
      {creating && <CouncilFormModal defaultOrgId={organiser?.orgId ?? null} onClose={() => setCreating(false)} onSaved={(c) => void navigate({ to: '/hoi-dong/$councilId', params: { councilId: c.id } })} />}
    </Stack>
  );
}
