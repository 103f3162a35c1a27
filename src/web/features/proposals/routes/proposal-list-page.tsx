import { Stack, Text } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { PROPOSAL_STATUSES } from '../../../../contracts/proposals';
import { LIMITS } from '../../../../contracts/limits';
import { useT } from '../../../lib/i18n';
import { formatDate } from '../../../lib/format';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { PageHeader } from '../../../components/ui/page-header';
import { ExcelExportButton } from '../../../components/ui/excel-export-button';
import { PaginationBar } from '../../../components/ui/pagination-bar';
import { AnchorLink } from '../../../components/ui/links';
import { ResponsiveTable, type Column } from '../../../components/ui/responsive-table';
import { OrgStatusFilter } from '../../../components/ui/org-status-filter';
import { useProposals, type ProposalSummaryDto } from '../api/proposals';
import { ProposalStatusBadge } from '../components/proposal-fields';
import type { ProposalSearch } from './search';

const route = getRouteApi('/app/de-xuat-nguoi-tot');

/** `/de-xuat-nguoi-tot`: "good person, good deed" proposals received in the reader's scope, those to review first, paged on the server. */
export function ProposalListPage() {
  const t = useT();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const params = { orgId: search.orgId, status: search.status, page: search.page ?? 1, pageSize: LIMITS.pageSizeDefault };
  const list = useProposals(params);
  const update = (patch: Partial<ProposalSearch>, keepPage = false) =>
    void navigate({ search: (prev) => ({ ...prev, ...patch, ...(keepPage ? {} : { page: undefined }) }), replace: !keepPage });

  const columns: Column<ProposalSummaryDto>[] = [
    {
      key: 'subject',
      header: t('web.proposals.field.subjectName'),
      primary: true,
      cell: (p) => (
        <AnchorLink to="/de-xuat-nguoi-tot/$proposalId" params={{ proposalId: p.id }} size="sm" fw={500} data-testid="proposal-open">
          {p.subjectName}
        </AnchorLink>
      ),
    },
    { key: 'unit', header: t('web.proposals.field.subjectUnit'), cell: (p) => p.subjectUnit ?? '—' },
    { key: 'org', header: t('web.proposals.field.org'), cell: (p) => p.orgName },
    { key: 'proposer', header: t('web.proposals.field.proposer'), cell: (p) => `${p.proposer.name} · ${t(`web.proposals.channel.${p.channel}`)}` },
    { key: 'received', header: t('web.proposals.field.receivedOn'), cell: (p) => formatDate(p.receivedOn) },
    { key: 'status', header: t('web.proposals.field.status'), cell: (p) => <ProposalStatusBadge status={p.status} /> },
  ];

  return (
    <Stack gap="md">
      <PageHeader
        title={t('web.proposals.list.title')}
        description={t('web.proposals.list.description')}
        actions={<ExcelExportButton path="/good-deeds/export.xlsx" filters={{ orgId: search.orgId, status: search.status }} size="md" testId="proposal-export" />}
      />
      <OrgStatusFilter
        label={t('web.proposals.list.filter')}
        orgLabel={t('web.proposals.field.org')}
        statusLabel={t('web.proposals.field.status')}
        statuses={PROPOSAL_STATUSES}
        statusName={(s) => t(`web.proposals.status.${s}`)}
        orgId={search.orgId}
        status={search.status}
        onChange={update}
        onClear={() => void navigate({ search: {}, replace: true })}
        testIdPrefix="proposal"
      />
      <ErrorAlert error={list.error} />
      <div>
        <ResponsiveTable
          caption={t('web.proposals.list.caption')}
          columns={columns}
          rows={list.data?.items ?? []}
          rowKey={(p) => p.id}
          loading={list.isPending}
          refreshing={list.isPlaceholderData}
          onRowClick={(p) => void navigate({ to: '/de-xuat-nguoi-tot/$proposalId', params: { proposalId: p.id } })}
          empty={<Text component="span">{t('web.proposals.list.empty')}</Text>}
          testId="proposal-table"
          rowTestId="proposal-row"
        />
        {list.data && <PaginationBar total={list.data.total} page={params.page} pageSize={params.pageSize} onPageChange={(page) => update({ page: page === 1 ? undefined : page }, true)} />}
      </div>
    </Stack>
  );
}
