import { useState } from 'react';
import { Alert, Badge, Button, Grid, Group, Select, Stack, Text } from '@mantine/core';
import { IconDownload, IconSpeakerphone } from '@tabler/icons-react';
import { LIMITS } from '../../../../contracts/limits';
import type { ResultRowDto } from '../../../../contracts/scoring';
import { ApiError } from '../../../lib/api-client';
import { useT } from '../../../lib/i18n';
import { formatDate } from '../../../lib/format';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { PaginationBar } from '../../../components/ui/pagination-bar';
import { AnchorLink } from '../../../components/ui/links';
import { ResponsiveTable, type Column } from '../../../components/ui/responsive-table';
import type { RoundView } from '../api/rounds';
import { resultsXlsxUrl, useRoundClusters, useRoundResults } from '../api/results';
import { decidedByLabel, LevelBadge, points, SheetStatusBadge, tieBreakLabel } from './round-badges';
import { ResultsPublishModal } from './results-publish-modal';
import { ResultsDistribution } from './results-distribution';

const ALL = 'all';

interface ResultsPanelProps {
  round: RoundView;
  clusterId: number | undefined;
  page: number;
  onFilter: (patch: { clusterId?: number; page?: number }) => void;
}

/** "Kết quả": the ranking (whole round or one cluster), its export, publication and the distribution. */
export function ResultsPanel({ round, clusterId, page, onFilter }: ResultsPanelProps) {
  const t = useT();
  const pageSize = LIMITS.pageSizeDefault;
  const results = useRoundResults(round.id, { clusterId, page, pageSize });
  const clusters = useRoundClusters(round.year, round.orgId);
  const [publishing, setPublishing] = useState(false);
  const r = results.data;
  const published = r?.roundStatus === 'PUBLISHED' || round.status === 'PUBLISHED';
  // A scored unit reads the results only once they are published: until then the server answers 404.
  const notYet = !published && results.error instanceof ApiError && results.error.code === 'NOT_FOUND';

  if (notYet) {
    return (
      <Alert color="blue" variant="light" data-testid="results-not-yet">
        {t('web.scoring.results.notYet')}
      </Alert>
    );
  }

  const columns: Column<ResultRowDto>[] = [
    { key: 'rank', header: t('web.scoring.results.rank'), width: 70, cell: (x) => (x.rank === null ? <Text span size="sm" c="dimmed">{t('web.scoring.results.notRanked')}</Text> : <Text span fw={700}>{x.rank}</Text>) },
    {
      key: 'unit',
      header: t('web.scoring.results.unit'),
      primary: true,
      cell: (x) => (
        <AnchorLink to="/cham-diem/phieu/$sheetId" params={{ sheetId: x.sheetId }} size="sm" fw={500} data-testid="result-open">
          {x.orgName ?? '—'}
        </AnchorLink>
      ),
    },
    { key: 'status', header: t('web.scoring.field.status'), cell: (x) => <SheetStatusBadge status={x.status} /> },
    { key: 'verified', header: t('web.scoring.sheets.verified'), cell: (x) => points(x.verifiedTotal) },
    { key: 'classification', header: t('web.scoring.sheets.classification'), cell: (x) => <LevelBadge level={x.classification} /> },
    { key: 'decidedBy', header: t('web.scoring.results.decidedBy'), cell: (x) => decidedByLabel(t, x.decidedBy) || '—' },
  ];

  return (
    <Stack gap="md">
      <Grid gap="sm" align="flex-end">
        <Grid.Col span={{ base: 12, sm: 5 }}>
          <Select
            label={t('web.scoring.results.filter')}
            data={[{ value: ALL, label: t('web.scoring.results.wholeRound') }, ...(clusters.data?.items ?? []).map((c) => ({ value: String(c.id), label: c.name }))]}
            value={clusterId === undefined ? ALL : String(clusterId)}
            onChange={(v) => onFilter({ clusterId: v === null || v === ALL ? undefined : Number(v), page: undefined })}
            allowDeselect={false}
            data-testid="results-cluster"
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 7 }}>
          <Group gap="xs" justify="flex-end">
            {published && r?.publishedAt && (
              <Badge color="teal" size="lg" variant="light" style={{ textTransform: 'none' }} data-testid="results-published">
                {t('web.scoring.results.published', { date: formatDate(r.publishedAt) })}
              </Badge>
            )}
            <Button component="a" href={resultsXlsxUrl(round.id, clusterId)} variant="default" leftSection={<IconDownload size={16} aria-hidden />} data-testid="results-export">
              {t('web.scoring.results.export')}
            </Button>
            {r?.abilities.includes('round.publish') && !published && (
              <Button leftSection={<IconSpeakerphone size={16} aria-hidden />} onClick={() => setPublishing(true)} data-testid="results-publish">
                {t('web.scoring.results.publish')}
              </Button>
            )}
          </Group>
        </Grid.Col>
      </Grid>
      {r && (
        <Text size="sm" c="dimmed" data-testid="results-tie-breaks">
          {r.tieBreaks.length === 0 ? t('web.scoring.results.noTieBreaks') : t('web.scoring.results.tieBreaks', { list: r.tieBreaks.map((x) => tieBreakLabel(t, x)).join(' → ') })}
        </Text>
      )}
      <ErrorAlert error={results.error} />
      <div>
        <ResponsiveTable
          caption={t('web.scoring.results.caption')}
          columns={columns}
          rows={r?.items ?? []}
          rowKey={(x) => x.sheetId}
          loading={results.isPending}
          refreshing={results.isPlaceholderData}
          empty={t('web.scoring.results.empty')}
          testId="results-table"
          rowTestId="results-row"
          minWidth={860}
        />
        {r && <PaginationBar total={r.total} page={page} pageSize={pageSize} onPageChange={(p) => onFilter({ clusterId, page: p === 1 ? undefined : p })} />}
      </div>
      <ResultsDistribution roundId={round.id} />
      {publishing && r && <ResultsPublishModal roundId={round.id} roundTitle={round.title} version={r.roundVersion} onClose={() => setPublishing(false)} />}
    </Stack>
  );
}
