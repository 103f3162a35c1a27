import { Badge, Group } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import type { MemberListItem } from '../../../../contracts/members';
import { useT } from '../../../lib/i18n';
import { formatDate } from '../../../lib/format';
import { AnchorLink } from '../../../components/ui/links';
import { ResponsiveTable, type Column } from '../../../components/ui/responsive-table';

interface MemberTableProps {
  rows: MemberListItem[];
  sort: string;
  onSortChange: (sort: string) => void;
  loading: boolean;
  refreshing: boolean;
}

export function MemberTable({ rows, sort, onSortChange, loading, refreshing }: MemberTableProps) {
  const t = useT();
  const navigate = useNavigate();
  const columns: Column<MemberListItem>[] = [
    { key: 'code', header: t('web.members.field.code'), sortKey: 'code', cell: (m) => m.memberCode, width: 120 },
    {
      key: 'name',
      header: t('web.members.field.fullName'),
      sortKey: 'name',
      primary: true,
      cell: (m) => (
        <AnchorLink to="/doan-vien/$memberId" params={{ memberId: m.id }} fw={500}>
          {m.fullName}
        </AnchorLink>
      ),
    },
    { key: 'gender', header: t('web.members.field.gender'), cell: (m) => t(`gender.${m.gender}`) },
    { key: 'birthDate', header: t('web.members.field.birthDate'), sortKey: 'birthDate', cell: (m) => formatDate(m.birthDate) },
    { key: 'position', header: t('web.members.field.position'), cell: (m) => m.position ?? '' },
    { key: 'unit', header: t('web.members.field.unit'), sortKey: 'unit', cell: (m) => m.orgName ?? '' },
    {
      key: 'flags',
      header: t('web.members.field.notes'),
      cell: (m) =>
        !m.isLeader && !m.isDirectWorker && m.status === 'ACTIVE' ? null : (
        <Group gap={4}>
          {m.isLeader && (
            <Badge size="sm" variant="light" color="grape">
              {t('web.members.badge.leader')}
            </Badge>
          )}
          {m.isDirectWorker && (
            <Badge size="sm" variant="light" color="cyan">
              {t('web.members.badge.directWorker')}
            </Badge>
          )}
          {m.status !== 'ACTIVE' && (
            <Badge size="sm" variant="light" color="gray">
              {t(`memberStatus.${m.status}`)}
            </Badge>
          )}
        </Group>
      ),
    },
  ];
  return (
    <ResponsiveTable
      caption={t('web.members.tableCaption')}
      columns={columns}
      rows={rows}
      rowKey={(m) => m.id}
      sort={sort}
      onSortChange={onSortChange}
      onRowClick={(m) => void navigate({ to: '/doan-vien/$memberId', params: { memberId: m.id } })}
      loading={loading}
      refreshing={refreshing}
      empty={t('web.members.empty')}
      testId="member-table"
      rowTestId="member-row"
      minWidth={860}
    />
  );
}
