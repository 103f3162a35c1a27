import { useState } from 'react';
import { PasswordInput, Select, SimpleGrid, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { createUserInput, type UserItem } from '../../../../contracts/users';
import { LOCALES, type Locale } from '../../../../contracts/enums';
import { LIMITS } from '../../../../contracts/limits';
import { useT } from '../../../lib/i18n';
import { blankToNull } from '../../../lib/validation';
import { useFormValidation } from '../../../lib/use-form-validation';
import { ActionModal } from '../../../components/ui/action-modal';
import { useCreateUser } from '../api/create-user';

export function CreateUserModal({ onClose, onCreated }: { onClose: () => void; onCreated: (user: UserItem) => void }) {
  const t = useT();
  const mutation = useCreateUser();
  const form = useFormValidation(mutation.error);
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [locale, setLocale] = useState<Locale>('vi');

  const input = () => ({ username, displayName, email: blankToNull(email), password, locale });

  return (
    <ActionModal
      title={t('web.users.create.title')}
      submitLabel={t('web.users.create.submit')}
      onClose={onClose}
      submitting={mutation.isPending}
      error={mutation.error}
      validate={() => form.check(createUserInput, input()) !== null}
      onSubmit={() =>
        mutation.mutate(createUserInput.parse(input()), {
          onSuccess: (user) => {
            notifications.show({ color: 'teal', message: t('web.users.create.done', { name: user.displayName }) });
            onCreated(user);
          },
        })
      }
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t('web.users.field.username')}
          description={t('web.users.create.usernameHint')}
          value={username}
          onChange={(e) => setUsername(e.currentTarget.value.toLowerCase())}
          error={form.error('username')}
          required
          maxLength={LIMITS.usernameMax}
          autoCapitalize="none"
          autoComplete="off"
          spellCheck={false}
          data-autofocus
        />
        <TextInput label={t('web.users.field.displayName')} value={displayName} onChange={(e) => setDisplayName(e.currentTarget.value)} error={form.error('displayName')} required maxLength={LIMITS.nameMax} />
        <TextInput label={t('web.users.field.email')} value={email} onChange={(e) => setEmail(e.currentTarget.value)} error={form.error('email')} type="email" maxLength={200} />
        <Select
          label={t('web.users.field.locale')}
          data={LOCALES.map((code) => ({ value: code, label: t(`web.locale.${code}`) }))}
          value={locale}
          onChange={(value) => value && setLocale(value as Locale)}
          allowDeselect={false}
        />
      </SimpleGrid>
      <PasswordInput
        label={t('web.users.field.password')}
        description={t('web.users.passwordHint', { min: LIMITS.passwordMin })}
        value={password}
        onChange={(e) => setPassword(e.currentTarget.value)}
        error={form.error('password')}
        required
        autoComplete="new-password"
        maxLength={200}
      />
    </ActionModal>
  );
}
