import { useState } from 'react';
import { Grid, Select, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { CLUSTER_KINDS, type ClusterDto, type ClusterKind } from '../../../../contracts/clusters';
import { LIMITS } from '../../../../contracts/limits';
import { useT } from '../../../lib/i18n';
import { ActionModal } from '../../../components/ui/action-modal';
import { OrgPicker } from '../../../components/ui/org-picker';
import { useCreateCluster, useUpdateCluster } from '../api/clusters';
import { MembersEditor, membersProblem, type MemberDraft } from './members-editor';
import { currentYear } from '../../../lib/format';

const toInput = (ms: MemberDraft[]) => ms.map(({ orgId, role, rotationOrder }) => ({ orgId, role, rotationOrder }));

/** Create a cluster (organiser, year, kind, name, members) or edit one (name, members). */
export function ClusterFormModal({ cluster, defaultOrganiserId, onClose, onSaved }: { cluster?: ClusterDto; defaultOrganiserId?: number | null; onClose: () => void; onSaved?: (c: ClusterDto) => void }) {
  const t = useT();
  const create = useCreateCluster();
  const update = useUpdateCluster();
  const mutation = cluster ? update : create;
  const [organiserId, setOrganiserId] = useState<number | null>(cluster?.orgId ?? defaultOrganiserId ?? null);
  const [year, setYear] = useState<number>(cluster?.year ?? currentYear());
  const [kind, setKind] = useState<ClusterKind>(cluster?.kind ?? 'CLUSTER');
  const [name, setName] = useState(cluster?.name ?? '');
  const [members, setMembers] = useState<MemberDraft[]>(cluster?.members.map((m) => ({ orgId: m.orgId, name: m.name, role: m.role, rotationOrder: m.rotationOrder })) ?? []);
  const [errors, setErrors] = useState<{ organiser?: string; name?: string; members?: string }>({});

  const validate = () => {
    const problem = membersProblem(members);
    const next = {
      organiser: organiserId === null ? t('web.clusters.organiserRequired') : undefined,
      name: name.trim().length < 3 ? t('web.clusters.nameRequired') : undefined,
      members: problem ? t(problem) : undefined,
    };
    setErrors(next);
    return !next.organiser && !next.name && !next.members;
  };

  const done = (c: ClusterDto) => {
    notifications.show({ color: 'teal', message: cluster ? t('web.clusters.edit.done') : t('web.clusters.create.done', { name: c.name }) });
    onSaved?.(c);
    onClose();
  };

  const years = Array.from({ length: 6 }, (_, i) => String(currentYear() + 1 - i));
  return (
    <ActionModal
      title={cluster ? t('web.clusters.edit.title') : t('web.clusters.create.title')}
      submitLabel={t('web.common.save')}
      onClose={onClose}
      submitting={mutation.isPending}
      error={mutation.error}
      validate={validate}
      onSubmit={() => {
        if (cluster) update.mutate({ id: cluster.id, version: cluster.version, name: name.trim(), members: toInput(members) }, { onSuccess: done });
        else create.mutate({ orgId: organiserId!, year, kind, name: name.trim(), members: toInput(members) }, { onSuccess: done });
      }}
    >
      {!cluster && (
        <Grid gap="sm">
          <Grid.Col span={12}>
            <OrgPicker
              label={t('web.clusters.field.organiser')}
              value={organiserId}
              onChange={(id) => {
                setOrganiserId(id);
                setMembers([]);
              }}
              required
              activeOnly
              error={errors.organiser}
              data-testid="cluster-organiser"
            />
          </Grid.Col>
          <Grid.Col span={{ base: 6 }}>
            <Select label={t('web.clusters.field.year')} data={years} value={String(year)} onChange={(v) => setYear(Number(v))} allowDeselect={false} data-testid="cluster-form-year" />
          </Grid.Col>
          <Grid.Col span={{ base: 6 }}>
            <Select
              label={t('web.clusters.field.kind')}
              data={CLUSTER_KINDS.map((k) => ({ value: k, label: t(`web.clusters.kind.${k}`) }))}
              value={kind}
              onChange={(v) => setKind((v ?? 'CLUSTER') as ClusterKind)}
              allowDeselect={false}
              data-testid="cluster-form-kind"
            />
          </Grid.Col>
        </Grid>
      )}
      <TextInput label={t('web.clusters.field.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} required maxLength={LIMITS.nameMax} error={errors.name} data-testid="cluster-form-name" />
      <MembersEditor organiserId={organiserId} value={members} onChange={setMembers} error={errors.members} />
    </ActionModal>
  );
}
