import { Stepper } from '@mantine/core';
import { MOVEMENT_STATUSES, type MovementDetailDto } from '../../../../contracts/movements';
import { useT } from '../../../lib/i18n';
import { formatDate } from '../../../lib/format';
import { useIsMobile } from '../../../lib/use-is-mobile';

/** Nháp → Phát động → Đang thực hiện → Sơ kết → Tổng kết → Kết thúc, with the date of each step taken. */
export function MovementStepper({ movement }: { movement: MovementDetailDto }) {
  const t = useT();
  const isMobile = useIsMobile();
  const active = MOVEMENT_STATUSES.indexOf(movement.status);
  const dateOf = new Map(movement.steps.map((s) => [s.toStatus, s.onDate]));
  const skipped = movement.midReviewOn === null && active > MOVEMENT_STATUSES.indexOf('MID_REVIEW');
  return (
    <Stepper active={movement.status === 'CLOSED' ? MOVEMENT_STATUSES.length : active} size="sm" orientation={isMobile ? 'vertical' : 'horizontal'} data-testid="movement-stepper" aria-label={t('web.movements.steps')}>
      {MOVEMENT_STATUSES.map((s) => (
        <Stepper.Step
          key={s}
          label={t(`movement.status.${s}`)}
          description={s === 'MID_REVIEW' && skipped ? '—' : dateOf.has(s) ? formatDate(dateOf.get(s)!) : undefined}
          data-step={s}
        />
      ))}
    </Stepper>
  );
}
