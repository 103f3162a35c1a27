import { useState } from 'react';
import { TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { renameOrgInput, type OrgDetail } from '../../../../contracts/organisations';
import { LIMITS } from '../../../../contracts/limits';
import { useT } from '../../../lib/i18n';
import { todayIso } from '../../../lib/format';
import { blankToNull } from '../../../lib/validation';
import { useFormValidation } from '../../../lib/use-form-validation';
import { ActionModal } from '../../../components/ui/action-modal';
import { DateField } from '../../../components/ui/date-field';
import { ReasonField } from '../../../components/ui/reason-field';
import { useRenameOrg } from '../api/rename-org';

export function RenameOrgModal({ org, onClose }: { org: OrgDetail; onClose: () => void }) {
  const t = useT();
  const mutation = useRenameOrg();
  const form = useFormValidation(mutation.error);
  const [name, setName] = useState(org.name);
  const [shortName, setShortName] = useState(org.shortName ?? '');
  const [effectiveOn, setEffectiveOn] = useState<string | null>(() => todayIso());
  const [reason, setReason] = useState('');

  const input = () => ({ name, shortName: blankToNull(shortName), effectiveOn: effectiveOn ?? '', reason: blankToNull(reason) ?? undefined });

  return (
    <ActionModal
      title={t('web.org.rename.title', { name: org.name })}
      submitLabel={t('web.org.rename.submit')}
      onClose={onClose}
      submitting={mutation.isPending}
      error={mutation.error}
      validate={() => form.check(renameOrgInput, input()) !== null}
      onSubmit={() =>
        mutation.mutate(
          { id: org.id, ...renameOrgInput.parse(input()) },
          {
            onSuccess: (updated) => {
              notifications.show({ color: 'teal', message: t('web.org.rename.done', { name: updated.name }) });
              onClose();
            },
          },
        )
      }
    >
      <TextInput label={t('web.org.rename.newName')} value={name} onChange={(e) => setName(e.currentTarget.value)} error={form.error('name')} required maxLength={LIMITS.nameMax} data-autofocus />
      <TextInput label={t('web.org.field.shortName')} value={shortName} onChange={(e) => setShortName(e.currentTarget.value)} error={form.error('shortName')} maxLength={60} />
      <DateField label={t('web.common.effectiveOn')} value={effectiveOn} onChange={setEffectiveOn} error={form.error('effectiveOn')} required />
      <ReasonField value={reason} onChange={setReason} error={form.error('reason')} required={false} />
    </ActionModal>
  );
}
