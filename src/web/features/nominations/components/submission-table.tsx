import { Stack, Text } from '@mantine/core';
import { useT } from '../../../lib/i18n';
import { formatDate } from '../../../lib/format';
import { ResponsiveTable, type Column } from '../../../components/ui/responsive-table';
import { AnchorLink } from '../../../components/ui/links';
import type { SubmissionSummaryDto } from '../api/submissions';
import { SubmissionStatusBadge } from './badges';

/** "còn 3 ngày làm việc" / "quá hạn 2 ngày làm việc", red when overdue. */
export function DaysLeft({ s }: { s: Pick<SubmissionSummaryDto, 'workingDaysLeft' | 'overdue' | 'dueOn' | 'status'> }) {
  const t = useT();
  if (s.workingDaysLeft === null || s.dueOn === null) {
    // The appraisal time runs from receipt: before it there is no due day yet.
    return s.status === 'SUBMITTED' ? (
      <Text size="sm" c="blue.8">
        {t('web.nominations.submission.awaitingReceipt')}
      </Text>
    ) : (
      <>—</>
    );
  }
  const overdue = s.overdue || s.workingDaysLeft < 0;
  return (
    <Stack gap={0} data-testid="submission-days-left" data-overdue={overdue || undefined}>
      <Text size="sm">{formatDate(s.dueOn)}</Text>
      <Text size="xs" c={overdue ? 'red.8' : s.workingDaysLeft <= 2 ? 'orange.9' : 'dimmed'} fw={overdue ? 700 : undefined}>
        {overdue ? t('web.nominations.submission.overdueBy', { days: Math.abs(s.workingDaysLeft) }) : t('web.nominations.submission.daysLeft', { days: s.workingDaysLeft })}
      </Text>
    </Stack>
  );
}

export function SubmissionTable({ rows, loading, refreshing, empty, inbox }: { rows: SubmissionSummaryDto[]; loading: boolean; refreshing: boolean; empty: string; inbox?: boolean }) {
  const t = useT();
  const columns: Column<SubmissionSummaryDto>[] = [
    {
      key: 'title',
      header: t('web.nominations.submission.field.title'),
      primary: true,
      cell: (s) => (
        <Stack gap={0} style={{ minWidth: 0 }}>
          <AnchorLink to="/de-nghi/to-trinh/$submissionId" params={{ submissionId: s.id }} size="sm" fw={500} data-testid="submission-open">
            {s.title}
          </AnchorLink>
          <Text size="xs" c="dimmed">
            {s.roundTitle}
          </Text>
        </Stack>
      ),
    },
    { key: 'route', header: t('web.nominations.submission.field.route'), cell: (s) => t('web.nominations.submission.fromTo', { from: s.fromOrgName, to: s.toOrgName }) },
    { key: 'items', header: t('web.nominations.submission.field.items'), cell: (s) => (s.itemsReturned > 0 ? t('web.nominations.submission.itemsReturned', { count: s.items, returned: s.itemsReturned }) : String(s.items)) },
    { key: 'due', header: t('web.nominations.submission.field.due'), cell: (s) => <DaysLeft s={s} /> },
    { key: 'status', header: t('web.nominations.field.status'), cell: (s) => <SubmissionStatusBadge status={s.status} /> },
  ];
  return (
    <ResponsiveTable
      caption={inbox ? t('web.nominations.appraisal.caption') : t('web.nominations.submission.caption')}
      columns={columns}
      rows={rows}
      rowKey={(s) => s.id}
      loading={loading}
      refreshing={refreshing}
      empty={empty}
      testId={inbox ? 'appraisal-table' : 'submission-table'}
      rowTestId={inbox ? 'appraisal-row' : 'submission-row'}
      minWidth={900}
    />
  );
}
