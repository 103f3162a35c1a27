import { useState } from 'react';
import { Badge, Button, Group, Stack, Text } from '@mantine/core';
import { IconLink, IconUserMinus } from '@tabler/icons-react';
import type { CouncilMemberDto } from '../../../../contracts/councils';
import { useT } from '../../../lib/i18n';
import { formatDate } from '../../../lib/format';
import { hasAbility } from '../../../lib/session';
import { ResponsiveTable, type Column } from '../../../components/ui/responsive-table';
import type { CouncilDto } from '../api/councils';
import { RoleBadge } from './badges';
import { EndMemberModal, RelationModal } from './member-modals';

const ROLE_ORDER = { CHAIR: 0, VICE_CHAIR: 1, STANDING: 2, MEMBER: 3 } as const;

/** The council's seats: serving members first by role, then those whose seat ended (kept for the record). */
export function MemberTable({ council }: { council: CouncilDto }) {
  const t = useT();
  const [ending, setEnding] = useState<CouncilMemberDto | null>(null);
  const [relating, setRelating] = useState<CouncilMemberDto | null>(null);
  const canManage = hasAbility(council, 'council.members');
  const rows = [...council.members].sort((a, b) => Number(a.leftOn !== null) - Number(b.leftOn !== null) || ROLE_ORDER[a.role] - ROLE_ORDER[b.role]);

  const columns: Column<CouncilMemberDto>[] = [
    {
      key: 'name',
      header: t('web.councils.members.name'),
      primary: true,
      cell: (m) => (
        <Stack gap={0}>
          <Text size="sm" fw={500} c={m.leftOn ? 'dimmed' : undefined} data-testid="member-name">
            {m.fullName}
          </Text>
          {m.unitName && (
            <Text size="xs" c="dimmed">
              {m.unitName}
            </Text>
          )}
        </Stack>
      ),
    },
    { key: 'role', header: t('web.councils.members.role'), cell: (m) => <RoleBadge role={m.role} /> },
    { key: 'title', header: t('web.councils.members.title'), cell: (m) => m.title ?? '' },
    {
      key: 'seat',
      header: t('web.councils.members.seat'),
      cell: (m) =>
        m.leftOn ? (
          <Text size="sm" data-testid="member-left">
            {t('web.councils.members.left', { date: formatDate(m.leftOn), reason: m.leftReason ?? '' })}
          </Text>
        ) : (
          t('web.councils.members.since', { date: formatDate(m.joinedOn) })
        ),
    },
    {
      key: 'account',
      header: t('web.councils.members.account'),
      cell: (m) =>
        m.hasAccount ? (
          t('web.councils.members.hasAccount')
        ) : (
          <Badge color="orange" variant="light" style={{ textTransform: 'none' }} data-testid="member-no-account">
            {t('web.councils.members.noAccount')}
          </Badge>
        ),
    },
    {
      key: 'relations',
      header: t('web.councils.members.relations'),
      cell: (m) =>
        m.relations.length === 0 ? (
          ''
        ) : (
          <Stack gap={2} data-testid="member-relations">
            {m.relations.map((r) => (
              <Text key={r.id} size="xs">
                {r.subjectName}: {r.relation}
              </Text>
            ))}
          </Stack>
        ),
    },
  ];
  if (canManage) {
    columns.push({
      key: 'actions',
      header: t('web.common.actions'),
      hideOnCard: false,
      cell: (m) =>
        m.leftOn ? null : (
          <Group gap={4} wrap="wrap">
            <Button size="xs" variant="default" leftSection={<IconLink size={14} aria-hidden />} onClick={() => setRelating(m)} data-testid="member-relation">
              {t('web.councils.relation.button')}
            </Button>
            <Button size="xs" variant="default" leftSection={<IconUserMinus size={14} aria-hidden />} onClick={() => setEnding(m)} data-testid="member-end" aria-label={t('web.councils.members.endAria', { name: m.fullName })}>
              {t('web.councils.members.end')}
            </Button>
          </Group>
        ),
    });
  }

  return (
    <>
      <ResponsiveTable
        caption={t('web.councils.members.caption')}
        columns={columns}
        rows={rows}
        rowKey={(m) => m.id}
        empty={t('web.councils.members.empty')}
        testId="member-table"
        rowTestId="member-row"
        minWidth={900}
      />
      {ending && <EndMemberModal council={council} member={ending} onClose={() => setEnding(null)} />}
      {relating && <RelationModal council={council} member={relating} onClose={() => setRelating(null)} />}
    </>
  );
}
