import { useState } from 'react';
import { Alert, Badge, Button, Group, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconChecks } from '@tabler/icons-react';
import { LIMITS } from '../../../../contracts/limits';
import type { CouncilResultsDto } from '../../../../contracts/scoring-council';
import { ApiError } from '../../../lib/api-client';
import { useT } from '../../../lib/i18n';
import { ActionModal } from '../../../components/ui/action-modal';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { PaginationBar } from '../../../components/ui/pagination-bar';
import { ResponsiveTable, type Column } from '../../../components/ui/responsive-table';
import { useCouncilResults, useFinalizeCouncil } from '../api/council';
import { points } from './round-badges';

type Item = CouncilResultsDto['items'][number];
type Mark = Item['marks'][number];
type ScorerStat = CouncilResultsDto['scorers'][number];

/** Means and SDs at two decimals (the server keeps four). */
const two = (value: number | null) => points(value === null ? null : Math.round(value * 100) / 100);
const z = (value: number) => value.toLocaleString('vi-VN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

function MarkLine({ mark, k }: { mark: Mark; k: number }) {
  const t = useT();
  const help = mark.outlier ? t('web.council.results.outlierHelp', { name: mark.scorerName, raw: points(mark.raw), others: two(mark.othersMean), k }) : null;
  return (
    <Stack gap={2} data-testid="council-result-mark" data-outlier={mark.outlier ? 'true' : 'false'}>
      <Group gap={6} wrap="wrap">
        <Text size="sm">{t('web.council.results.markLine', { name: mark.scorerName, raw: points(mark.raw), z: z(mark.z) })}</Text>
        {help && (
          <Tooltip label={help} multiline w={300} events={{ hover: true, focus: true, touch: true }}>
            <Badge color="red" variant="light" tabIndex={0} leftSection={<IconAlertTriangle size={12} aria-hidden />} style={{ textTransform: 'none' }} data-testid="council-outlier">
              {t('web.council.results.outlier')}
            </Badge>
          </Tooltip>
        )}
      </Group>
      {/* Said in words too, for phones and screen readers, where a tooltip is easy to miss. */}
      {help && (
        <Text size="xs" c="red.9">
          {help}
        </Text>
      )}
    </Stack>
  );
}

/** Per scorer statistics, per unit raw mean beside z mean with each mark, and finalisation (managers). */
export function CouncilResults({ roundId, version, canFinalize }: { roundId: number; version: number; canFinalize: boolean }) {
  const t = useT();
  const pageSize = LIMITS.pageSizeDefault;
  const [page, setPage] = useState(1);
  const [finalizing, setFinalizing] = useState(false);
  const results = useCouncilResults(roundId, page, pageSize, true);
  const finalize = useFinalizeCouncil(roundId);
  const r = results.data;
  const locked = results.error instanceof ApiError && results.error.status === 409;

  const scorerColumns: Column<ScorerStat>[] = [
    { key: 'name', header: t('web.council.progress.scorer'), primary: true, cell: (s) => s.displayName },
    { key: 'count', header: t('web.council.results.count'), cell: (s) => s.count },
    { key: 'mean', header: t('web.council.results.mean'), cell: (s) => two(s.mean) },
    { key: 'sd', header: t('web.council.results.sd'), cell: (s) => two(s.sd) },
  ];
  const unitColumns: Column<Item>[] = [
    { key: 'rank', header: t('web.council.results.rank'), width: 50, cell: (x) => (r ? r.items.indexOf(x) + 1 + (page - 1) * pageSize : '') },
    { key: 'unit', header: t('web.council.results.unit'), primary: true, cell: (x) => x.orgName ?? '—' },
    { key: 'count', header: t('web.council.results.marks'), cell: (x) => x.count },
    { key: 'raw', header: t('web.council.results.rawMean'), cell: (x) => <Text span fw={700} size="sm" data-testid="council-raw-mean">{two(x.rawMean)}</Text> },
    { key: 'z', header: t('web.council.results.zMean'), cell: (x) => <span data-testid="council-z-mean">{z(x.zMean)}</span> },
    {
      key: 'marks',
      header: t('web.council.results.detail'),
      cell: (x) => (
        <Stack gap={4}>
          {x.marks.map((m) => (
            <MarkLine key={m.scorerId} mark={m} k={r?.k ?? 2} />
          ))}
        </Stack>
      ),
    },
  ];

  return (
    <Stack gap="sm" component="section" aria-labelledby="council-results-title" data-testid="council-results">
      <Group justify="space-between" wrap="wrap">
        <Title order={2} fz="h4" id="council-results-title">
          {t('web.council.results.title')}
        </Title>
        {canFinalize && (
          <Button leftSection={<IconChecks size={16} aria-hidden />} onClick={() => { finalize.reset(); setFinalizing(true); }} disabled={!r || r.total === 0} data-testid="council-finalize">
            {t('web.council.finalize')}
          </Button>
        )}
      </Group>
      {locked ? (
        <Alert color="blue" variant="light" data-testid="council-results-locked">
          {t('web.council.results.locked')}
        </Alert>
      ) : (
        <ErrorAlert error={results.error} />
      )}
      {finalize.isSuccess && (
        <Alert color="teal" variant="light" role="status" data-testid="council-finalized">
          {t('web.council.finalize.done', { count: finalize.data.finalized })}
        </Alert>
      )}
      {!locked && (
        <>
          <Text size="sm" c="dimmed">
            {t('web.council.results.help')}
          </Text>
          <ResponsiveTable caption={t('web.council.results.scorersCaption')} columns={scorerColumns} rows={r?.scorers ?? []} rowKey={(s) => s.userId} loading={results.isPending} testId="council-scorer-stats" rowTestId="council-scorer-stat" />
          <div>
            <ResponsiveTable
              caption={t('web.council.results.unitsCaption')}
              columns={unitColumns}
              rows={r?.items ?? []}
              rowKey={(x) => x.sheetId}
              loading={results.isPending}
              refreshing={results.isPlaceholderData}
              empty={t('web.council.results.empty')}
              testId="council-results-table"
              rowTestId="council-results-row"
              minWidth={860}
            />
            {r && <PaginationBar total={r.total} page={page} pageSize={pageSize} onPageChange={setPage} />}
          </div>
        </>
      )}
      {finalizing && (
        <ActionModal
          title={t('web.council.finalize.title')}
          submitLabel={t('web.council.finalize')}
          onSubmit={() => finalize.mutate(version, { onSuccess: () => setFinalizing(false) })}
          submitting={finalize.isPending}
          error={finalize.error}
          confirmMessage={t('web.council.finalize.confirm')}
          onClose={() => setFinalizing(false)}
        >
          <Text size="sm">{t('web.council.finalize.text')}</Text>
        </ActionModal>
      )}
    </Stack>
  );
}
