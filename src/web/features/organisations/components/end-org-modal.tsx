import { useState } from 'react';
import { Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { endOrgInput, type OrgDetail } from '../../../../contracts/organisations';
import { useT } from '../../../lib/i18n';
import { formatDate, formatNumber, todayIso } from '../../../lib/format';
import { useFormValidation } from '../../../lib/use-form-validation';
import { ActionModal } from '../../../components/ui/action-modal';
import { DateField } from '../../../components/ui/date-field';
import { ReasonField } from '../../../components/ui/reason-field';
import { useEndOrg } from '../api/end-org';

export function EndOrgModal({ org, onClose }: { org: OrgDetail; onClose: () => void }) {
  const t = useT();
  const mutation = useEndOrg();
  const form = useFormValidation(mutation.error);
  const [effectiveOn, setEffectiveOn] = useState<string | null>(() => todayIso());
  const [reason, setReason] = useState('');

  const input = () => ({ effectiveOn: effectiveOn ?? '', reason });

  return (
    <ActionModal
      title={t('web.org.end.title', { name: org.name })}
      submitLabel={t('web.org.end.submit')}
      onClose={onClose}
      submitting={mutation.isPending}
      error={mutation.error}
      danger
      validate={() => form.check(endOrgInput, input()) !== null}
      confirmMessage={t('web.org.end.confirm', { name: org.name, date: formatDate(effectiveOn) })}
      onSubmit={() =>
        mutation.mutate(
          { id: org.id, ...endOrgInput.parse(input()) },
          {
            onSuccess: () => {
              notifications.show({ color: 'teal', message: t('web.org.end.done', { name: org.name }) });
              onClose();
            },
          },
        )
      }
    >
      {(org.memberCount > 0 || org.childCount > 0) && (
        <Text size="sm" c="red.9">
          {t('web.org.end.warning', { members: formatNumber(org.memberCount), children: formatNumber(org.childCount) })}
        </Text>
      )}
      <DateField label={t('web.common.effectiveOn')} value={effectiveOn} onChange={setEffectiveOn} error={form.error('effectiveOn')} required />
      <ReasonField value={reason} onChange={setReason} error={form.error('reason')} />
    </ActionModal>
  );
}
