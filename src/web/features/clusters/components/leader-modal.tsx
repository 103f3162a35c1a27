import { useState } from 'react';
import { Alert, Select, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { ClusterDto } from '../../../../contracts/clusters';
import { LIMITS } from '../../../../contracts/limits';
import { useT } from '../../../lib/i18n';
import { todayIso } from '../../../lib/format';
import { ActionModal } from '../../../components/ui/action-modal';
import { DateField } from '../../../components/ui/date-field';
import { ReasonField } from '../../../components/ui/reason-field';
import { useChooseLeader } from '../api/clusters';

/** Year end: the unit chosen by peer review; replacing an earlier choice asks for the reason. */
export function LeaderModal({ cluster, onClose }: { cluster: ClusterDto; onClose: () => void }) {
  const t = useT();
  const mutation = useChooseLeader();
  const today = todayIso();
  const defaultDate = today < `${cluster.year + 1}-03-31` ? today : `${cluster.year}-12-31`;
  const [orgId, setOrgId] = useState<string | null>(null);
  const [chosenOn, setChosenOn] = useState<string | null>(defaultDate);
  const [note, setNote] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ unit?: string; date?: string; reason?: string }>({});
  const replacing = cluster.leader !== null;

  const validate = () => {
    const next = {
      unit: orgId === null ? t('web.clusters.leader.unitRequired') : undefined,
      date: chosenOn === null ? t('web.clusters.leader.dateRequired') : undefined,
      reason: replacing && reason.trim().length < LIMITS.reasonMin ? t('web.clusters.leader.reasonRequired') : undefined,
    };
    setErrors(next);
    return !next.unit && !next.date && !next.reason;
  };

  return (
    <ActionModal
      title={t('web.clusters.leader.title', { year: cluster.year })}
      submitLabel={replacing ? t('web.clusters.leader.replace') : t('web.clusters.leader.choose')}
      onClose={onClose}
      submitting={mutation.isPending}
      error={mutation.error}
      size="md"
      validate={validate}
      confirmMessage={replacing ? t('web.clusters.leader.replaceBody', { unit: cluster.leader!.name }) : undefined}
      danger={replacing}
      onSubmit={() =>
        mutation.mutate(
          { id: cluster.id, version: cluster.version, orgId: Number(orgId), chosenOn: chosenOn!, note: note.trim() || null, ...(replacing ? { reason: reason.trim() } : {}) },
          {
            onSuccess: (c) => {
              notifications.show({ color: 'teal', message: t('web.clusters.leader.done', { unit: c.leader?.name ?? '' }) });
              onClose();
            },
          },
        )
      }
    >
      <Text size="sm">{t('web.clusters.leader.body')}</Text>
      {replacing && (
        <Alert color="orange" variant="light">
          {t('web.clusters.leader.replaceBody', { unit: cluster.leader!.name })}
        </Alert>
      )}
      <Select
        label={t('web.clusters.leader.unit')}
        data={cluster.members.filter((m) => m.active && m.orgId !== cluster.leader?.orgId).map((m) => ({ value: String(m.orgId), label: m.name }))}
        value={orgId}
        onChange={setOrgId}
        required
        error={errors.unit}
        searchable
        data-testid="cluster-leader-unit"
      />
      <DateField label={t('web.clusters.leader.chosenOn')} value={chosenOn} onChange={setChosenOn} maxDate={today} required error={errors.date} data-testid="cluster-leader-date" />
      <Textarea label={t('web.clusters.leader.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={2} maxLength={LIMITS.textMax} />
      {replacing && <ReasonField value={reason} onChange={setReason} error={errors.reason} />}
    </ActionModal>
  );
}
