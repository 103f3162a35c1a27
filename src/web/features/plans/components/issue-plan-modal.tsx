import { useState } from 'react';
import { Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { PlanDto } from '../../../../contracts/plans';
import { useT } from '../../../lib/i18n';
import { todayIso } from '../../../lib/format';
import { ActionModal } from '../../../components/ui/action-modal';
import { DateField } from '../../../components/ui/date-field';
import { useIssuePlan } from '../api/plans';

/** Issue a draft on a date (today by default, never after today); the server assigns the number. */
export function IssuePlanModal({ plan, onClose }: { plan: PlanDto; onClose: () => void }) {
  const t = useT();
  const mutation = useIssuePlan();
  const today = todayIso();
  const [issuedOn, setIssuedOn] = useState<string | null>(today);
  const [dateError, setDateError] = useState<string | null>(null);

  const validate = () => {
    const problem = !issuedOn ? t('web.plans.issue.dateRequired') : issuedOn > today ? t('web.plans.issue.dateFuture') : null;
    setDateError(problem);
    return problem === null;
  };

  return (
    <ActionModal
      title={t('web.plans.issue.title')}
      submitLabel={t('web.plans.issue.action')}
      onClose={onClose}
      submitting={mutation.isPending}
      error={mutation.error}
      size="md"
      validate={validate}
      onSubmit={() =>
        mutation.mutate(
          { id: plan.id, version: plan.version, issuedOn: issuedOn ?? today },
          {
            onSuccess: (issued) => {
              notifications.show({ color: 'teal', message: t('web.plans.issue.done', { numberLine: issued.numberLine }) });
              onClose();
            },
          },
        )
      }
    >
      <Text size="sm">{t('web.plans.issue.body')}</Text>
      <Text size="sm" fw={500}>
        {plan.title}
      </Text>
      <DateField
        label={t('web.plans.issue.date')}
        value={issuedOn}
        onChange={(v) => {
          setIssuedOn(v);
          setDateError(null);
        }}
        maxDate={today}
        required
        error={dateError}
        data-testid="plan-issue-date"
      />
    </ActionModal>
  );
}
