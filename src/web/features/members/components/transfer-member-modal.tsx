import { useState } from 'react';
import { Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { transferMemberInput, type MemberDetail } from '../../../../contracts/members';
import { LIMITS } from '../../../../contracts/limits';
import { useT } from '../../../lib/i18n';
import { formatDate, todayIso } from '../../../lib/format';
import { blankToNull } from '../../../lib/validation';
import { useFormValidation } from '../../../lib/use-form-validation';
import { ActionModal } from '../../../components/ui/action-modal';
import { DateField } from '../../../components/ui/date-field';
import { OrgPicker } from '../../../components/ui/org-picker';
import { useTransferMember } from '../api/transfer-member';

export function TransferMemberModal({ member, onClose }: { member: MemberDetail; onClose: () => void }) {
  const t = useT();
  const mutation = useTransferMember();
  const form = useFormValidation(mutation.error);
  const [toOrgId, setToOrgId] = useState<number | null>(null);
  const [effectiveOn, setEffectiveOn] = useState<string | null>(() => todayIso());
  const [note, setNote] = useState('');

  const input = () => ({ toOrgId: toOrgId ?? undefined, effectiveOn: effectiveOn ?? '', note: blankToNull(note) ?? undefined });

  return (
    <ActionModal
      title={t('web.members.transfer.title', { name: member.fullName })}
      submitLabel={t('web.members.transfer.submit')}
      onClose={onClose}
      submitting={mutation.isPending}
      error={mutation.error}
      validate={() => form.check(transferMemberInput, input()) !== null}
      confirmMessage={t('web.members.transfer.confirm', { name: member.fullName, from: member.orgName ?? '—', date: formatDate(effectiveOn) })}
      onSubmit={() =>
        mutation.mutate(
          { id: member.id, ...transferMemberInput.parse(input()) },
          {
            onSuccess: () => {
              notifications.show({ color: 'teal', message: t('web.members.transfer.done', { name: member.fullName }) });
              onClose();
            },
          },
        )
      }
    >
      <OrgPicker
        label={t('web.members.transfer.to')}
        value={toOrgId}
        onChange={setToOrgId}
        error={form.error('toOrgId')}
        excludeIds={member.orgId ? [member.orgId] : []}
        activeOnly
        required
      />
      <DateField label={t('web.common.effectiveOn')} value={effectiveOn} onChange={setEffectiveOn} error={form.error('effectiveOn')} required />
      <Textarea label={t('web.common.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} error={form.error('note')} autosize minRows={2} maxLength={LIMITS.textMax} />
    </ActionModal>
  );
}
