import { useState } from 'react';
import { Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { closePendingCaseInput, revokeRecordInput, type TimelineItem } from '../../../../contracts/achievements';
import { useT } from '../../../lib/i18n';
import { formatDate, todayIso } from '../../../lib/format';
import { useFormValidation } from '../../../lib/use-form-validation';
import { ActionModal } from '../../../components/ui/action-modal';
import { DateField } from '../../../components/ui/date-field';
import { ReasonField } from '../../../components/ui/reason-field';
import { useClosePendingCase, useRevokeRecord } from '../api/record-mutations';

/** Revoke (thu hồi) a record: it stays on the timeline, greyed, with the reason. */
export function RevokeRecordModal({ item, onClose }: { item: TimelineItem; onClose: () => void }) {
  const t = useT();
  const mutation = useRevokeRecord();
  const form = useFormValidation(mutation.error);
  const [reason, setReason] = useState('');
  return (
    <ActionModal
      title={t('web.records.revoke.title', { label: item.label })}
      submitLabel={t('web.records.revoke.submit')}
      onClose={onClose}
      submitting={mutation.isPending}
      error={mutation.error}
      danger
      size="md"
      validate={() => form.check(revokeRecordInput, { reason }) !== null}
      confirmMessage={t('web.records.revoke.confirm', { label: item.label })}
      onSubmit={() =>
        mutation.mutate(
          { kind: item.kind, id: item.id, reason: revokeRecordInput.parse({ reason }).reason },
          {
            onSuccess: () => {
              notifications.show({ color: 'teal', message: t('web.records.revoke.done', { label: item.label }) });
              onClose();
            },
          },
        )
      }
    >
      <Text size="sm">{t('web.records.revoke.body')}</Text>
      <ReasonField value={reason} onChange={setReason} error={form.error('reason')} />
    </ActionModal>
  );
}

/** Close a pending case (discipline being considered, investigation…) on the date it ended. */
export function ClosePendingCaseModal({ item, onClose }: { item: TimelineItem; onClose: () => void }) {
  const t = useT();
  const mutation = useClosePendingCase();
  const form = useFormValidation(mutation.error);
  const [closedOn, setClosedOn] = useState<string | null>(() => todayIso());
  const [reason, setReason] = useState('');
  const input = () => ({ closedOn: closedOn ?? '', reason });
  return (
    <ActionModal
      title={t('web.records.close.title', { label: item.label })}
      submitLabel={t('web.records.close.submit')}
      onClose={onClose}
      submitting={mutation.isPending}
      error={mutation.error}
      size="md"
      validate={() => form.check(closePendingCaseInput, input()) !== null}
      confirmMessage={t('web.records.close.confirm', { label: item.label, date: formatDate(closedOn) })}
      onSubmit={() =>
        mutation.mutate(
          { id: item.id, ...closePendingCaseInput.parse(input()) },
          {
            onSuccess: () => {
              notifications.show({ color: 'teal', message: t('web.records.close.done') });
              onClose();
            },
          },
        )
      }
    >
      <DateField label={t('web.records.close.closedOn')} value={closedOn} onChange={setClosedOn} error={form.error('closedOn')} required />
      <ReasonField value={reason} onChange={setReason} error={form.error('reason')} />
    </ActionModal>
  );
}
