import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import { LIMITS } from '../../../../contracts/limits';
import { useI18n } from '../../../lib/i18n';
import { useMe } from '../../../lib/session';
import { formatDate, formatNumber } from '../../../lib/format';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { PageHeader } from '../../../components/ui/page-header';
import { PaginationBar } from '../../../components/ui/pagination-bar';
import { batchExportUrl, useBatch, type BatchParams } from '../api/get-batch';
import { useAwardOptions } from '../api/list-award-options';
import { BatchFilters } from '../components/batch-filters';
import { BatchTable } from '../components/batch-table';
import { QuotaTable } from '../components/quota-table';
import { StatusFilter } from '../components/status-filter';
import { DEFAULT_TARGET, defaultYear, type EligibilitySearch } from './search';

const route = getRouteApi('/app/xet-dieu-kien');

/** `/xet-dieu-kien`: who in a unit can receive an award this year, and why (or why not). */
export function EligibilityPage() {
  const { t, locale } = useI18n();
  const me = useMe();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const awards = useAwardOptions();

  const orgId = search.orgId ?? me.scopeRoots[0]?.id ?? null;
  const target = search.target ?? DEFAULT_TARGET;
  const year = search.year ?? defaultYear();
  const params: BatchParams = {
    orgId: orgId ?? undefined,
    target,
    year,
    status: search.status,
    q: search.q,
    page: search.page ?? 1,
    pageSize: search.pageSize ?? LIMITS.pageSizeDefault,
  };
  const batch = useBatch(params);
  const award = awards.data?.find((a) => a.code === target);
  const awardName = award ? (locale === 'en' ? award.nameEn : award.nameVi) : target;

  const update = (patch: Partial<EligibilitySearch>, keepPage = false) =>
    void navigate({ search: (prev) => ({ ...prev, ...patch, ...(keepPage ? {} : { page: undefined }) }), replace: !keepPage });

  return (
    <Stack gap="md">
      <PageHeader
        title={t('web.elig.title')}
        description={t('web.elig.description')}
        actions={
          <Button component="a" href={batchExportUrl(params)} download variant="default" leftSection={<IconFileSpreadsheet size={16} aria-hidden />} data-testid="elig-export">
            {t('web.elig.export')}
          </Button>
        }
      />
      <Paper withBorder p="sm">
        <BatchFilters search={search} orgId={orgId} target={target} year={year} awards={awards.data} awardsLoading={awards.isPending} onChange={(patch) => update(patch)} />
      </Paper>
      <ErrorAlert error={awards.error ?? batch.error} />
      <Stack gap="xs">
        <Group justify="space-between" gap="xs" align="flex-end">
          <StatusFilter counts={batch.data?.counts} value={search.status} onChange={(status) => update({ status })} />
          {batch.data && (
            <Text size="sm" c="dimmed" data-testid="elig-summary">
              {t('web.elig.evaluatedLine', { award: awardName, year: batch.data.year, date: formatDate(batch.data.referenceDate), count: formatNumber(batch.data.evaluated) })}
            </Text>
          )}
        </Group>
        <BatchTable rows={batch.data?.items ?? []} target={target} year={year} loading={batch.isPending} refreshing={batch.isPlaceholderData} />
        {batch.data && (
          <PaginationBar
            total={batch.data.total}
            page={params.page}
            pageSize={params.pageSize}
            onPageChange={(page) => update({ page: page === 1 ? undefined : page }, true)}
            onPageSizeChange={(pageSize) => update({ pageSize })}
          />
        )}
      </Stack>
      {batch.data && <QuotaTable lines={batch.data.quota} />}
    </Stack>
  );
}
