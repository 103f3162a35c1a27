import { Badge } from '@mantine/core';
import { useT } from '../../../lib/i18n';
import type { Attendance, CeremonyStatus } from '../api/ceremonies';

const plain = { textTransform: 'none', maxWidth: 'none', flexShrink: 0 } as const;
const labelStyles = { label: { overflow: 'visible' } };
const STATUS_COLORS: Record<CeremonyStatus, string> = { PLANNED: 'blue', HELD: 'teal', CANCELLED: 'gray' };
const ATTENDANCE_COLORS: Record<Attendance, string> = { PENDING: 'gray', RECEIVED: 'teal', PROXY: 'blue', ABSENT: 'red' };

export function CeremonyStatusBadge({ status }: { status: CeremonyStatus }) {
  const t = useT();
  return (
    <Badge color={STATUS_COLORS[status]} variant="light" style={plain} styles={labelStyles} data-testid="ceremony-status" data-status={status}>
      {t(`web.ceremonies.status.${status}`)}
    </Badge>
  );
}

export function AttendanceBadge({ attendance, revoked }: { attendance: Attendance; revoked: boolean }) {
  const t = useT();
  if (revoked) {
    return (
      <Badge color="red.9" variant="outline" style={plain} styles={labelStyles} data-testid="ceremony-recipient-revoked">
        {t('web.ceremonies.attendance.REVOKED')}
      </Badge>
    );
  }
  return (
    <Badge color={ATTENDANCE_COLORS[attendance]} variant="light" style={plain} styles={labelStyles} data-testid="ceremony-attendance" data-attendance={attendance}>
      {t(`web.ceremonies.attendance.${attendance}`)}
    </Badge>
  );
}
