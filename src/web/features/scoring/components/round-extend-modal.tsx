import { useState } from 'react';
import { Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { LIMITS } from '../../../../contracts/limits';
import { useT } from '../../../lib/i18n';
import { formatDate } from '../../../lib/format';
import { ActionModal } from '../../../components/ui/action-modal';
import { DateField } from '../../../components/ui/date-field';
import { ReasonField } from '../../../components/ui/reason-field';
import { useExtendRound } from '../api/rounds';
import { refusalFields } from './round-form-modal';

/** "Gia hạn": a new deadline, with a reason, for the chosen sheets or every sheet not yet submitted. */
export function RoundExtendModal({ roundId, sheetIds, onClose, onDone }: { roundId: number; sheetIds: number[] | null; onClose: () => void; onDone: () => void }) {
  const t = useT();
  const extend = useExtendRound();
  const [deadline, setDeadline] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ deadline?: string; reason?: string }>({});
  const server = refusalFields(extend.error);

  const validate = () => {
    const next = {
      deadline: deadline === null ? t('web.scoring.create.deadlineRequired') : undefined,
      reason: reason.trim().length < LIMITS.reasonMin ? t('validation.reasonRequired') : undefined,
    };
    setErrors(next);
    return !next.deadline && !next.reason;
  };

  return (
    <ActionModal
      title={t('web.scoring.extend.title')}
      submitLabel={t('web.scoring.extend.submit')}
      onClose={onClose}
      submitting={extend.isPending}
      error={extend.error}
      validate={validate}
      size="md"
      onSubmit={() =>
        extend.mutate(
          { id: roundId, sheetIds, deadline: deadline!, reason: reason.trim() },
          {
            onSuccess: () => {
              notifications.show({ color: 'teal', message: t('web.scoring.extend.done', { deadline: formatDate(deadline) }) });
              onDone();
              onClose();
            },
          },
        )
      }
    >
      <Text size="sm" data-testid="round-extend-scope">
        {sheetIds === null ? t('web.scoring.extend.all') : t('web.scoring.extend.selected', { count: sheetIds.length })}
      </Text>
      <DateField label={t('web.scoring.extend.deadline')} value={deadline} onChange={setDeadline} required error={errors.deadline ?? server.deadline} data-testid="round-extend-deadline" />
      <ReasonField value={reason} onChange={setReason} error={errors.reason ?? server.reason} />
    </ActionModal>
  );
}
