import { Badge } from '@mantine/core';
import { useT } from '../../../lib/i18n';
import { formatDate } from '../../../lib/format';
import type { ComplaintDto, ComplaintStatus } from '../api/complaints';

const plain = { textTransform: 'none', maxWidth: 'none', flexShrink: 0 } as const;
const labelStyles = { label: { overflow: 'visible' } };
const STATUS_COLORS: Record<ComplaintStatus, string> = { RECEIVED: 'blue', ACCEPTED: 'indigo', NOT_ACCEPTED: 'gray', RESOLVED: 'teal', WITHDRAWN: 'gray' };
// Outline with the dark shades: the text keeps its contrast on white (never light variant with .9).
const DEADLINE_COLORS = { ON_TIME: 'teal.9', DUE_SOON: 'orange.9', OVERDUE: 'red.9' } as const;

export function ComplaintStatusBadge({ status, testId = 'complaint-status' }: { status: ComplaintStatus; testId?: string }) {
  const t = useT();
  return (
    <Badge color={STATUS_COLORS[status]} variant="light" style={plain} styles={labelStyles} data-testid={testId} data-status={status}>
      {t(`web.complaints.status.${status}`)}
    </Badge>
  );
}

/** The first-instance deadline with its state; "Chưa thụ lý" before acceptance, nothing once closed. */
export function DeadlineBadge({ resolveBy, status }: { resolveBy: ComplaintDto['resolveBy']; status: ComplaintStatus }) {
  const t = useT();
  if (!resolveBy) {
    return status === 'RECEIVED' ? (
      <Badge color="gray.9" variant="outline" style={plain} styles={labelStyles} data-testid="complaint-deadline" data-state="NONE">
        {t('web.complaints.deadline.none')}
      </Badge>
    ) : null;
  }
  const text =
    resolveBy.daysLeft >= 0
      ? t('web.complaints.deadline.left', { date: formatDate(resolveBy.deadline), days: resolveBy.daysLeft })
      : t('web.complaints.deadline.over', { date: formatDate(resolveBy.deadline), days: -resolveBy.daysLeft });
  return (
    <Badge color={DEADLINE_COLORS[resolveBy.state]} variant="outline" style={plain} styles={labelStyles} data-testid="complaint-deadline" data-state={resolveBy.state} title={t(`web.complaints.deadline.${resolveBy.state}`)}>
      {t(`web.complaints.deadline.${resolveBy.state}`)}: {text}
    </Badge>
  );
}

export function BlocksAwardBadge() {
  const t = useT();
  return (
    <Badge color="red.9" variant="outline" style={plain} styles={labelStyles} data-testid="complaint-blocks">
      {t('web.complaints.page.blocks')}
    </Badge>
  );
}
