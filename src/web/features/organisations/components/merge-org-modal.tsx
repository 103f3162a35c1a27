import { useState } from 'react';
import { notifications } from '@mantine/notifications';
import { mergeOrgInput, type OrgDetail } from '../../../../contracts/organisations';
import { useT } from '../../../lib/i18n';
import { formatDate, formatNumber, todayIso } from '../../../lib/format';
import { useFormValidation } from '../../../lib/use-form-validation';
import { ActionModal } from '../../../components/ui/action-modal';
import { DateField } from '../../../components/ui/date-field';
import { OrgPicker } from '../../../components/ui/org-picker';
import { ReasonField } from '../../../components/ui/reason-field';
import { useMergeOrg } from '../api/merge-org';

export function MergeOrgModal({ org, onClose }: { org: OrgDetail; onClose: () => void }) {
  const t = useT();
  const mutation = useMergeOrg();
  const form = useFormValidation(mutation.error);
  const [intoId, setIntoId] = useState<number | null>(null);
  const [effectiveOn, setEffectiveOn] = useState<string | null>(() => todayIso());
  const [reason, setReason] = useState('');

  const input = () => ({ intoId: intoId ?? undefined, effectiveOn: effectiveOn ?? '', reason });

  return (
    <ActionModal
      title={t('web.org.merge.title', { name: org.name })}
      submitLabel={t('web.org.merge.submit')}
      onClose={onClose}
      submitting={mutation.isPending}
      error={mutation.error}
      danger
      validate={() => form.check(mergeOrgInput, input()) !== null}
      confirmMessage={t('web.org.merge.confirm', { name: org.name, date: formatDate(effectiveOn), members: formatNumber(org.memberCount) })}
      onSubmit={() =>
        mutation.mutate(
          { id: org.id, ...mergeOrgInput.parse(input()) },
          {
            onSuccess: () => {
              notifications.show({ color: 'teal', message: t('web.org.merge.done', { name: org.name }) });
              onClose();
            },
          },
        )
      }
    >
      <OrgPicker label={t('web.org.merge.into')} value={intoId} onChange={setIntoId} error={form.error('intoId')} excludeIds={[org.id]} activeOnly required />
      <DateField label={t('web.common.effectiveOn')} value={effectiveOn} onChange={setEffectiveOn} error={form.error('effectiveOn')} required />
      <ReasonField value={reason} onChange={setReason} error={form.error('reason')} />
    </ActionModal>
  );
}
