import { Checkbox, Paper, Stack } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { LIMITS } from '../../../../contracts/limits';
import { useT } from '../../../lib/i18n';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { PageHeader } from '../../../components/ui/page-header';
import { PaginationBar } from '../../../components/ui/pagination-bar';
import { useSubmissions } from '../api/submissions';
import { SubmissionTable } from '../components/submission-table';
import type { AppraisalSearch } from './search';

const route = getRouteApi('/app/tham-dinh');

/** `/tham-dinh`: tờ trình waiting for the reader's appraisal, most urgent first (the server's order). */
export function AppraisalPage() {
  const t = useT();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const params = { box: 'INBOX' as const, overdue: search.overdue, page: search.page ?? 1, pageSize: search.pageSize ?? LIMITS.pageSizeDefault };
  const list = useSubmissions(params);
  const update = (patch: Partial<AppraisalSearch>, keepPage = false) =>
    void navigate({ search: (prev) => ({ ...prev, ...patch, ...(keepPage ? {} : { page: undefined }) }), replace: !keepPage });
  return (
    <Stack gap="md">
      <PageHeader title={t('web.nominations.appraisal.title')} description={t('web.nominations.appraisal.description')} />
      <Paper withBorder p="sm" role="search" aria-label={t('web.nominations.appraisal.filter')}>
        <Checkbox label={t('web.nominations.appraisal.overdueOnly')} checked={search.overdue === true} onChange={(e) => update({ overdue: e.currentTarget.checked ? true : undefined })} data-testid="appraisal-overdue" />
      </Paper>
      <ErrorAlert error={list.error} />
      <div>
        <SubmissionTable rows={list.data?.items ?? []} loading={list.isPending} refreshing={list.isPlaceholderData} empty={search.overdue ? t('web.nominations.appraisal.emptyOverdue') : t('web.nominations.appraisal.empty')} inbox />
        {list.data && (
          <PaginationBar total={list.data.total} page={params.page} pageSize={params.pageSize} onPageChange={(page) => update({ page: page === 1 ? undefined : page }, true)} onPageSizeChange={(pageSize) => update({ pageSize })} />
        )}
      </div>
    </Stack>
  );
}
