import { Progress, Stack, Text, Tooltip } from '@mantine/core';
import { useT } from '../../../lib/i18n';
import { formatDate } from '../../../lib/format';
import { ResponsiveTable, type Column } from '../../../components/ui/responsive-table';
import { AnchorLink } from '../../../components/ui/links';
import type { RoundView } from '../api/rounds';
import { RoundStatusBadge } from './round-badges';

/** Sheets by status as a bar (verified share) with the four counts spelled out. */
export function RoundProgress({ counts }: { counts: RoundView['counts'] }) {
  const t = useT();
  const total = counts.DRAFT + counts.SUBMITTED + counts.RETURNED + counts.VERIFIED;
  const detail = t('web.scoring.progressDetail', { draft: counts.DRAFT, submitted: counts.SUBMITTED, returned: counts.RETURNED, verified: counts.VERIFIED });
  return (
    <Stack gap={2} miw={160} data-testid="round-progress">
      <Tooltip label={detail}>
        <Progress value={total === 0 ? 0 : (100 * counts.VERIFIED) / total} size="sm" color="teal" aria-label={detail} />
      </Tooltip>
      <Text size="xs">{t('web.scoring.progress', { verified: counts.VERIFIED, total })}</Text>
      <Text size="xs" c="dimmed">
        {detail}
      </Text>
    </Stack>
  );
}

export function RoundTable({ rows, loading, refreshing, onOpen }: { rows: RoundView[]; loading: boolean; refreshing: boolean; onOpen: (r: RoundView) => void }) {
  const t = useT();
  const columns: Column<RoundView>[] = [
    {
      key: 'title',
      header: t('web.scoring.field.title'),
      primary: true,
      cell: (r) => (
        <AnchorLink to="/cham-diem/$roundId" params={{ roundId: r.id }} size="sm" fw={500} data-testid="round-open">
          {r.title}
        </AnchorLink>
      ),
    },
    { key: 'organiser', header: t('web.scoring.field.organiser'), cell: (r) => r.orgName },
    { key: 'year', header: t('web.scoring.field.year'), cell: (r) => String(r.year) },
    { key: 'template', header: t('web.scoring.field.template'), cell: (r) => `${r.templateCode} · ${t('web.scoring.templates.versionN', { version: r.templateVersion })}` },
    { key: 'deadline', header: t('web.scoring.field.deadline'), cell: (r) => formatDate(r.deadline) },
    { key: 'progress', header: t('web.scoring.field.progress'), cell: (r) => <RoundProgress counts={r.counts} /> },
    { key: 'status', header: t('web.scoring.field.status'), cell: (r) => <RoundStatusBadge status={r.status} /> },
  ];
  return (
    <ResponsiveTable
      caption={t('web.scoring.rounds.caption')}
      columns={columns}
      rows={rows}
      rowKey={(r) => r.id}
      loading={loading}
      refreshing={refreshing}
      onRowClick={onOpen}
      empty={t('web.scoring.rounds.empty')}
      testId="round-table"
      rowTestId="round-row"
      minWidth={1000}
    />
  );
}
