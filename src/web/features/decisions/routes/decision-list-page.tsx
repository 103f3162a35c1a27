import { useState } from 'react';
import { Button, Group, Stack, Text } from '@mantine/core';
import { IconCoins, IconPlus } from '@tabler/icons-react';
import { getRouteApi } from '@tanstack/react-router';
import { DECISION_STATUSES } from '../../../../contracts/decisions';
import { LIMITS } from '../../../../contracts/limits';
import { useT } from '../../../lib/i18n';
import { useMe } from '../../../lib/session';
import { formatDate } from '../../../lib/format';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { PageHeader } from '../../../components/ui/page-header';
import { PaginationBar } from '../../../components/ui/pagination-bar';
import { AnchorLink, ButtonLink } from '../../../components/ui/links';
import { ResponsiveTable, type Column } from '../../../components/ui/responsive-table';
import { OrgStatusFilter } from '../../../components/ui/org-status-filter';
import { ExcelExportButton } from '../../../components/ui/excel-export-button';
import { useDecisions, type DecisionSummaryDto } from '../api/decisions';
import { DecisionStatusBadge, useMoney } from '../components/badges';
import { CreateDecisionModal } from '../components/create-decision-modal';
import type { DecisionSearch } from './search';

const route = getRouteApi('/app/quyet-dinh');
/** Roles that draw up decisions (the server decides; this only shows the button). */
const OFFICER_ROLES: readonly string[] = ['SYSTEM_ADMIN', 'TDKT_OFFICER'];

/** `/quyet-dinh`: the award decisions of the reader's organisations, paged on the server. */
export function DecisionListPage() {
  const t = useT();
  const me = useMe();
  const money = useMoney();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const params = { orgId: search.orgId, status: search.status, page: search.page ?? 1, pageSize: LIMITS.pageSizeDefault };
  const list = useDecisions(params);
  const officer = me.roles.find((r) => OFFICER_ROLES.includes(r.role));
  const [creating, setCreating] = useState(search.meetingId !== undefined && officer !== undefined);
  const update = (patch: Partial<DecisionSearch>, keepPage = false) =>
    void navigate({ search: (prev) => ({ ...prev, ...patch, ...(keepPage ? {} : { page: undefined }) }), replace: !keepPage });

  const columns: Column<DecisionSummaryDto>[] = [
    {
      key: 'number',
      header: t('web.decisions.field.number'),
      primary: true,
      cell: (d) => (
        <AnchorLink to="/quyet-dinh/$decisionId" params={{ decisionId: d.id }} size="sm" fw={500} data-testid="decision-open">
          {d.numberText ?? t('web.decisions.page.draftNumber')}
        </AnchorLink>
      ),
    },
    { key: 'date', header: t('web.decisions.field.date'), cell: (d) => formatDate(d.signedOn) },
    { key: 'subject', header: t('web.decisions.field.subject'), cell: (d) => d.subject },
    { key: 'org', header: t('web.decisions.field.org'), cell: (d) => d.orgName },
    { key: 'lines', header: t('web.decisions.field.lines'), cell: (d) => d.itemCount },
    { key: 'total', header: t('web.decisions.field.total'), cell: (d) => money(d.totalVnd) },
    { key: 'status', header: t('web.decisions.field.status'), cell: (d) => <DecisionStatusBadge status={d.status} /> },
  ];

  return (
    <Stack gap="md">
      <PageHeader
        title={t('web.decisions.list.title')}
        description={t('web.decisions.list.description')}
        actions={
          <Group gap="sm">
            <ButtonLink to="/quy-thi-dua" size="md" variant="default" leftSection={<IconCoins size={18} aria-hidden />} data-testid="decision-fund-link">
              {t('web.decisions.fund.link')}
            </ButtonLink>
            <ExcelExportButton path="/decisions/export.xlsx" filters={{ orgId: search.orgId, status: search.status }} size="md" testId="decision-export" />
            {officer && (
              <Button size="md" leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setCreating(true)} data-testid="decision-create">
                {t('web.decisions.list.create')}
              </Button>
            )}
          </Group>
        }
      />
      <OrgStatusFilter
        label={t('web.decisions.list.filter')}
        orgLabel={t('web.decisions.field.org')}
        statusLabel={t('web.decisions.field.status')}
        statuses={DECISION_STATUSES}
        statusName={(s) => t(`web.decisions.status.${s}`)}
        orgId={search.orgId}
        status={search.status}
        onChange={update}
        onClear={() => void navigate({ search: {}, replace: true })}
        testIdPrefix="decision"
      />
      <ErrorAlert error={list.error} />
      <div>
        <ResponsiveTable
          caption={t('web.decisions.list.caption')}
          columns={columns}
          rows={list.data?.items ?? []}
          rowKey={(d) => d.id}
          loading={list.isPending}
          refreshing={list.isPlaceholderData}
          onRowClick={(d) => void navigate({ to: '/quyet-dinh/$decisionId', params: { decisionId: d.id } })}
          empty={<Text component="span">{t('web.decisions.list.empty')}</Text>}
          testId="decision-table"
          rowTestId="decision-row"
        />
        {list.data && <PaginationBar total={list.data.total} page={params.page} pageSize={params.pageSize} onPageChange={(page) => update({ page: page === 1 ? undefined : page }, true)} />}
      </div>
      {creating && (
        <CreateDecisionModal
          defaultOrgId={search.orgId ?? officer?.orgId ?? null}
          defaultMeetingId={search.meetingId}
          onClose={() => {
            setCreating(false);
            if (search.meetingId !== undefined) update({ meetingId: undefined }, true);
          }}
          onCreated={(d) => void navigate({ to: '/quyet-dinh/$decisionId', params: { decisionId: d.id } })}
        />
      )}
    </Stack>
  );
}
