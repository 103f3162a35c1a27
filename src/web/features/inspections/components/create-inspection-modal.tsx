import { useState } from 'react';
import { SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { INSPECTION_KINDS, INSPECTION_LIMITS } from '../../../../contracts/inspections';
import { useT } from '../../../lib/i18n';
import { serverFieldErrors } from '../../../lib/errors';
import { todayIso } from '../../../lib/format';
import { ActionModal } from '../../../components/ui/action-modal';
import { DateField } from '../../../components/ui/date-field';
import { OrgPicker } from '../../../components/ui/org-picker';
import { useCreateInspection, type InspectionDto, type InspectionKind } from '../api/inspections';

export const TOPIC_MIN = 5;
type Field = 'orgId' | 'targetOrgId' | 'topic' | 'plannedOn';

/** The kind: "Kiểm tra" or "Giám sát". */
export function KindField({ value, onChange }: { value: InspectionKind; onChange: (k: InspectionKind) => void }) {
  const t = useT();
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500} id="inspection-kind-label">
        {t('web.inspections.field.kind')}
      </Text>
      <SegmentedControl
        aria-labelledby="inspection-kind-label"
        data={INSPECTION_KINDS.map((k) => ({ value: k, label: t(`web.inspections.kind.${k}`) }))}
        value={value}
        onChange={(v) => onChange(v as InspectionKind)}
        data-testid="inspection-create-kind"
      />
    </Stack>
  );
}

export function TopicField({ value, onChange, error, testId }: { value: string; onChange: (v: string) => void; error?: string; testId: string }) {
  const t = useT();
  return (
    <Textarea
      label={t('web.inspections.field.topic')}
      value={value}
      onChange={(e) => {
        const v = e.currentTarget.value;
        onChange(v);
      }}
      error={error}
      required
      autosize
      minRows={2}
      maxRows={5}
      maxLength={INSPECTION_LIMITS.topicMax}
      data-testid={testId}
    />
  );
}

/** "Lập kế hoạch kiểm tra": who inspects whom, how, about what and when. */
export function CreateInspectionModal({ defaultOrgId, onClose, onCreated }: { defaultOrgId: number | null; onClose: () => void; onCreated: (i: InspectionDto) => void }) {
  const t = useT();
  const [orgId, setOrgId] = useState<number | null>(defaultOrgId);
  const [targetOrgId, setTargetOrgId] = useState<number | null>(null);
  const [kind, setKind] = useState<InspectionKind>('INSPECTION');
  const [topic, setTopic] = useState('');
  const [plannedOn, setPlannedOn] = useState<string | null>(todayIso());
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const create = useCreateInspection();
  const shown = { ...(serverFieldErrors(create.error) as Partial<Record<Field, string>>), ...errors };

  const validate = () => {
    const required = t('web.inspections.form.required');
    const next: Partial<Record<Field, string>> = {};
    if (orgId === null) next.orgId = required;
    if (targetOrgId === null) next.targetOrgId = required;
    if (topic.trim().length < TOPIC_MIN) next.topic = t('validation.tooShort', { min: TOPIC_MIN });
    if (plannedOn === null) next.plannedOn = required;
    setErrors(next);
    return Object.keys(next).length === 0;
  };

  return (
    <ActionModal
      title={t('web.inspections.create.title')}
      submitLabel={t('web.inspections.create.submit')}
      onClose={onClose}
      submitting={create.isPending}
      error={create.error}
      validate={validate}
      onSubmit={() => {
        if (orgId === null || targetOrgId === null || plannedOn === null) return;
        create.mutate(
          { orgId, targetOrgId, kind, topic: topic.trim(), plannedOn },
          {
            onSuccess: (i) => {
              notifications.show({ color: 'teal', message: t('web.inspections.create.done') });
              onCreated(i);
            },
          },
        );
      }}
    >
      <Text size="sm">{t('web.inspections.create.explain')}</Text>
      <OrgPicker label={t('web.inspections.field.org')} value={orgId} onChange={setOrgId} required activeOnly error={shown.orgId} data-testid="inspection-create-org" />
      <OrgPicker
        label={t('web.inspections.field.target')}
        description={t('web.inspections.field.targetHint')}
        value={targetOrgId}
        onChange={setTargetOrgId}
        required
        activeOnly
        excludeIds={orgId === null ? undefined : [orgId]}
        error={shown.targetOrgId}
        data-testid="inspection-create-target"
      />
      <KindField value={kind} onChange={setKind} />
      <TopicField value={topic} onChange={setTopic} error={shown.topic} testId="inspection-create-topic" />
      <DateField label={t('web.inspections.field.plannedOn')} value={plannedOn} onChange={setPlannedOn} required error={shown.plannedOn} data-testid="inspection-create-date" />
    </ActionModal>
  );
}
