import { useState } from 'react';
import { Grid, Select, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { MODEL_KINDS, MODEL_LIMITS, type ModelKind } from '../../../../contracts/models';
import { useT } from '../../../lib/i18n';
import { serverFieldErrors } from '../../../lib/errors';
import { todayIso } from '../../../lib/format';
import { ActionModal } from '../../../components/ui/action-modal';
import { DateField } from '../../../components/ui/date-field';
import { LongTextField } from '../../../components/ui/long-text-field';
import { OrgPicker } from '../../../components/ui/org-picker';
import { PersonPicker } from '../../../components/ui/person-picker';
import { useMovements } from '../../movements/api/movements';
import { NoteField } from './model-modals';
import { useCreateModel, useUpdateModel, type ModelDto } from '../api/models';

type Field = 'orgId' | 'kind' | 'name' | 'description' | 'personId' | 'subjectOrgId' | 'responsibleOrgId' | 'movementId' | 'field' | 'discoveredOn' | 'fosteringPlan';

interface Draft {
  orgId: number | null;
  kind: ModelKind;
  name: string;
  description: string;
  personId: number | null;
  subjectOrgId: number | null;
  responsibleOrgId: number | null;
  movementId: number | null;
  field: string;
  discoveredOn: string | null;
  fosteringPlan: string;
}

function draftOf(m: ModelDto | null, defaultOrgId: number | null): Draft {
  return {
    orgId: m?.orgId ?? defaultOrgId,
    kind: m?.kind ?? 'MODEL',
    name: m?.name ?? '',
    description: m?.description ?? '',
    personId: m?.personId ?? null,
    subjectOrgId: m?.subjectOrgId ?? null,
    responsibleOrgId: m?.responsibleOrgId ?? defaultOrgId,
    movementId: m?.movementId ?? null,
    field: m?.field ?? '',
    discoveredOn: m?.discoveredOn ?? todayIso(),
    fosteringPlan: m?.fosteringPlan ?? '',
  };
}

/** "Thêm mô hình" and "Sửa thông tin": what the entry is, whom it holds up, who fosters it, and the plan. */
export function ModelFormModal({ model, defaultOrgId, onClose, onSaved }: { model: ModelDto | null; defaultOrgId: number | null; onClose: () => void; onSaved: (m: ModelDto) => void }) {
  const t = useT();
  const [d, setD] = useState<Draft>(() => draftOf(model, defaultOrgId));
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const create = useCreateModel();
  const update = useUpdateModel(model?.id ?? 0);
  const action = model ? update : create;
  const movements = useMovements({ orgId: undefined, year: undefined, status: undefined, kind: undefined, page: 1, pageSize: 100 });
  const shown = { ...(serverFieldErrors(action.error) as Partial<Record<Field, string>>), ...errors };
  const set = (patch: Partial<Draft>) => {
    setD((prev) => ({ ...prev, ...patch }));
    // A field being corrected no longer shows its old error.
    setErrors((prev) => Object.fromEntries(Object.entries(prev).filter(([k]) => !(k in patch))));
  };

  const validate = () => {
    const required = t('web.models.form.required');
    const next: Partial<Record<Field, string>> = {};
    if (d.orgId === null) next.orgId = required;
    if (d.responsibleOrgId === null) next.responsibleOrgId = required;
    if (d.name.trim().length < MODEL_LIMITS.nameMin) next.name = t('validation.tooShort', { min: MODEL_LIMITS.nameMin });
    if (d.description.trim().length < MODEL_LIMITS.descriptionMin) next.description = t('validation.tooShort', { min: MODEL_LIMITS.descriptionMin });
    if (d.kind === 'PERSON' && d.personId === null) next.personId = required;
    if (d.kind === 'COLLECTIVE' && d.subjectOrgId === null) next.subjectOrgId = required;
    if (d.discoveredOn === null) next.discoveredOn = required;
    setErrors(next);
    return Object.keys(next).length === 0;
  };

  const submit = () => {
    if (d.orgId === null || d.responsibleOrgId === null || d.discoveredOn === null) return;
    const body = {
      kind: d.kind,
      name: d.name.trim(),
      description: d.description.trim(),
      personId: d.kind === 'PERSON' ? d.personId : null,
      subjectOrgId: d.kind === 'PERSON' ? null : d.subjectOrgId,
      responsibleOrgId: d.responsibleOrgId,
      movementId: d.movementId,
      field: d.field.trim() || null,
      discoveredOn: d.discoveredOn,
      fosteringPlan: d.fosteringPlan.trim() || null,
    };
    const onSuccess = (m: ModelDto) => {
      notifications.show({ color: 'teal', message: t(model ? 'web.models.edit.done' : 'web.models.create.done') });
      onSaved(m);
    };
    if (model) update.mutate({ ...body, version: model.version }, { onSuccess });
    else create.mutate({ ...body, orgId: d.orgId }, { onSuccess });
  };

  return (
    <ActionModal
      title={t(model ? 'web.models.edit.title' : 'web.models.create.title')}
      submitLabel={t(model ? 'web.common.save' : 'web.models.create.submit')}
      onClose={onClose}
      submitting={action.isPending}
      error={action.error}
      validate={validate}
      onSubmit={submit}
    >
      {!model && <OrgPicker label={t('web.models.field.org')} value={d.orgId} onChange={(orgId) => set({ orgId, responsibleOrgId: d.responsibleOrgId ?? orgId })} required activeOnly error={shown.orgId} data-testid="model-form-org" />}
      <Select
        label={t('web.models.field.kind')}
        data={MODEL_KINDS.map((k) => ({ value: k, label: t(`web.models.kind.${k}`) }))}
        value={d.kind}
        onChange={(v) => v && set({ kind: v as ModelKind })}
        allowDeselect={false}
        required
        data-testid="model-form-kind"
      />
      <TextInput label={t('web.models.field.name')} value={d.name} onChange={(e) => set({ name: e.currentTarget.value })} maxLength={MODEL_LIMITS.nameMax} required error={shown.name} data-testid="model-form-name" />
      <LongTextField label={t('web.models.field.description')} value={d.description} onChange={(description) => set({ description })} max={MODEL_LIMITS.descriptionMax} maxRows={8} error={shown.description} testId="model-form-description" />
      {d.kind === 'PERSON' ? (
        <PersonPicker
          label={t('web.models.field.person')}
          placeholder={t('web.models.field.personPlaceholder')}
          nothingFound={t('web.models.field.personNone')}
          value={d.personId}
          onChange={(personId) => set({ personId })}
          error={shown.personId}
          data-testid="model-form-person"
        />
      ) : (
        <OrgPicker label={t('web.models.field.subjectOrg')} value={d.subjectOrgId} onChange={(subjectOrgId) => set({ subjectOrgId })} clearable required={d.kind === 'COLLECTIVE'} error={shown.subjectOrgId} data-testid="model-form-subject-org" />
      )}
      <OrgPicker label={t('web.models.field.responsible')} value={d.responsibleOrgId} onChange={(responsibleOrgId) => set({ responsibleOrgId })} required activeOnly error={shown.responsibleOrgId} data-testid="model-form-responsible" />
      <Grid gap="sm">
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <DateField label={t('web.models.field.discoveredOn')} value={d.discoveredOn} onChange={(discoveredOn) => set({ discoveredOn })} required maxDate={todayIso()} error={shown.discoveredOn} data-testid="model-form-discovered" />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <TextInput label={t('web.models.field.fieldOfWork')} description={t('web.models.field.fieldHint')} value={d.field} onChange={(e) => set({ field: e.currentTarget.value })} maxLength={MODEL_LIMITS.fieldMax} error={shown.field} data-testid="model-form-field" />
        </Grid.Col>
      </Grid>
      <Select
        label={t('web.models.field.movement')}
        data={(movements.data?.items ?? []).map((m) => ({ value: String(m.id), label: `${m.title} (${m.year})` }))}
        value={d.movementId === null ? null : String(d.movementId)}
        onChange={(v) => set({ movementId: v ? Number(v) : null })}
        clearable
        searchable
        error={shown.movementId}
        data-testid="model-form-movement"
      />
      <NoteField label={t('web.models.field.plan')} description={t('web.models.field.planHint')} value={d.fosteringPlan} onChange={(fosteringPlan) => set({ fosteringPlan })} max={MODEL_LIMITS.planMax} required={model !== null && model.stage !== 'DISCOVERED'} error={shown.fosteringPlan} testId="model-form-plan" />
    </ActionModal>
  );
}
