import { Badge, Group } from '@mantine/core';
import { useT } from '../../../lib/i18n';
import type { InspectionStatus, InspectionSummaryDto, RecommendationDto } from '../api/inspections';

const plain = { textTransform: 'none', maxWidth: 'none', flexShrink: 0 } as const;
const labelStyles = { label: { overflow: 'visible' } };
const STATUS_COLORS: Record<InspectionStatus, string> = { PLANNED: 'blue', DONE: 'teal', CANCELLED: 'gray' };
const REC_COLORS: Record<RecommendationDto['status'], string> = { OPEN: 'blue', DONE: 'teal', WITHDRAWN: 'gray' };

export function InspectionStatusBadge({ status }: { status: InspectionStatus }) {
  const t = useT();
  return (
    <Badge color={STATUS_COLORS[status]} variant="light" style={plain} styles={labelStyles} data-testid="inspection-status" data-status={status}>
      {t(`web.inspections.status.${status}`)}
    </Badge>
  );
}

export function RecommendationStatusBadge({ status }: { status: RecommendationDto['status'] }) {
  const t = useT();
  return (
    <Badge color={REC_COLORS[status]} variant="light" style={plain} styles={labelStyles} data-testid="recommendation-status" data-status={status}>
      {t(`web.inspections.recStatus.${status}`)}
    </Badge>
  );
}

/** Open / overdue (red outline, only when some are) / done recommendations of an inspection. */
export function RecommendationCounts({ counts }: { counts: InspectionSummaryDto['counts'] }) {
  const t = useT();
  return (
    <Group gap={4} data-testid="inspection-counts" data-open={counts.open} data-overdue={counts.overdue} data-done={counts.done}>
      <Badge color="blue.9" variant="outline" style={plain} styles={labelStyles}>
        {t('web.inspections.counts.open', { n: counts.open })}
      </Badge>
      {counts.overdue > 0 && (
        <Badge color="red.9" variant="outline" style={plain} styles={labelStyles} data-testid="inspection-overdue-count">
          {t('web.inspections.counts.overdue', { n: counts.overdue })}
        </Badge>
      )}
      <Badge color="teal.9" variant="outline" style={plain} styles={labelStyles}>
        {t('web.inspections.counts.done', { n: counts.done })}
      </Badge>
    </Group>
  );
}

/** Days left before an open recommendation's deadline, or "Quá hạn N ngày" in red. */
export function DueBadge({ r }: { r: Pick<RecommendationDto, 'status' | 'overdue' | 'daysLeft'> }) {
  const t = useT();
  if (r.status !== 'OPEN' || r.daysLeft === null) return null;
  const over = r.overdue || r.daysLeft < 0;
  const text = over ? t('web.inspections.due.over', { days: Math.abs(r.daysLeft) }) : r.daysLeft === 0 ? t('web.inspections.due.today') : t('web.inspections.due.left', { days: r.daysLeft });
  return (
    <Badge color={over ? 'red.9' : r.daysLeft <= 7 ? 'orange.9' : 'teal.9'} variant="outline" style={plain} styles={labelStyles} data-testid="recommendation-due" data-overdue={String(over)}>
      {text}
    </Badge>
  );
}
