import { useState } from 'react';
import { notifications } from '@mantine/notifications';
import { moveOrgInput, type OrgDetail } from '../../../../contracts/organisations';
import { useT } from '../../../lib/i18n';
import { formatDate, todayIso } from '../../../lib/format';
import { useFormValidation } from '../../../lib/use-form-validation';
import { ActionModal } from '../../../components/ui/action-modal';
import { DateField } from '../../../components/ui/date-field';
import { OrgPicker } from '../../../components/ui/org-picker';
import { ReasonField } from '../../../components/ui/reason-field';
import { useMoveOrg } from '../api/move-org';

export function MoveOrgModal({ org, onClose }: { org: OrgDetail; onClose: () => void }) {
  const t = useT();
  const mutation = useMoveOrg();
  const form = useFormValidation(mutation.error);
  const [newParentId, setNewParentId] = useState<number | null>(null);
  const [effectiveOn, setEffectiveOn] = useState<string | null>(() => todayIso());
  const [reason, setReason] = useState('');

  const input = () => ({ newParentId: newParentId ?? undefined, effectiveOn: effectiveOn ?? '', reason });

  return (
    <ActionModal
      title={t('web.org.move.title', { name: org.name })}
      submitLabel={t('web.org.move.submit')}
      onClose={onClose}
      submitting={mutation.isPending}
      error={mutation.error}
      validate={() => form.check(moveOrgInput, input()) !== null}
      confirmMessage={t('web.org.move.confirm', { name: org.name, date: formatDate(effectiveOn) })}
      onSubmit={() =>
        mutation.mutate(
          { id: org.id, ...moveOrgInput.parse(input()) },
          {
            onSuccess: () => {
              notifications.show({ color: 'teal', message: t('web.org.move.done', { name: org.name }) });
              onClose();
            },
          },
        )
      }
    >
      <OrgPicker
        label={t('web.org.move.newParent')}
        description={t('web.org.move.newParentHint')}
        value={newParentId}
        onChange={setNewParentId}
        error={form.error('newParentId')}
        excludeIds={[org.id, ...(org.parentId ? [org.parentId] : [])]}
        activeOnly
        required
      />
      <DateField label={t('web.common.effectiveOn')} value={effectiveOn} onChange={setEffectiveOn} error={form.error('effectiveOn')} required />
      <ReasonField value={reason} onChange={setReason} error={form.error('reason')} />
    </ActionModal>
  );
}
