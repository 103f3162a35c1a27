import { Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { ClusterDto } from '../../../../contracts/clusters';
import { rotate } from '../../../../domain/clusters/rotation';
import { useT } from '../../../lib/i18n';
import { ActionModal } from '../../../components/ui/action-modal';
import { useNextYear } from '../api/clusters';

/** "Năm sau": shows who becomes head and deputy (the same rotation the server applies), then creates it. */
export function NextYearModal({ cluster, onClose, onCreated }: { cluster: ClusterDto; onClose: () => void; onCreated: (c: ClusterDto) => void }) {
  const t = useT();
  const mutation = useNextYear();
  const rotated = rotate(cluster.members);
  const nameOf = (role: string) => cluster.members.find((m) => m.orgId === rotated.find((r) => r.role === role)?.orgId)?.name ?? '—';
  const year = cluster.year + 1;
  return (
    <ActionModal
      title={t('web.clusters.nextYear.title', { year })}
      submitLabel={t('web.clusters.nextYear')}
      onClose={onClose}
      submitting={mutation.isPending}
      error={mutation.error}
      size="md"
      onSubmit={() =>
        mutation.mutate(cluster.id, {
          onSuccess: (c) => {
            notifications.show({ color: 'teal', message: t('web.clusters.nextYear.done', { year }) });
            onClose();
            onCreated(c);
          },
        })
      }
    >
      <Text size="sm" data-testid="cluster-next-year-preview">
        {t('web.clusters.nextYear.body', { name: cluster.name, year, head: nameOf('HEAD'), deputy: nameOf('DEPUTY') })}
      </Text>
    </ActionModal>
  );
}
