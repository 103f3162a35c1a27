import { useState } from 'react';
import { Button, Stack, Text } from '@mantine/core';
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
import { AnchorLink } from '../../../components/ui/links';
import { ResponsiveTable, type Column } from '../../../components/ui/responsive-table';
import { OrgStatusFilter } from '../../../components/ui/org-status-filter';
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
      <OrgStatusFilter
        label={t('web.councils.list.filter')}
        orgLabel={t('web.councils.field.org')}
        statusLabel={t('web.councils.field.status')}
        statuses={COUNCIL_STATUSES}
        statusName={(s) => t(`web.councils.status.${s}`)}
        orgId={search.orgId}
        status={search.status}
        onChange={update}
        onClear={() => void navigate({ search: {}, replace: true })}
        testIdPrefix="council"
      />
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
