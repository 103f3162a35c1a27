import { useState } from 'react';
import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { IconArrowLeft, IconCalendarPlus, IconPencil, IconTrophy } from '@tabler/icons-react';
import type { ClusterDto } from '../../../../contracts/clusters';
import { useT } from '../../../lib/i18n';
import { formatDate } from '../../../lib/format';
import { hasAbility } from '../../../lib/session';
import { AnchorLink } from '../../../components/ui/links';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { LoadingBlock } from '../../../components/ui/loading-block';
import { PageHeader } from '../../../components/ui/page-header';
import { ResponsiveTable, type Column } from '../../../components/ui/responsive-table';
import { useCluster } from '../api/clusters';
import { RoleBadge } from '../components/cluster-table';
import { ClusterFormModal } from '../components/cluster-form-modal';
import { CovenantEditor } from '../components/covenant-editor';
import { LeaderModal } from '../components/leader-modal';
import { NextYearModal } from '../components/next-year-modal';

const route = getRouteApi('/app/cum-thi-dua/$clusterId');

type Member = ClusterDto['members'][number];

/** `/cum-thi-dua/:id`: members with roles and rotation order, covenant, leader, and the year's actions. */
export function ClusterPage() {
  const t = useT();
  const { clusterId } = route.useParams();
  const navigate = route.useNavigate();
  const cluster = useCluster(clusterId);
  const [dialog, setDialog] = useState<'edit' | 'nextYear' | 'leader' | null>(null);

  const back = (
    <AnchorLink to="/cum-thi-dua" size="sm">
      <IconArrowLeft size={14} aria-hidden /> {t('web.clusters.back')}
    </AnchorLink>
  );
  if (cluster.isPending) return <LoadingBlock />;
  if (cluster.error) {
    return (
      <Stack gap="md">
        {back}
        <ErrorAlert error={cluster.error} />
      </Stack>
    );
  }
  const c = cluster.data;
  const columns: Column<Member>[] = [
    { key: 'order', header: t('web.clusters.field.order'), cell: (m) => String(m.rotationOrder), width: 120 },
    {
      key: 'unit',
      header: t('web.clusters.field.unit'),
      primary: true,
      cell: (m) => (
        <Text span size="sm" fw={500}>
          {m.name}
          {!m.active && (
            <Badge ml="xs" color="gray" variant="light" style={{ textTransform: 'none' }}>
              {t('web.clusters.inactive')}
            </Badge>
          )}
        </Text>
      ),
    },
    { key: 'role', header: t('web.clusters.field.role'), cell: (m) => <RoleBadge role={m.role} /> },
  ];

  return (
    <Stack gap="md">
      {back}
      <PageHeader
        title={c.name}
        description={`${t(`web.clusters.kind.${c.kind}`)} · ${c.year} · ${c.orgName} · ${t(`web.clusters.level.${c.level}`)}`}
        actions={
          <>
            {hasAbility(c, 'cluster.update') && (
              <Button variant="default" leftSection={<IconPencil size={16} aria-hidden />} onClick={() => setDialog('edit')} data-testid="cluster-edit">
                {t('web.clusters.edit')}
              </Button>
            )}
            {hasAbility(c, 'cluster.nextYear') && (
              <Button variant="default" leftSection={<IconCalendarPlus size={16} aria-hidden />} onClick={() => setDialog('nextYear')} data-testid="cluster-next-year">
                {t('web.clusters.nextYear')}
              </Button>
            )}
            {hasAbility(c, 'cluster.leader') && (
              <Button leftSection={<IconTrophy size={16} aria-hidden />} onClick={() => setDialog('leader')} data-testid="cluster-choose-leader">
                {c.leader ? t('web.clusters.leader.replace') : t('web.clusters.leader.choose')}
              </Button>
            )}
          </>
        }
      />
      <Paper withBorder p="md">
        <Group gap="xs" wrap="wrap">
          <Text size="sm" fw={500}>
            {t('web.clusters.field.leader')}:
          </Text>
          <Text size="sm" data-testid="cluster-leader">
            {c.leader ? t('web.clusters.leader.line', { unit: c.leader.name, date: formatDate(c.leader.chosenOn) }) : t('web.clusters.noLeader')}
          </Text>
        </Group>
      </Paper>
      <Stack gap="xs">
        <Title order={2} fz="h4">
          {t('web.clusters.members.title')}
        </Title>
        <ResponsiveTable caption={t('web.clusters.members.title')} columns={columns} rows={c.members} rowKey={(m) => m.orgId} testId="cluster-members" rowTestId="cluster-member" minWidth={520} />
      </Stack>
      <CovenantEditor key={c.version} cluster={c} />
      {dialog === 'edit' && <ClusterFormModal cluster={c} onClose={() => setDialog(null)} />}
      {dialog === 'nextYear' && <NextYearModal cluster={c} onClose={() => setDialog(null)} onCreated={(n) => void navigate({ to: '/cum-thi-dua/$clusterId', params: { clusterId: n.id } })} />}
      {dialog === 'leader' && <LeaderModal cluster={c} onClose={() => setDialog(null)} />}
    </Stack>
  );
}
