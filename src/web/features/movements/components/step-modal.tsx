import { useState } from 'react';
import { Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { MovementDetailDto } from '../../../../contracts/movements';
import { NOTE_REQUIRED } from '../../../../domain/movements/movement-rules';
import { LIMITS } from '../../../../contracts/limits';
import { useT } from '../../../lib/i18n';
import { todayIso } from '../../../lib/format';
import { ActionModal } from '../../../components/ui/action-modal';
import { DateField } from '../../../components/ui/date-field';
import { useStepMovement } from '../api/movements';

export type StepStatus = 'IN_PROGRESS' | 'MID_REVIEW' | 'FINAL_REVIEW' | 'CLOSED';

/** Record the next step on a date; sơ kết, tổng kết and closing need a note of the results. */
export function StepMovementModal({ movement, to, onClose }: { movement: MovementDetailDto; to: StepStatus; onClose: () => void }) {
  const t = useT();
  const mutation = useStepMovement();
  const today = todayIso();
  const [onDate, setOnDate] = useState<string | null>(today);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string | null>>({});
  const needsNote = NOTE_REQUIRED.includes(to);
  const stepLabel = t(`web.movements.step.${to}`);

  const validate = () => {
    const e = {
      onDate: !onDate ? t('web.movements.required') : onDate > today ? t('web.movements.step.dateFuture') : null,
      note: needsNote && note.trim().length < 5 ? t('web.movements.step.noteRequired') : null,
    };
    setErrors(e);
    return e.onDate === null && e.note === null;
  };

  return (
    <ActionModal
      title={t('web.movements.step.title', { step: stepLabel })}
      submitLabel={stepLabel}
      onClose={onClose}
      submitting={mutation.isPending}
      error={mutation.error}
      size="md"
      validate={validate}
      confirmMessage={to === 'CLOSED' ? t('web.movements.step.title', { step: stepLabel }) : undefined}
      onSubmit={() =>
        mutation.mutate(
          { id: movement.id, version: movement.version, toStatus: to, onDate: onDate ?? today, note: note.trim() === '' ? null : note.trim() },
          {
            onSuccess: () => {
              notifications.show({ color: 'teal', message: t('web.movements.step.done', { step: stepLabel }) });
              onClose();
            },
          },
        )
      }
    >
      <Text size="sm" fw={500}>
        {movement.title}
      </Text>
      <DateField label={t('web.movements.step.date')} value={onDate} onChange={setOnDate} maxDate={today} required error={errors.onDate} data-testid="movement-step-date" />
      <Textarea
        label={t('web.movements.step.note')}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
        required={needsNote}
        error={errors.note}
        autosize
        minRows={3}
        maxLength={LIMITS.textMax}
        data-testid="movement-step-note"
      />
    </ActionModal>
  );
}
