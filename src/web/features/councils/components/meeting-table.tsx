import { Text } from '@mantine/core';
import { useT } from '../../../lib/i18n';
import { formatDateTime } from '../../../lib/format';
import { ResponsiveTable, type Column } from '../../../components/ui/responsive-table';
import { AnchorLink } from '../../../components/ui/links';
import type { MeetingSummaryDto } from '../api/meetings';
import { MeetingStatusBadge } from './badges';

/** Meetings of a council (the standing office opens each to run it). */
export function MeetingTable({ rows, loading, refreshing, onOpen }: { rows: MeetingSummaryDto[]; loading: boolean; refreshing: boolean; onOpen: (m: MeetingSummaryDto) => void }) {
  const t = useT();
  const columns: Column<MeetingSummaryDto>[] = [
    {
      key: 'title',
      header: t('web.councils.meeting.field.title'),
      primary: true,
      cell: (m) => (
        <AnchorLink to="/hoi-dong/hop/$meetingId" params={{ meetingId: m.id }} size="sm" fw={500} data-testid="meeting-open">
          {m.title}
        </AnchorLink>
      ),
    },
    { key: 'when', header: t('web.councils.meeting.field.when'), cell: (m) => formatDateTime(m.scheduledAt) },
    { key: 'place', header: t('web.councils.meeting.field.place'), cell: (m) => m.place ?? '' },
    {
      key: 'items',
      header: t('web.councils.meeting.field.items'),
      cell: (m) => (
        <Text size="sm" data-testid="meeting-items-count">
          {t('web.councils.meeting.itemCounts', { total: m.itemCounts.total, closed: m.itemCounts.closed, passed: m.itemCounts.passed })}
        </Text>
      ),
    },
    { key: 'status', header: t('web.councils.meeting.field.status'), cell: (m) => <MeetingStatusBadge status={m.status} /> },
  ];
  return (
    <ResponsiveTable
      caption={t('web.councils.meetings.caption')}
      columns={columns}
      rows={rows}
      rowKey={(m) => m.id}
      loading={loading}
      refreshing={refreshing}
      onRowClick={onOpen}
      empty={t('web.councils.meetings.empty')}
      testId="meeting-table"
      rowTestId="meeting-row"
    />
  );
}
