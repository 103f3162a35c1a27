import { useState } from 'react';
import { Breadcrumbs, Button, Group, Paper, Stack, Tabs, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useNavigate } from '@tanstack/react-router';
import { AnchorLink, ButtonLink } from '../../../components/ui/links';
import { IconArrowsExchange, IconAward, IconCirclePlus, IconListCheck, IconGitMerge, IconHistory, IconInfoCircle, IconPencil, IconPlayerStop, IconUsers, IconUsersGroup } from '@tabler/icons-react';
import type { OrgDetail } from '../../../../contracts/organisations';
import { useT } from '../../../lib/i18n';
import { hasAbility } from '../../../lib/session';
import { OrgStatusBadge } from '../../../components/ui/org-status-badge';
import { formatNumber } from '../../../lib/format';
import { OrgOverview } from './org-overview';
import { OrgOfficers } from './org-officers';
import { OrgHistory } from './org-history';
import { CreateOrgModal } from './create-org-modal';
import { RenameOrgModal } from './rename-org-modal';
import { MoveOrgModal } from './move-org-modal';
import { MergeOrgModal } from './merge-org-modal';
import { EndOrgModal } from './end-org-modal';

type ModalKind = 'create' | 'rename' | 'move' | 'merge' | 'end';

/** Everything about one unit, and the changes the user may make to it (its `abilities`). */
export function OrgDetailPanel({ org, showInactive }: { org: OrgDetail; showInactive: boolean }) {
  const t = useT();
  const navigate = useNavigate();
  const [modal, setModal] = useState<ModalKind | null>(null);
  const close = () => setModal(null);
  const can = (ability: string) => hasAbility(org, ability);
  useDocumentTitle(`${org.name} · ${t('app.name')}`);

  return (
    <Stack gap="md">
      <Breadcrumbs separator="›" separatorMargin={4} styles={{ root: { flexWrap: 'wrap' } }} aria-label={t('web.org.breadcrumb')}>
        {org.ancestors.map((ancestor) => (
          <AnchorLink key={ancestor.id} to="/to-chuc/$orgId" params={{ orgId: ancestor.id }} search={{ showInactive: showInactive || undefined }} size="sm">
            {ancestor.name}
          </AnchorLink>
        ))}
        <Text size="sm" aria-current="page">
          {org.shortName ?? org.name}
        </Text>
      </Breadcrumbs>

      <Stack gap={6}>
        <Group gap="sm" align="center">
          <Title order={1} fz={{ base: 'h3', sm: 'h2' }} c={org.status === 'ACTIVE' ? undefined : 'dimmed'}>
            {org.name}
          </Title>
          <OrgStatusBadge status={org.status} />
        </Group>
        {org.mergedInto && (
          <Text size="sm">
            {t('web.org.mergedInto')}{' '}
            <AnchorLink to="/to-chuc/$orgId" params={{ orgId: org.mergedInto.id }} search={{ showInactive: showInactive || undefined }}>
              {org.mergedInto.name}
            </AnchorLink>
          </Text>
        )}
        <Text size="sm" c="dimmed">
          {t('web.org.memberCountLine', { count: formatNumber(org.memberCount) })}
        </Text>
      </Stack>

      <Group gap="xs">
        <ButtonLink to="/doan-vien" search={{ orgId: org.id }} variant="light" leftSection={<IconUsers size={16} aria-hidden />}>
          {t('web.org.viewMembers')}
        </ButtonLink>
        <ButtonLink to="/to-chuc/$orgId/ho-so" params={{ orgId: org.id }} variant="light" leftSection={<IconAward size={16} aria-hidden />} data-testid="org-records-link">
          {t('web.records.title')}
        </ButtonLink>
        <ButtonLink to="/xet-dieu-kien" search={{ orgId: org.id }} variant="light" leftSection={<IconListCheck size={16} aria-hidden />}>
          {t('web.elig.title')}
        </ButtonLink>
        {can('org.createChild') && (
          <Button variant="default" leftSection={<IconCirclePlus size={16} aria-hidden />} onClick={() => setModal('create')}>
            {t('web.org.action.create')}
          </Button>
        )}
        {can('org.update') && (
          <Button variant="default" leftSection={<IconPencil size={16} aria-hidden />} onClick={() => setModal('rename')}>
            {t('web.org.action.rename')}
          </Button>
        )}
        {can('org.move') && (
          <Button variant="default" leftSection={<IconArrowsExchange size={16} aria-hidden />} onClick={() => setModal('move')}>
            {t('web.org.action.move')}
          </Button>
        )}
        {can('org.merge') && (
          <Button variant="default" leftSection={<IconGitMerge size={16} aria-hidden />} onClick={() => setModal('merge')}>
            {t('web.org.action.merge')}
          </Button>
        )}
        {can('org.end') && (
          <Button variant="outline" color="red" leftSection={<IconPlayerStop size={16} aria-hidden />} onClick={() => setModal('end')}>
            {t('web.org.action.end')}
          </Button>
        )}
      </Group>

      <Paper withBorder p={{ base: 'xs', sm: 'md' }}>
        <Tabs defaultValue="overview" keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="overview" leftSection={<IconInfoCircle size={16} aria-hidden />}>
              {t('web.org.tab.overview')}
            </Tabs.Tab>
            <Tabs.Tab value="officers" leftSection={<IconUsersGroup size={16} aria-hidden />}>
              {t('web.org.tab.officers')}
            </Tabs.Tab>
            <Tabs.Tab value="history" leftSection={<IconHistory size={16} aria-hidden />}>
              {t('web.org.tab.history')}
            </Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="overview" pt="md">
            <OrgOverview org={org} showInactive={showInactive} />
          </Tabs.Panel>
          <Tabs.Panel value="officers" pt="md">
            <OrgOfficers officers={org.officers} />
          </Tabs.Panel>
          <Tabs.Panel value="history" pt="md">
            <OrgHistory history={org.history} />
          </Tabs.Panel>
        </Tabs>
      </Paper>

      {modal === 'create' && (
        <CreateOrgModal
          parent={org}
          onClose={close}
          onCreated={(created) => {
            close();
            void navigate({ to: '/to-chuc/$orgId', params: { orgId: created.id }, search: { showInactive: showInactive || undefined } });
          }}
        />
      )}
      {modal === 'rename' && <RenameOrgModal org={org} onClose={close} />}
      {modal === 'move' && <MoveOrgModal org={org} onClose={close} />}
      {modal === 'merge' && <MergeOrgModal org={org} onClose={close} />}
      {modal === 'end' && <EndOrgModal org={org} onClose={close} />}
    </Stack>
  );
}
