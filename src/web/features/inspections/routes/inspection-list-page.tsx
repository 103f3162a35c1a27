import { useState } from 'react';
import { Button, Grid, Stack, Tabs, Text } from '@mantine/core';
import { IconAlarm, IconListCheck, IconPlus } from '@tabler/icons-react';
import { getRouteApi } from '@tanstack/react-router';
import { INSPECTION_STATUSES } from '../../../../contracts/inspections';
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
import { YearFilter } from '../../../components/ui/year-filter';
import { ExcelExportButton } from '../../../components/ui/excel-export-button';
import { useInspections, useRecommendations, type InspectionSummaryDto, type RecommendationDto } from '../api/inspections';
import { DueBadge, InspectionStatusBadge, RecommendationCounts } from '../components/badges';
import { CreateInspectionModal } from '../components/create-inspection-modal';
import type { InspectionSearch } from './search';

const route = getRouteApi('/app/kiem-tra');
/** Roles that plan inspections (the server decides; this only shows the button). */
const OFFICER_ROLES: readonly string[] = ['SYSTEM_ADMIN', 'TDKT_OFFICER'];

/** `/kiem-tra`: the plan of inspections and supervisions in the reader's scope, and the overdue recommendations. */
export function InspectionListPage() {
  const t = useT();
  const me = useMe();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const officer = me.roles.find((r) => OFFICER_ROLES.includes(r.role));
  const [creating, setCreating] = useState(false);
  const tab = search.tab ?? 'plan';

  return (
    <Stack gap="md">
      <PageHeader
        title={t('web.inspections.list.title')}
        description={t('web.inspections.list.description')}
        actions={
          officer && (
            <Button size="md" leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setCreating(true)} data-testid="inspection-create">
              {t('web.inspections.list.create')}
            </Button>
          )
        }
      />
      <Tabs value={tab} onChange={(v) => void navigate({ search: v === 'overdue' ? { tab: 'overdue' } : {}, replace: true })} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="plan" leftSection={<IconListCheck size={16} aria-hidden />} data-testid="inspection-tab-plan">
            {t('web.inspections.list.tabPlan')}
          </Tabs.Tab>
          <Tabs.Tab value="overdue" leftSection={<IconAlarm size={16} aria-hidden />} data-testid="inspection-tab-overdue">
            {t('web.inspections.list.tabOverdue')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="plan" pt="md">
          <PlanPanel search={search} />
        </Tabs.Panel>
        <Tabs.Panel value="overdue" pt="md">
          <OverduePanel page={search.page ?? 1} />
        </Tabs.Panel>
      </Tabs>
      {creating && (
        <CreateInspectionModal
          defaultOrgId={search.orgId ?? officer?.orgId ?? null}
          onClose={() => setCreating(false)}
          onCreated={(i) => void navigate({ to: '/kiem-tra/$inspectionId', params: { inspectionId: i.id } })}
        />
      )}
    </Stack>
  );
}

function PlanPanel({ search }: { search: InspectionSearch }) {
  const t = useT();
  const navigate = route.useNavigate();
  const params = { orgId: search.orgId, year: search.year, status: search.status, page: search.page ?? 1, pageSize: LIMITS.pageSizeDefault };
  const list = useInspections(params);
  const update = (patch: Partial<InspectionSearch>, keepPage = false) =>
    void navigate({ search: (prev) => ({ ...prev, ...patch, ...(keepPage ? {} : { page: undefined }) }), replace: !keepPage });

  const columns: Column<InspectionSummaryDto>[] = [
    {
      key: 'target',
      header: t('web.inspections.field.target'),
      primary: true,
      cell: (i) => (
        <AnchorLink to="/kiem-tra/$inspectionId" params={{ inspectionId: i.id }} size="sm" fw={500} data-testid="inspection-open">
          {i.targetOrgName}
        </AnchorLink>
      ),
    },
    { key: 'kind', header: t('web.inspections.field.kind'), cell: (i) => t(`web.inspections.kind.${i.kind}`) },
    {
      key: 'topic',
      header: t('web.inspections.field.topic'),
      cell: (i) => (
        <Text size="sm" span style={{ wordBreak: 'break-word' }} data-testid="inspection-topic">
          {i.topic}
        </Text>
      ),
    },
    { key: 'planned', header: t('web.inspections.field.plannedOn'), cell: (i) => formatDate(i.plannedOn) },
    { key: 'status', header: t('web.inspections.field.status'), cell: (i) => <InspectionStatusBadge status={i.status} /> },
    { key: 'counts', header: t('web.inspections.field.counts'), cell: (i) => (i.status === 'DONE' ? <RecommendationCounts counts={i.counts} /> : '—') },
  ];

  return (
    <Stack gap="md">
      <OrgStatusFilter
        label={t('web.inspections.list.filter')}
        orgLabel={t('web.inspections.field.org')}
        statusLabel={t('web.inspections.field.status')}
        statuses={INSPECTION_STATUSES}
        statusName={(s) => t(`web.inspections.status.${s}`)}
        orgId={search.orgId}
        status={search.status}
        onChange={update}
        onClear={() => void navigate({ search: search.year ? { year: search.year } : {}, replace: true })}
        testIdPrefix="inspection"
      />
      <Grid gap="sm">
        <Grid.Col span={{ base: 12, sm: 4, md: 3 }}>
          <YearFilter label={t('web.inspections.field.year')} value={search.year} onChange={(year) => update({ year })} data-testid="inspection-year" />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 'content' }} style={{ display: 'flex', alignItems: 'flex-end' }}>
          <ExcelExportButton path="/inspections/export.xlsx" filters={{ orgId: search.orgId, year: search.year, status: search.status }} testId="inspection-export" />
        </Grid.Col>
      </Grid>
      <ErrorAlert error={list.error} />
      <div>
        <ResponsiveTable
          caption={t('web.inspections.list.caption')}
          columns={columns}
          rows={list.data?.items ?? []}
          rowKey={(i) => i.id}
          loading={list.isPending}
          refreshing={list.isPlaceholderData}
          onRowClick={(i) => void navigate({ to: '/kiem-tra/$inspectionId', params: { inspectionId: i.id } })}
          empty={<Text component="span">{t('web.inspections.list.empty')}</Text>}
          testId="inspection-table"
          rowTestId="inspection-row"
        />
        {list.data && <PaginationBar total={list.data.total} page={params.page} pageSize={params.pageSize} onPageChange={(page) => update({ page: page === 1 ? undefined : page }, true)} />}
      </div>
    </Stack>
  );
}

function OverduePanel({ page }: { page: number }) {
  const t = useT();
  const navigate = route.useNavigate();
  const params = { overdue: 'true' as const, page, pageSize: LIMITS.pageSizeDefault };
  const list = useRecommendations(params);

  const columns: Column<RecommendationDto>[] = [
    {
      key: 'target',
      header: t('web.inspections.field.target'),
      primary: true,
      cell: (r) => (
        <Text size="sm" fw={500} span>
          {r.targetOrgName}
        </Text>
      ),
    },
    {
      key: 'text',
      header: t('web.inspections.field.recommendation'),
      cell: (r) => (
        <Text size="sm" span style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }} data-testid="overdue-text">
          {r.text}
        </Text>
      ),
    },
    {
      key: 'due',
      header: t('web.inspections.field.dueOn'),
      cell: (r) => (
        <Stack gap={4} align="flex-start">
          <Text size="sm" span>
            {formatDate(r.dueOn)}
          </Text>
          <DueBadge r={r} />
        </Stack>
      ),
    },
    {
      key: 'inspection',
      header: t('web.inspections.field.inspection'),
      cell: (r) => (
        <AnchorLink to="/kiem-tra/$inspectionId" params={{ inspectionId: r.inspectionId }} size="sm" data-testid="overdue-open">
          {t('web.inspections.overdue.open')}
        </AnchorLink>
      ),
    },
  ];

  return (
    <Stack gap="md">
      <Text size="sm">{t('web.inspections.overdue.description')}</Text>
      <ErrorAlert error={list.error} />
      <div>
        <ResponsiveTable
          caption={t('web.inspections.overdue.caption')}
          columns={columns}
          rows={list.data?.items ?? []}
          rowKey={(r) => r.id}
          loading={list.isPending}
          refreshing={list.isPlaceholderData}
          empty={<Text component="span">{t('web.inspections.overdue.empty')}</Text>}
          testId="overdue-table"
          rowTestId="overdue-row"
        />
        {list.data && <PaginationBar total={list.data.total} page={params.page} pageSize={params.pageSize} onPageChange={(p) => void navigate({ search: (prev) => ({ ...prev, page: p === 1 ? undefined : p }) })} />}
      </div>
    </Stack>
  );
}
