import { useState } from 'react';
import { Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { revokeRoleInput, type UserItem } from '../../../../contracts/users';
import { useT } from '../../../lib/i18n';
import { useFormValidation } from '../../../lib/use-form-validation';
import { ActionModal } from '../../../components/ui/action-modal';
import { ReasonField } from '../../../components/ui/reason-field';
import { useRevokeRole } from '../api/revoke-role';

type Assignment = UserItem['roles'][number];

export function RevokeRoleModal({ user, assignment, onClose }: { user: UserItem; assignment: Assignment; onClose: () => void }) {
  const t = useT();
  const mutation = useRevokeRole();
  const form = useFormValidation(mutation.error);
  const [reason, setReason] = useState('');
  const role = t(`role.${assignment.role}`);

  return (
    <ActionModal
      title={t('web.users.revoke.title')}
      submitLabel={t('web.users.revoke.submit')}
      onClose={onClose}
      submitting={mutation.isPending}
      error={mutation.error}
      danger
      validate={() => form.check(revokeRoleInput, { reason }) !== null}
      confirmMessage={t('web.users.revoke.confirm', { role, unit: assignment.orgName, name: user.displayName })}
      onSubmit={() =>
        mutation.mutate(
          { userId: user.id, roleId: assignment.id, ...revokeRoleInput.parse({ reason }) },
          {
            onSuccess: () => {
              notifications.show({ color: 'teal', message: t('web.users.revoke.done', { role, name: user.displayName }) });
              onClose();
            },
          },
        )
      }
    >
      <Text size="sm">{t('web.users.revoke.what', { role, unit: assignment.orgName, name: user.displayName })}</Text>
      <ReasonField value={reason} onChange={setReason} error={form.error('reason')} />
    </ActionModal>
  );
}
