import { Badge, Text } from '@mantine/core';
import { useT } from '../../../lib/i18n';
import { formatDate } from '../../../lib/format';
import { ResponsiveTable, type Column } from '../../../components/ui/responsive-table';
import { AnchorLink } from '../../../components/ui/links';
import type { NominationRoundDto } from '../api/rounds';

const ROUND_COLORS: Record<NominationRoundDto['status'], string> = { OPEN: 'blue', CLOSED: 'gray', CANCELLED: 'red' };

export function RoundStatusBadge({ status }: { status: NominationRoundDto['status'] }) {
  const t = useT();
  return (
    <Badge color={ROUND_COLORS[status]} variant="light" style={{ textTransform: 'none', maxWidth: 'none', flexShrink: 0 }} styles={{ label: { overflow: 'visible' } }} data-testid="nround-status" data-status={status}>
      {t(`web.nominations.round.status.${status}`)}
    </Badge>
  );
}

export function RoundTable({ rows, loading, refreshing, onOpen }: { rows: NominationRoundDto[]; loading: boolean; refreshing: boolean; onOpen: (r: NominationRoundDto) => void }) {
  const t = useT();
  const columns: Column<NominationRoundDto>[] = [
    {
      key: 'title',
      header: t('web.nominations.field.roundTitle'),
      primary: true,
      cell: (r) => (
        <AnchorLink to="/de-nghi/$roundId" params={{ roundId: r.id }} size="sm" fw={500} data-testid="nround-open">
          {r.title}
        </AnchorLink>
      ),
    },
    { key: 'organiser', header: t('web.nominations.field.organiser'), cell: (r) => r.orgName },
    { key: 'year', header: t('web.nominations.field.year'), cell: (r) => String(r.year) },
    { key: 'kind', header: t('web.nominations.field.kind'), cell: (r) => t(`web.nominations.kind.${r.kind}`) },
    { key: 'ceremony', header: t('web.nominations.field.ceremonyDate'), cell: (r) => formatDate(r.ceremonyDate) },
    {
      key: 'deadline',
      header: t('web.nominations.field.myDeadline'),
      cell: (r) =>
        r.myDeadline ? (
          <Text size="sm" fw={600} data-testid="nround-my-deadline">
            {formatDate(r.myDeadline.sendBy)}
          </Text>
        ) : (
          '—'
        ),
    },
    { key: 'counts', header: t('web.nominations.field.counts'), cell: (r) => t('web.nominations.round.counts', { nominations: r.counts.nominations, submissions: r.counts.submissions }) },
    { key: 'status', header: t('web.nominations.field.status'), cell: (r) => <RoundStatusBadge status={r.status} /> },
  ];
  return (
    <ResponsiveTable
      caption={t('web.nominations.rounds.caption')}
      columns={columns}
      rows={rows}
      rowKey={(r) => r.id}
      loading={loading}
      refreshing={refreshing}
      onRowClick={onOpen}
      empty={t('web.nominations.rounds.empty')}
      testId="nround-table"
      rowTestId="nround-row"
      minWidth={1000}
    />
  );
}
