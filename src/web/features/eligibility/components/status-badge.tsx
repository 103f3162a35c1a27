import { Badge } from '@mantine/core';
import type { EligibilityStatus } from '../../../../contracts/enums';
import { useT } from '../../../lib/i18n';

export const STATUS_COLORS: Record<EligibilityStatus, string> = { ELIGIBLE: 'teal', NOT_ELIGIBLE: 'red', MISSING_EVIDENCE: 'orange' };

export function EligibilityStatusBadge({ status, size = 'md', testId }: { status: EligibilityStatus; size?: 'sm' | 'md' | 'lg'; testId?: string }) {
  const t = useT();
  return (
    <Badge color={STATUS_COLORS[status]} variant="light" size={size} style={{ textTransform: 'none', flexShrink: 0, maxWidth: 'none' }}
      styles={{ label: { overflow: 'visible' } }} data-testid={testId} data-status={status}>
      {t(`web.elig.status.${status}`)}
    </Badge>
  );
}
