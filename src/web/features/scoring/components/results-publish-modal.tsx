import { useState } from 'react';
import { Checkbox, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { LIMITS } from '../../../../contracts/limits';
import { useT } from '../../../lib/i18n';
import { ActionModal } from '../../../components/ui/action-modal';
import { usePublishRound } from '../api/results';
import { refusalFields } from './round-form-modal';

/** "Công bố kết quả": locks the round; unverified sheets may be left out, with a reason. */
export function ResultsPublishModal({ roundId, roundTitle, version, onClose }: { roundId: number; roundTitle: string; version: number; onClose: () => void }) {
  const t = useT();
  const publish = usePublishRound();
  const [exclude, setExclude] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const server = refusalFields(publish.error);

  return (
    <ActionModal
      title={t('web.scoring.publish.title')}
      submitLabel={t('web.scoring.results.publish')}
      onClose={onClose}
      submitting={publish.isPending}
      error={publish.error}
      size="md"
      confirmMessage={t('web.scoring.publish.confirm', { title: roundTitle })}
      validate={() => {
        const problem = exclude && reason.trim().length < LIMITS.reasonMin ? t('validation.reasonRequired') : undefined;
        setError(problem);
        return problem === undefined;
      }}
      onSubmit={() =>
        publish.mutate(
          { id: roundId, version, excludeUnverified: exclude, ...(reason.trim() ? { reason: reason.trim() } : {}) },
          {
            onSuccess: () => {
              notifications.show({ color: 'teal', message: t('web.scoring.publish.done') });
              onClose();
            },
          },
        )
      }
    >
      <Text size="sm">{t('web.scoring.publish.intro')}</Text>
      <Checkbox label={t('web.scoring.publish.exclude')} description={t('web.scoring.publish.excludeHint')} checked={exclude} onChange={(e) => setExclude(e.currentTarget.checked)} data-testid="publish-exclude" />
      <Textarea
        label={t('web.scoring.publish.reason')}
        description={exclude ? t('web.common.reasonHint', { min: LIMITS.reasonMin }) : undefined}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        required={exclude}
        error={error ?? server.reason}
        autosize
        minRows={2}
        maxLength={LIMITS.textMax}
        data-testid="publish-reason"
      />
    </ActionModal>
  );
}
