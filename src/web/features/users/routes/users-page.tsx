import { useState } from 'react';
import { Badge, Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { getRouteApi, Navigate } from '@tanstack/react-router';
import { IconSearch, IconSettings, IconUserPlus } from '@tabler/icons-react';
import type { UserItem } from '../../../../contracts/users';
import { LIMITS } from '../../../../contracts/limits';
import { useT } from '../../../lib/i18n';
import { hasAbility, useMe } from '../../../lib/session';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { PageHeader } from '../../../components/ui/page-header';
import { PaginationBar } from '../../../components/ui/pagination-bar';
import { ResponsiveTable, type Column } from '../../../components/ui/responsive-table';
import { useUsers } from '../api/list-users';
import { CreateUserModal } from '../components/create-user-modal';
import { ManageUserDrawer } from '../components/manage-user-drawer';
import { UserStatusBadge } from '../components/user-status';

const route = getRouteApi('/app/nguoi-dung');

/** `/nguoi-dung`: accounts, their roles on units, and access. Needs `users.manage`. */
export function UsersPage() {
  const me = useMe();
  if (!hasAbility(me, 'users.manage')) return <Navigate to="/" replace />;
  return <UsersList />;
}

function UsersList() {
  const t = useT();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const params = { q: search.q, page: search.page ?? 1, pageSize: search.pageSize ?? LIMITS.pageSizeDefault };
  const list = useUsers(params);
  const [text, setText] = useState(search.q ?? '');
  const [creating, setCreating] = useState(false);
  const [selected, setSelected] = useState<UserItem | null>(null);
  // Read the clock when the data arrives, not on every render, to tell whether a lock still holds.
  const [now] = useState(() => Date.now());

  const pushQuery = useDebouncedCallback((value: string) => {
    void navigate({ search: (prev) => ({ ...prev, q: value.trim() || undefined, page: undefined }), replace: true });
  }, 350);

  // The drawer follows the list so that it shows roles as saved by the server.
  const current = selected ? (list.data?.items.find((u) => u.id === selected.id) ?? selected) : null;

  const columns: Column<UserItem>[] = [
    { key: 'username', header: t('web.users.field.username'), cell: (u) => <Text ff="monospace" size="sm">{u.username}</Text> },
    { key: 'displayName', header: t('web.users.field.displayName'), primary: true, cell: (u) => u.displayName },
    { key: 'email', header: t('web.users.field.email'), cell: (u) => u.email ?? '' },
    {
      key: 'roles',
      header: t('web.users.roles.title'),
      cell: (u) => (
        <Group gap={4}>
          {u.roles.map((r) => (
            <Badge key={r.id} variant="outline" size="sm" title={r.orgName}>
              {t('web.users.roles.badge', { role: t(`role.${r.role}`), unit: r.orgName })}
            </Badge>
          ))}
        </Group>
      ),
    },
    { key: 'status', header: t('web.users.field.status'), cell: (u) => <UserStatusBadge user={u} now={now} /> },
    {
      key: 'actions',
      header: t('web.common.actions'),
      cell: (u) => (
        <Button size="xs" variant="light" leftSection={<IconSettings size={14} aria-hidden />} onClick={() => setSelected(u)} aria-label={t('web.users.manageAria', { name: u.displayName })}>
          {t('web.users.manage')}
        </Button>
      ),
    },
  ];

  return (
    <Stack gap="md">
      <PageHeader
        title={t('web.users.title')}
        description={t('web.users.description')}
        actions={
          <Button leftSection={<IconUserPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
            {t('web.users.create.title')}
          </Button>
        }
      />
      <Paper withBorder p="sm" role="search">
        <TextInput
          type="search"
          label={t('web.users.search')}
          placeholder={t('web.users.searchPlaceholder')}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={text}
          onChange={(e) => {
            setText(e.currentTarget.value);
            pushQuery(e.currentTarget.value);
          }}
          maxLength={100}
        />
      </Paper>
      <ErrorAlert error={list.error} />
      <div>
        <ResponsiveTable
          caption={t('web.users.title')}
          columns={columns}
          rows={list.data?.items ?? []}
          rowKey={(u) => u.id}
          onRowClick={(u) => setSelected(u)}
          loading={list.isPending}
          refreshing={list.isPlaceholderData}
          empty={t('web.users.empty')}
          minWidth={820}
        />
        {list.data && (
          <PaginationBar
            total={list.data.total}
            page={params.page}
            pageSize={params.pageSize}
            onPageChange={(page) => void navigate({ search: (prev) => ({ ...prev, page: page === 1 ? undefined : page }) })}
            onPageSizeChange={(pageSize) => void navigate({ search: (prev) => ({ ...prev, pageSize, page: undefined }), replace: true })}
          />
        )}
      </div>
      {creating && (
        <CreateUserModal
          onClose={() => setCreating(false)}
          onCreated={(user) => {
            setCreating(false);
            // Open the new account straight away so roles can be assigned.
            if (Array.isArray(user?.roles)) setSelected(user);
          }}
        />
      )}
      {current && <ManageUserDrawer user={current} now={now} onClose={() => setSelected(null)} />}
    </Stack>
  );
}
