import { useState } from 'react';
import { Button, Group, Stack, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { getRouteApi } from '@tanstack/react-router';
import { CEREMONY_STATUSES } from '../../../../contracts/ceremonies';
import { LIMITS } from '../../../../contracts/limits';
import { useT } from '../../../lib/i18n';
import { useMe } from '../../../lib/session';
import { formatDateTime } from '../../../lib/format';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { PageHeader } from '../../../components/ui/page-header';
import { ExcelExportButton } from '../../../components/ui/excel-export-button';
import { PaginationBar } from '../../../components/ui/pagination-bar';
import { AnchorLink } from '../../../components/ui/links';
import { ResponsiveTable, type Column } from '../../../components/ui/responsive-table';
import { OrgStatusFilter } from '../../../components/ui/org-status-filter';
import { useCeremonies, type CeremonySummaryDto } from '../api/ceremonies';
import { CeremonyStatusBadge } from '../components/badges';
import { CreateCeremonyModal } from '../components/create-ceremony-modal';
import type { CeremonySearch } from './search';

const route = getRouteApi('/app/le-trao-tang');
/** Roles that plan ceremonies (the server decides; this only shows the button). */
const OFFICER_ROLES: readonly string[] = ['SYSTEM_ADMIN', 'TDKT_OFFICER'];

/** `/le-trao-tang`: the award ceremonies of the reader's organisations, paged on the server (cards on a phone). */
export function CeremonyListPage() {
  const t = useT();
  const me = useMe();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const params = { orgId: search.orgId, status: search.status, page: search.page ?? 1, pageSize: LIMITS.pageSizeDefault };
  const list = useCeremonies(params);
  const officer = me.roles.find((r) => OFFICER_ROLES.includes(r.role));
  const [creating, setCreating] = useState(false);
  const update = (patch: Partial<CeremonySearch>, keepPage = false) =>
    void navigate({ search: (prev) => ({ ...prev, ...patch, ...(keepPage ? {} : { page: undefined }) }), replace: !keepPage });

  const columns: Column<CeremonySummaryDto>[] = [
    {
      key: 'title',
      header: t('web.ceremonies.field.title'),
      primary: true,
      cell: (c) => (
        <AnchorLink to="/le-trao-tang/$ceremonyId" params={{ ceremonyId: c.id }} size="sm" fw={500} data-testid="ceremony-open">
          {c.title}
        </AnchorLink>
      ),
    },
    { key: 'when', header: t('web.ceremonies.field.when'), cell: (c) => formatDateTime(c.heldAt) },
    { key: 'place', header: t('web.ceremonies.field.place'), cell: (c) => c.place },
    { key: 'org', header: t('web.ceremonies.field.org'), cell: (c) => c.orgName },
    { key: 'recipients', header: t('web.ceremonies.field.recipients'), cell: (c) => t('web.ceremonies.list.recipients', { total: c.counts.total, groups: c.counts.groups }) },
    { key: 'status', header: t('web.ceremonies.field.status'), cell: (c) => <CeremonyStatusBadge status={c.status} /> },
  ];

  return (
    <Stack gap="md">
      <PageHeader
        title={t('web.ceremonies.list.title')}
        description={t('web.ceremonies.list.description')}
        actions={
          <Group gap="sm">
            <ExcelExportButton path="/ceremonies/export.xlsx" filters={{ orgId: search.orgId, status: search.status }} size="md" testId="ceremony-export" />
            {officer && (
              <Button size="md" leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setCreating(true)} data-testid="ceremony-create">
                {t('web.ceremonies.list.create')}
              </Button>
            )}
          </Group>
        }
      />
      <OrgStatusFilter
        label={t('web.ceremonies.list.filter')}
        orgLabel={t('web.ceremonies.field.org')}
        statusLabel={t('web.ceremonies.field.status')}
        statuses={CEREMONY_STATUSES}
        statusName={(s) => t(`web.ceremonies.status.${s}`)}
        orgId={search.orgId}
        status={search.status}
        onChange={update}
        onClear={() => void navigate({ search: {}, replace: true })}
        testIdPrefix="ceremony"
      />
      <ErrorAlert error={list.error} />
      <div>
        <ResponsiveTable
          caption={t('web.ceremonies.list.caption')}
          columns={columns}
          rows={list.data?.items ?? []}
          rowKey={(c) => c.id}
          loading={list.isPending}
          refreshing={list.isPlaceholderData}
          onRowClick={(c) => void navigate({ to: '/le-trao-tang/$ceremonyId', params: { ceremonyId: c.id } })}
          empty={<Text component="span">{t('web.ceremonies.list.empty')}</Text>}
          testId="ceremony-table"
          rowTestId="ceremony-row"
        />
        {list.data && <PaginationBar total={list.data.total} page={params.page} pageSize={params.pageSize} onPageChange={(page) => update({ page: page === 1 ? undefined : page }, true)} />}
      </div>
      {creating && (
        <CreateCeremonyModal
          defaultOrgId={search.orgId ?? officer?.orgId ?? null}
          onClose={() => setCreating(false)}
          onCreated={(c) => void navigate({ to: '/le-trao-tang/$ceremonyId', params: { ceremonyId: c.id } })}
        />
      )}
    </Stack>
  );
}
