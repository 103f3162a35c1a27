import { useState } from 'react';
import { Alert, Button, Divider, Drawer, Group, PasswordInput, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconLock, IconLockOpen, IconPlus, IconTrash } from '@tabler/icons-react';
import { assignRoleInput, updateUserInput, type UserItem } from '../../../../contracts/users';
import { ROLES, type Role } from '../../../../contracts/enums';
import { LIMITS } from '../../../../contracts/limits';
import { useT } from '../../../lib/i18n';
import { compareVi } from '../../../lib/format';
import { blankToNull } from '../../../lib/validation';
import { useFormValidation } from '../../../lib/use-form-validation';
import { useIsMobile } from '../../../lib/use-is-mobile';
import { ActionModal } from '../../../components/ui/action-modal';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { OrgPicker } from '../../../components/ui/org-picker';
import { useUpdateUser } from '../api/update-user';
import { useAssignRole } from '../api/assign-role';
import { RevokeRoleModal } from './revoke-role-modal';
import { UserStatusBadge } from './user-status';

type Assignment = UserItem['roles'][number];

/** One account: details, password reset, enable/disable, and the roles it holds on which units. */
export function ManageUserDrawer({ user, now, onClose }: { user: UserItem; now: number; onClose: () => void }) {
  const t = useT();
  const isMobile = useIsMobile();
  const [revoking, setRevoking] = useState<Assignment | null>(null);
  const [toggling, setToggling] = useState(false);
  return (
    <Drawer opened onClose={onClose} position="right" size={isMobile ? '100%' : 'lg'} title={<Title order={2} fz="h4">{user.displayName}</Title>}>
      <Stack gap="lg">
        <Group gap="sm">
          <Text size="sm" c="dimmed">
            {user.username}
          </Text>
          <UserStatusBadge user={user} now={now} />
        </Group>
        <DetailsForm user={user} key={user.id} />
        <Divider />
        <Stack gap="sm">
          <Title order={3} fz="h5">
            {t('web.users.roles.title')}
          </Title>
          {user.roles.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('web.users.roles.none')}
            </Text>
          ) : (
            <Table.ScrollContainer minWidth={360}>
              <Table aria-label={t('web.users.roles.title')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('web.users.roles.role')}</Table.Th>
                    <Table.Th>{t('web.users.roles.unit')}</Table.Th>
                    <Table.Th w={1}>
                      <span style={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' }}>{t('web.common.actions')}</span>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {[...user.roles]
                    .sort((a, b) => ROLES.indexOf(a.role) - ROLES.indexOf(b.role) || compareVi(a.orgName, b.orgName))
                    .map((assignment) => (
                      <Table.Tr key={assignment.id}>
                        <Table.Td>{t(`role.${assignment.role}`)}</Table.Td>
                        <Table.Td>{assignment.orgName}</Table.Td>
                        <Table.Td>
                          <Button
                            size="xs"
                            variant="subtle"
                            color="red"
                            leftSection={<IconTrash size={14} aria-hidden />}
                            onClick={() => setRevoking(assignment)}
                            aria-label={t('web.users.revoke.aria', { role: t(`role.${assignment.role}`), unit: assignment.orgName })}
                          >
                            {t('web.users.revoke.action')}
                          </Button>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          <AssignRoleForm user={user} />
        </Stack>
        <Divider />
        <Stack gap="xs">
          <Title order={3} fz="h5">
            {t('web.users.access.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {user.disabled ? t('web.users.access.disabledHelp') : t('web.users.access.enabledHelp')}
          </Text>
          <Button
            w="fit-content"
            variant={user.disabled ? 'light' : 'outline'}
            color={user.disabled ? 'teal' : 'red'}
            leftSection={user.disabled ? <IconLockOpen size={16} aria-hidden /> : <IconLock size={16} aria-hidden />}
            onClick={() => setToggling(true)}
          >
            {user.disabled ? t('web.users.access.enable') : t('web.users.access.disable')}
          </Button>
        </Stack>
      </Stack>
      {revoking && <RevokeRoleModal user={user} assignment={revoking} onClose={() => setRevoking(null)} />}
      {toggling && <ToggleDisabledModal user={user} onClose={() => setToggling(false)} />}
    </Drawer>
  );
}

function DetailsForm({ user }: { user: UserItem }) {
  const t = useT();
  const mutation = useUpdateUser();
  const form = useFormValidation(mutation.error);
  const [displayName, setDisplayName] = useState(user.displayName);
  const [email, setEmail] = useState(user.email ?? '');
  const [password, setPassword] = useState('');

  const changes = () => {
    const out: Record<string, unknown> = {};
    if (displayName !== user.displayName) out.displayName = displayName;
    if (blankToNull(email) !== user.email) out.email = blankToNull(email);
    if (password) out.password = password;
    return out;
  };

  const save = () => {
    const data = form.check(updateUserInput, changes());
    if (!data || Object.keys(changes()).length === 0) return;
    mutation.mutate(
      { id: user.id, ...data },
      {
        onSuccess: () => {
          setPassword('');
          notifications.show({ color: 'teal', message: t('web.users.details.saved', { name: displayName }) });
        },
      },
    );
  };

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
    >
      <Stack gap="sm">
        <TextInput label={t('web.users.field.displayName')} value={displayName} onChange={(e) => setDisplayName(e.currentTarget.value)} error={form.error('displayName')} required maxLength={LIMITS.nameMax} />
        <TextInput label={t('web.users.field.email')} value={email} onChange={(e) => setEmail(e.currentTarget.value)} error={form.error('email')} type="email" maxLength={200} />
        <PasswordInput
          label={t('web.users.field.newPassword')}
          description={t('web.users.newPasswordHint', { min: LIMITS.passwordMin })}
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
          error={form.error('password')}
          autoComplete="new-password"
          maxLength={200}
        />
        <ErrorAlert error={mutation.error} />
        <Button type="submit" w="fit-content" loading={mutation.isPending}>
          {t('web.common.saveChanges')}
        </Button>
      </Stack>
    </form>
  );
}

function AssignRoleForm({ user }: { user: UserItem }) {
  const t = useT();
  const mutation = useAssignRole();
  const form = useFormValidation(mutation.error);
  const [role, setRole] = useState<Role | null>(null);
  const [orgId, setOrgId] = useState<number | null>(null);

  const submit = () => {
    const data = form.check(assignRoleInput, { role: role ?? undefined, orgId: orgId ?? undefined });
    if (!data) return;
    mutation.mutate(
      { userId: user.id, ...data },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('web.users.assign.done', { role: t(`role.${data.role}`), name: user.displayName }) });
          setRole(null);
          setOrgId(null);
        },
      },
    );
  };

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <Alert variant="light" color="blue" title={t('web.users.assign.title')} p="sm">
        <Stack gap="sm">
          <Text size="xs">{t('web.users.assign.help')}</Text>
          <Select
            label={t('web.users.roles.role')}
            data={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
            value={role}
            onChange={(value) => setRole(value as Role | null)}
            error={form.error('role')}
            required
          />
          <OrgPicker label={t('web.users.roles.unit')} value={orgId} onChange={setOrgId} error={form.error('orgId')} activeOnly required />
          <ErrorAlert error={mutation.error} />
          <Button type="submit" w="fit-content" leftSection={<IconPlus size={16} aria-hidden />} loading={mutation.isPending}>
            {t('web.users.assign.submit')}
          </Button>
        </Stack>
      </Alert>
    </form>
  );
}

function ToggleDisabledModal({ user, onClose }: { user: UserItem; onClose: () => void }) {
  const t = useT();
  const mutation = useUpdateUser();
  const disabling = !user.disabled;
  return (
    <ActionModal
      title={disabling ? t('web.users.access.disable') : t('web.users.access.enable')}
      submitLabel={disabling ? t('web.users.access.disable') : t('web.users.access.enable')}
      onClose={onClose}
      submitting={mutation.isPending}
      error={mutation.error}
      danger={disabling}
      size="md"
      onSubmit={() =>
        mutation.mutate(
          { id: user.id, disabled: disabling },
          {
            onSuccess: () => {
              notifications.show({ color: 'teal', message: t(disabling ? 'web.users.access.disabledDone' : 'web.users.access.enabledDone', { name: user.displayName }) });
              onClose();
            },
          },
        )
      }
    >
      <Text size="sm">{t(disabling ? 'web.users.access.disableConfirm' : 'web.users.access.enableConfirm', { name: user.displayName, username: user.username })}</Text>
    </ActionModal>
  );
}
