import { useState } from 'react';
import { Button, Checkbox, Grid, Group, Stack, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { getRouteApi } from '@tanstack/react-router';
import { COMPLAINT_KINDS, COMPLAINT_STATUSES } from '../../../../contracts/complaints';
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
import { ExcelExportButton } from '../../../components/ui/excel-export-button';
import { ChoiceFilter } from '../../../components/ui/choice-filter';
import { useComplaints, type ComplaintSummaryDto } from '../api/complaints';
import { BlocksAwardBadge, ComplaintStatusBadge, DeadlineBadge } from '../components/badges';
import { CreateComplaintModal } from '../components/create-complaint-modal';
import type { ComplaintSearch } from './search';

const route = getRouteApi('/app/khieu-nai');
/** Roles that enter letters (the server decides; this only shows the button). */
const OFFICER_ROLES: readonly string[] = ['SYSTEM_ADMIN', 'TDKT_OFFICER'];

/** `/khieu-nai`: complaints, denunciations and petitions handled in the reader's scope, paged on the server (cards on a phone). */
export function ComplaintListPage() {
  const t = useT();
  const me = useMe();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const params = { orgId: search.orgId, status: search.status, kind: search.kind, mine: search.mine, page: search.page ?? 1, pageSize: LIMITS.pageSizeDefault };
  const list = useComplaints(params);
  const officer = me.roles.find((r) => OFFICER_ROLES.includes(r.role));
  const [creating, setCreating] = useState(false);
  const update = (patch: Partial<ComplaintSearch>, keepPage = false) =>
    void navigate({ search: (prev) => ({ ...prev, ...patch, ...(keepPage ? {} : { page: undefined }) }), replace: !keepPage });

  const columns: Column<ComplaintSummaryDto>[] = [
    {
      key: 'reference',
      header: t('web.complaints.field.reference'),
      primary: true,
      cell: (c) => (
        <AnchorLink to="/khieu-nai/$complaintId" params={{ complaintId: c.id }} size="sm" fw={500} data-testid="complaint-open" style={{ wordBreak: 'break-all' }}>
          {c.referenceCode}
        </AnchorLink>
      ),
    },
    { key: 'kind', header: t('web.complaints.field.kind'), cell: (c) => t(`web.complaints.kind.${c.kind}`) },
    { key: 'received', header: t('web.complaints.field.receivedOn'), cell: (c) => formatDate(c.receivedOn) },
    {
      key: 'subject',
      header: t('web.complaints.field.subject'),
      cell: (c) => (
        <Stack gap={4} align="flex-start">
          <Text size="sm" span>
            {c.subject?.name ?? '—'}
          </Text>
          {c.blocksAward && <BlocksAwardBadge />}
        </Stack>
      ),
    },
    { key: 'status', header: t('web.complaints.field.status'), cell: (c) => <ComplaintStatusBadge status={c.status} /> },
    { key: 'assignee', header: t('web.complaints.field.assignee'), cell: (c) => c.assignee?.name ?? '—' },
    { key: 'deadline', header: t('web.complaints.field.deadline'), cell: (c) => <DeadlineBadge resolveBy={c.resolveBy} status={c.status} /> },
  ];

  return (
    <Stack gap="md">
      <PageHeader
        title={t('web.complaints.list.title')}
        description={t('web.complaints.list.description')}
        actions={
          <Group gap="sm">
            <ExcelExportButton path="/complaints/export.xlsx" filters={{ orgId: search.orgId, status: search.status, kind: search.kind, mine: search.mine ? 'true' : undefined }} size="md" testId="complaint-export" />
            {officer && (
              <Button size="md" leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setCreating(true)} data-testid="complaint-create">
                {t('web.complaints.list.create')}
              </Button>
            )}
          </Group>
        }
      />
      <OrgStatusFilter
        label={t('web.complaints.list.filter')}
        orgLabel={t('web.complaints.field.org')}
        statusLabel={t('web.complaints.field.status')}
        statuses={COMPLAINT_STATUSES}
        statusName={(s) => t(`web.complaints.status.${s}`)}
        orgId={search.orgId}
        status={search.status}
        onChange={update}
        onClear={() => void navigate({ search: { ...(search.kind ? { kind: search.kind } : {}), ...(search.mine ? { mine: true } : {}) }, replace: true })}
        testIdPrefix="complaint"
      />
      <Grid gap="sm">
        <Grid.Col span={{ base: 12, sm: 4, md: 3 }}>
          <ChoiceFilter label={t('web.complaints.field.kind')} options={COMPLAINT_KINDS} optionLabel={(k) => t(`web.complaints.kind.${k}`)} value={search.kind} onChange={(kind) => update({ kind })} data-testid="complaint-kind-filter" />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 4, md: 3 }} style={{ display: 'flex', alignItems: 'flex-end' }}>
          <Checkbox
            label={t('web.complaints.list.mine')}
            checked={search.mine === true}
            onChange={(e) => {
              const checked = e.currentTarget.checked;
              update({ mine: checked ? true : undefined });
            }}
            data-testid="complaint-mine-filter"
          />
        </Grid.Col>
      </Grid>
      <ErrorAlert error={list.error} />
      <div>
        <ResponsiveTable
          caption={t('web.complaints.list.caption')}
          columns={columns}
          rows={list.data?.items ?? []}
          rowKey={(c) => c.id}
          loading={list.isPending}
          refreshing={list.isPlaceholderData}
          onRowClick={(c) => void navigate({ to: '/khieu-nai/$complaintId', params: { complaintId: c.id } })}
          empty={<Text component="span">{t('web.complaints.list.empty')}</Text>}
          testId="complaint-table"
          rowTestId="complaint-row"
        />
        {list.data && <PaginationBar total={list.data.total} page={params.page} pageSize={params.pageSize} onPageChange={(page) => update({ page: page === 1 ? undefined : page }, true)} />}
      </div>
      {creating && (
        <CreateComplaintModal
          defaultOrgId={search.orgId ?? officer?.orgId ?? null}
          onClose={() => setCreating(false)}
          onCreated={(c) => void navigate({ to: '/khieu-nai/$complaintId', params: { complaintId: c.id } })}
        />
      )}
    </Stack>
  );
}
