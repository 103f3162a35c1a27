import { Badge } from '@mantine/core';
import type { DecisionStatus } from '../../../../contracts/decisions';
import { useT } from '../../../lib/i18n';
import { formatNumber } from '../../../lib/format';

const plain = { textTransform: 'none', maxWidth: 'none', flexShrink: 0 } as const;
const labelStyles = { label: { overflow: 'visible' } };
const COLORS: Record<DecisionStatus, string> = { DRAFT: 'blue', SIGNED: 'teal', REVOKED: 'red' };

export function DecisionStatusBadge({ status }: { status: DecisionStatus }) {
  const t = useT();
  return (
    <Badge color={COLORS[status]} variant="light" style={plain} styles={labelStyles} data-testid="decision-status" data-status={status}>
      {t(`web.decisions.status.${status}`)}
    </Badge>
  );
}

/** `2340000` → "2.340.000 đ"; empty when unknown. */
export function useMoney(): (value: number | null | undefined) => string {
  const t = useT();
  return (value) => (value === null || value === undefined ? '' : t('web.decisions.money', { amount: formatNumber(value) }));
}
