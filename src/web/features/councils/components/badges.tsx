import { Badge } from '@mantine/core';
import type { CouncilRole, MeetingStatus, TallyDto } from '../../../../contracts/councils';
import { useT } from '../../../lib/i18n';
import type { ItemStatus } from '../api/meetings';

const plain = { textTransform: 'none', maxWidth: 'none', flexShrink: 0 } as const;
const labelStyles = { label: { overflow: 'visible' } };

const MEETING_COLORS: Record<MeetingStatus, string> = { SCHEDULED: 'blue', OPEN: 'teal', CLOSED: 'gray', CANCELLED: 'red' };
const ITEM_COLORS: Record<ItemStatus, string> = { PENDING: 'gray', VOTING: 'blue', CLOSED: 'dark', WITHDRAWN: 'gray' };
// Dark shades: white text on them keeps AA contrast.
const OUTCOME_COLORS: Record<TallyDto['outcome'], string> = { PASSED: 'teal.9', FAILED: 'red.9', NO_QUORUM: 'orange.9' };

export function CouncilStatusBadge({ status }: { status: 'ACTIVE' | 'ENDED' }) {
  const t = useT();
  return (
    <Badge color={status === 'ACTIVE' ? 'teal' : 'gray'} variant="light" style={plain} styles={labelStyles} data-testid="council-status" data-status={status}>
      {t(`web.councils.status.${status}`)}
    </Badge>
  );
}

export function MeetingStatusBadge({ status }: { status: MeetingStatus }) {
  const t = useT();
  return (
    <Badge color={MEETING_COLORS[status]} variant="light" style={plain} styles={labelStyles} data-testid="meeting-status" data-status={status}>
      {t(`web.councils.meeting.status.${status}`)}
    </Badge>
  );
}

export function ItemStatusBadge({ status }: { status: ItemStatus }) {
  const t = useT();
  return (
    <Badge color={ITEM_COLORS[status]} variant="dot" style={plain} styles={labelStyles} data-testid="item-status" data-status={status}>
      {t(`web.councils.item.status.${status}`)}
    </Badge>
  );
}

/** "Đạt" / "Không đạt" in large, unmistakable colours. */
export function OutcomeBadge({ outcome }: { outcome: TallyDto['outcome'] }) {
  const t = useT();
  return (
    <Badge color={OUTCOME_COLORS[outcome]} variant="filled" size="lg" style={plain} styles={labelStyles} data-testid="item-outcome" data-outcome={outcome}>
      {t(`web.councils.outcome.${outcome}`)}
    </Badge>
  );
}

export function RoleBadge({ role }: { role: CouncilRole }) {
  const t = useT();
  return (
    <Badge color={role === 'CHAIR' ? 'indigo' : role === 'VICE_CHAIR' ? 'blue' : role === 'STANDING' ? 'cyan' : 'gray'} variant="light" style={plain} styles={labelStyles} data-testid="member-role" data-role={role}>
      {t(`web.councils.role.${role}`)}
    </Badge>
  );
}
