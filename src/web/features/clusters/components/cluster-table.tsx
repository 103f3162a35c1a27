import { Badge, Text } from '@mantine/core';
import type { ClusterDto } from '../../../../contracts/clusters';
import { useT } from '../../../lib/i18n';
import { ResponsiveTable, type Column } from '../../../components/ui/responsive-table';
import { AnchorLink } from '../../../components/ui/links';

export function RoleBadge({ role }: { role: ClusterDto['members'][number]['role'] }) {
  const t = useT();
  if (role === 'MEMBER') return <Text span size="sm">{t('web.clusters.role.MEMBER')}</Text>;
  return (
    <Badge color={role === 'HEAD' ? 'blue' : 'grape'} variant="light" style={{ textTransform: 'none' }} data-testid="cluster-role" data-role={role}>
      {t(`web.clusters.role.${role}`)}
    </Badge>
  );
}

interface ClusterTableProps {
  rows: ClusterDto[];
  loading: boolean;
  refreshing: boolean;
  onOpen: (cluster: ClusterDto) => void;
}

export function ClusterTable({ rows, loading, refreshing, onOpen }: ClusterTableProps) {
  const t = useT();
  const columns: Column<ClusterDto>[] = [
    {
      key: 'name',
      header: t('web.clusters.field.name'),
      primary: true,
      cell: (c) => (
        <AnchorLink to="/cum-thi-dua/$clusterId" params={{ clusterId: c.id }} size="sm" fw={500} data-testid="cluster-open">
          {c.name}
        </AnchorLink>
      ),
    },
    { key: 'kind', header: t('web.clusters.field.kind'), cell: (c) => t(`web.clusters.kind.${c.kind}`) },
    { key: 'year', header: t('web.clusters.field.year'), cell: (c) => String(c.year) },
    { key: 'organiser', header: t('web.clusters.field.organiser'), cell: (c) => c.orgName },
    { key: 'head', header: t('web.clusters.field.head'), cell: (c) => c.members.find((m) => m.role === 'HEAD')?.name ?? '—' },
    { key: 'members', header: t('web.clusters.field.members'), cell: (c) => String(c.members.length) },
    { key: 'leader', header: t('web.clusters.field.leader'), cell: (c) => c.leader?.name ?? t('web.clusters.noLeader') },
  ];
  return (
    <ResponsiveTable
      caption={t('web.clusters.tableCaption')}
      columns={columns}
      rows={rows}
      rowKey={(c) => c.id}
      loading={loading}
      refreshing={refreshing}
      onRowClick={onOpen}
      empty={t('web.clusters.empty')}
      testId="cluster-table"
      rowTestId="cluster-row"
      minWidth={900}
    />
  );
}
