import { Badge } from '@mantine/core';
import type { OrgStatus } from '../../../contracts/enums';
import { useT } from '../../lib/i18n';

const COLORS: Record<OrgStatus, string> = { ACTIVE: 'teal', ENDED: 'gray', MERGED: 'grape' };

/** Status of a unit; ended and merged units keep their history, so they are labelled, not hidden. */
export function OrgStatusBadge({ status, hideActive = false }: { status: OrgStatus; hideActive?: boolean }) {
  const t = useT();
  if (hideActive && status === 'ACTIVE') return null;
  return (
    <Badge color={COLORS[status]} variant="light" size="sm" style={{ textTransform: 'none', flexShrink: 0 }}>
      {t(`orgStatus.${status}`)}
    </Badge>
  );
}
