import type { ReactNode } from 'react';
import { Badge, Group, Paper, SimpleGrid, Skeleton, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconBuildingCommunity, IconFileImport, IconHistory, IconInbox, IconSitemap, IconUsers, IconUserShield } from '@tabler/icons-react';
import { useT } from '../../../lib/i18n';
import { hasAbility, useMe } from '../../../lib/session';
import { formatNumber } from '../../../lib/format';
import { ButtonLink } from '../../../components/ui/links';
import { useMemberCount, useUnitCount } from '../api/get-home-counts';
import { useInboxSummary } from '../../inbox/api/inbox';
import classes from './home-page.module.css';

const INBOX_KINDS = ['REQUEST', 'REMINDER', 'DOCUMENT', 'NOTICE'] as const;

function StatCard({ label, value, loading, icon, atLeast = false }: { label: string; value: number | undefined; loading: boolean; icon: ReactNode; atLeast?: boolean }) {
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" wrap="nowrap">
        <Stack gap={2}>
          <Text size="sm" c="dimmed">
            {label}
          </Text>
          {loading ? <Skeleton height={32} width={96} /> : <Text fz={28} fw={700}>{value === undefined ? '—' : `${formatNumber(value)}${atLeast ? '+' : ''}`}</Text>}
        </Stack>
        <ThemeIcon size={44} radius="md" variant="light">
          {icon}
        </ThemeIcon>
      </Group>
    </Paper>
  );
}

/** "Việc cần làm": the landing page. Work items arrive with the award workflow; no invented data here. */
export function HomePage() {
  const t = useT();
  const me = useMe();
  const members = useMemberCount();
  const units = useUnitCount();
  const inbox = useInboxSummary();
  useDocumentTitle(`${t('web.home.title')} · ${t('app.name')}`);

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1} fz={{ base: 'h3', sm: 'h2' }}>
          {t('web.home.title')}
        </Title>
        <Text c="dimmed">{t('web.home.greeting', { name: me.displayName })}</Text>
      </Stack>

      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md" maw={720}>
        <StatCard label={t('web.home.members')} value={members.data?.total} atLeast={members.data?.capped} loading={members.isPending} icon={<IconUsers size={24} aria-hidden />} />
        <StatCard label={t('web.home.units')} value={units.data} loading={units.isPending} icon={<IconBuildingCommunity size={24} aria-hidden />} />
      </SimpleGrid>

      <Paper withBorder p="md" data-testid="home-inbox">
        <Group gap="xs" mb="sm">
          <IconInbox size={20} aria-hidden />
          <Title order={2} fz="h4">
            {t('web.home.inbox')}
          </Title>
          <Badge variant="light" color={inbox.data && inbox.data.unread > 0 ? 'red' : 'gray'}>
            {inbox.data ? formatNumber(inbox.data.unread) : '—'}
          </Badge>
        </Group>
        {inbox.data && inbox.data.unread > 0 ? (
          <Group gap="xs">
            {INBOX_KINDS.filter((k) => inbox.data.byKind[k] > 0).map((k) => (
              <ButtonLink key={k} to="/hop-thu" search={{ kind: k, unread: true }} variant="light" size="xs">
                {`${t(`web.cascade.inbox.kind.${k}`)}: ${formatNumber(inbox.data.byKind[k])}`}
              </ButtonLink>
            ))}
          </Group>
        ) : (
          <Text c="dimmed" size="sm">
            {t('web.home.inboxEmpty')}
          </Text>
        )}
      </Paper>

      <Stack gap="sm">
        <Title order={2} fz="h4">
          {t('web.home.shortcuts')}
        </Title>
        <div className={classes.shortcuts}>
          <ButtonLink to="/to-chuc" variant="default" leftSection={<IconSitemap size={18} aria-hidden />}>
            {t('web.nav.organisations')}
          </ButtonLink>
          <ButtonLink to="/doan-vien" variant="default" leftSection={<IconUsers size={18} aria-hidden />}>
            {t('web.nav.members')}
          </ButtonLink>
          <ButtonLink to="/nhap-du-lieu" variant="default" leftSection={<IconFileImport size={18} aria-hidden />}>
            {t('web.home.importShortcut')}
          </ButtonLink>
          {hasAbility(me, 'users.manage') && (
            <ButtonLink to="/nguoi-dung" variant="default" leftSection={<IconUserShield size={18} aria-hidden />}>
              {t('web.nav.users')}
            </ButtonLink>
          )}
          {hasAbility(me, 'audit.read') && (
            <ButtonLink to="/nhat-ky" variant="default" leftSection={<IconHistory size={18} aria-hidden />}>
              {t('web.nav.audit')}
            </ButtonLink>
          )}
        </div>
      </Stack>

      {me.roles.length > 0 && (
        <Stack gap="xs">
          <Title order={2} fz="h4">
            {t('web.home.roles')}
          </Title>
          <Group gap="xs">
            {me.roles.map((r) => (
              <Badge key={r.id} variant="outline">
                {t('web.users.roles.badge', { role: t(`role.${r.role}`), unit: r.orgName })}
              </Badge>
            ))}
          </Group>
        </Stack>
      )}
    </Stack>
  );
}
