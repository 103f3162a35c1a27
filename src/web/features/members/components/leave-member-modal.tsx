import { useState } from 'react';
import { notifications } from '@mantine/notifications';
import { leaveMemberInput, type MemberDetail } from '../../../../contracts/members';
import { useT } from '../../../lib/i18n';
import { formatDate, todayIso } from '../../../lib/format';
import { useFormValidation } from '../../../lib/use-form-validation';
import { ActionModal } from '../../../components/ui/action-modal';
import { DateField } from '../../../components/ui/date-field';
import { ReasonField } from '../../../components/ui/reason-field';
import { useLeaveMember } from '../api/leave-member';

export function LeaveMemberModal({ member, onClose }: { member: MemberDetail; onClose: () => void }) {
  const t = useT();
  const mutation = useLeaveMember();
  const form = useFormValidation(mutation.error);
  const [effectiveOn, setEffectiveOn] = useState<string | null>(() => todayIso());
  const [reason, setReason] = useState('');

  const input = () => ({ effectiveOn: effectiveOn ?? '', reason });

  return (
    <ActionModal
      title={t('web.members.leave.title', { name: member.fullName })}
      submitLabel={t('web.members.leave.submit')}
      onClose={onClose}
      submitting={mutation.isPending}
      error={mutation.error}
      danger
      validate={() => form.check(leaveMemberInput, input()) !== null}
      confirmMessage={t('web.members.leave.confirm', { name: member.fullName, date: formatDate(effectiveOn) })}
      onSubmit={() =>
        mutation.mutate(
          { id: member.id, ...leaveMemberInput.parse(input()) },
          {
            onSuccess: () => {
              notifications.show({ color: 'teal', message: t('web.members.leave.done', { name: member.fullName }) });
              onClose();
            },
          },
        )
      }
    >
      <DateField label={t('web.common.effectiveOn')} value={effectiveOn} onChange={setEffectiveOn} error={form.error('effectiveOn')} required />
      <ReasonField value={reason} onChange={setReason} error={form.error('reason')} />
    </ActionModal>
  );
}
