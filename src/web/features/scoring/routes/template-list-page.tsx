import { Grid, Paper, Select, Stack } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { LIMITS } from '../../../../contracts/limits';
import { TEMPLATE_STATUSES, type TemplateSummaryDto } from '../../../../contracts/scoring';
import { useT } from '../../../lib/i18n';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { PageHeader } from '../../../components/ui/page-header';
import { PaginationBar } from '../../../components/ui/pagination-bar';
import { useTemplates } from '../api/templates';
import { TemplateTable } from '../components/template-table';

const route = getRouteApi('/app/mau-cham-diem');
const ALL = 'all';

/** `/mau-cham-diem`: template versions (published and retired for everyone, drafts of the units in scope), paged. */
export function TemplateListPage() {
  const t = useT();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const page = search.page ?? 1;
  const pageSize = LIMITS.pageSizeDefault;
  const list = useTemplates({ status: search.status, page, pageSize });

  return (
    <Stack gap="md">
      <PageHeader title={t('web.scoring.templates.title')} description={t('web.scoring.templates.description')} />
      <Paper withBorder p="sm">
        <Grid gap="sm" role="search" aria-label={t('web.scoring.templates.filter')}>
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <Select
              label={t('web.scoring.field.status')}
              data={[{ value: ALL, label: t('web.common.all') }, ...TEMPLATE_STATUSES.map((s) => ({ value: s, label: t(`web.scoring.templates.status.${s}`) }))]}
              value={search.status ?? ALL}
              onChange={(v) => void navigate({ search: { status: v === null || v === ALL ? undefined : (v as TemplateSummaryDto['status']) }, replace: true })}
              allowDeselect={false}
              data-testid="template-status-filter"
            />
          </Grid.Col>
        </Grid>
      </Paper>
      <ErrorAlert error={list.error} />
      <div>
        <TemplateTable
          rows={list.data?.items ?? []}
          loading={list.isPending}
          refreshing={list.isPlaceholderData}
          onOpen={(x) => void navigate({ to: '/mau-cham-diem/$templateId', params: { templateId: x.id } })}
        />
        {list.data && (
          <PaginationBar total={list.data.total} page={page} pageSize={pageSize} onPageChange={(p) => void navigate({ search: (prev) => ({ ...prev, page: p === 1 ? undefined : p }) })} />
        )}
      </div>
    </Stack>
  );
}
