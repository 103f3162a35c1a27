import { Button, Group } from '@mantine/core';
import { ELIGIBILITY_STATUSES, type EligibilityStatus } from '../../../../contracts/enums';
import type { BatchResult } from '../../../../contracts/eligibility';
import { useT } from '../../../lib/i18n';
import { formatNumber } from '../../../lib/format';
import { STATUS_COLORS } from './status-badge';

interface StatusFilterProps {
  counts: BatchResult['counts'] | undefined;
  value: EligibilityStatus | undefined;
  onChange: (status: EligibilityStatus | undefined) => void;
}

/** Counts per status that double as the status filter (one pressed at a time; "Tất cả" clears it). */
export function StatusFilter({ counts, value, onChange }: StatusFilterProps) {
  const t = useT();
  const total = counts ? counts.ELIGIBLE + counts.NOT_ELIGIBLE + counts.MISSING_EVIDENCE : undefined;
  const label = (text: string, count: number | undefined) => (count === undefined ? text : `${text} (${formatNumber(count)})`);
  return (
    <Group gap="xs" role="group" aria-label={t('web.elig.filter.status')}>
      <Button size="compact-md" radius="xl" color="gray" variant={value === undefined ? 'filled' : 'light'} aria-pressed={value === undefined} onClick={() => onChange(undefined)} data-testid="elig-status-all">
        {label(t('web.common.all'), total)}
      </Button>
      {ELIGIBILITY_STATUSES.map((status) => (
        <Button
          key={status}
          size="compact-md"
          radius="xl"
          color={STATUS_COLORS[status]}
          variant={value === status ? 'filled' : 'light'}
          aria-pressed={value === status}
          onClick={() => onChange(value === status ? undefined : status)}
          data-testid={`elig-status-${status}`}
        >
          {label(t(`web.elig.status.${status}`), counts?.[status])}
        </Button>
      ))}
    </Group>
  );
}
