import { Badge, Grid, Paper, Stack, Text } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import type { RequestDto } from '../../../../contracts/cascade';
import { useT } from '../../../lib/i18n';
import { formatDate } from '../../../lib/format';
import { AnchorLink } from '../../../components/ui/links';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { PageHeader } from '../../../components/ui/page-header';
import { ExcelExportButton } from '../../../components/ui/excel-export-button';
import { YearFilter } from '../../../components/ui/year-filter';
import { PaginationBar } from '../../../components/ui/pagination-bar';
import { ResponsiveTable, type Column } from '../../../components/ui/responsive-table';
import { useRequests } from '../api/requests';
import type { RequestListSearch } from './search';

const route = getRouteApi('/app/yeu-cau');


/** `/yeu-cau`: requests issued in the user's scope with how many units have answered. */
export function RequestListPage() {
  const t = useT();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const params = { year: search.year, page: search.page ?? 1, pageSize: search.pageSize ?? 25 };
  const list = useRequests(params);
  const update = (patch: Partial<RequestListSearch>, keepPage = false) =>
    void navigate({ search: (prev) => ({ ...prev, ...patch, ...(keepPage ? {} : { page: undefined }) }), replace: !keepPage });

  const columns: Column<RequestDto>[] = [
    {
      key: 'title',
      header: t('web.cascade.requests.titleCol'),
      primary: true,
      cell: (r) => (
        <AnchorLink to="/yeu-cau/$requestId" params={{ requestId: r.id }} size="sm" fw={500} data-testid="request-open">
          {r.title}
        </AnchorLink>
      ),
    },
    { key: 'issuer', header: t('web.cascade.requests.issuer'), cell: (r) => r.issuerName },
    { key: 'kind', header: t('web.cascade.requests.kind'), cell: (r) => t(`web.cascade.requests.kind.${r.responseKind}`) },
    { key: 'deadline', header: t('web.cascade.requests.deadline'), cell: (r) => formatDate(r.deadline) },
    {
      key: 'progress',
      header: t('web.cascade.requests.progress'),
      cell: (r) => (
        <Stack gap={2}>
          <Text size="sm">{t('web.cascade.requests.progressValue', { done: r.summary.onTime + r.summary.late, total: r.summary.total })}</Text>
          {r.summary.missing > 0 && (
            <Badge color="red" variant="light" style={{ textTransform: 'none' }}>
              {t('web.cascade.request.summary.missing')}: {r.summary.missing}
            </Badge>
          )}
        </Stack>
      ),
    },
  ];

  return (
    <Stack gap="md">
      <PageHeader
        title={t('web.cascade.requests.title')}
        description={t('web.cascade.requests.description')}
        actions={<ExcelExportButton path="/requests/export.xlsx" filters={{ year: search.year }} size="md" testId="request-export" />}
      />
      <Paper withBorder p="sm">
        <Grid gap="sm" role="search" aria-label={t('web.cascade.requests.year')}>
          <Grid.Col span={{ base: 6, sm: 4, md: 3 }}>
            <YearFilter label={t('web.cascade.requests.year')} value={search.year} onChange={(year) => update({ year })} data-testid="request-year" />
          </Grid.Col>
        </Grid>
      </Paper>
      <ErrorAlert error={list.error} />
      <div>
        <ResponsiveTable
          caption={t('web.cascade.requests.caption')}
          columns={columns}
          rows={list.data?.items ?? []}
          rowKey={(r) => r.id}
          loading={list.isPending}
          refreshing={list.isPlaceholderData}
          onRowClick={(r) => void navigate({ to: '/yeu-cau/$requestId', params: { requestId: r.id } })}
          empty={t('web.cascade.requests.empty')}
          testId="request-table"
          rowTestId="request-row"
          minWidth={800}
        />
        {list.data && (
          <PaginationBar total={list.data.total} page={params.page} pageSize={params.pageSize} onPageChange={(page) => update({ page: page === 1 ? undefined : page }, true)} onPageSizeChange={(pageSize) => update({ pageSize })} />
        )}
      </div>
    </Stack>
  );
}
